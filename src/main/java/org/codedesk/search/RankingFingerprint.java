package org.codedesk.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What autocomplete's saved answers were computed with: a digest of the search code (the classes of
 * {@code org.codedesk.search} and below) and of its word lists ({@code search/} resources). A table saved by another
 * build of the ranking is recomputed, not served: the index's key names the data, not the code that ranks it.
 */
final class RankingFingerprint {

    private static final String[] PATTERNS = {"classpath*:org/codedesk/search/**/*.class", "classpath*:search/**/*.*"};

    private RankingFingerprint() {
    }

    static String of() {
        return Holder.VALUE;
    }

    private static final class Holder {
        static final String VALUE = compute();
    }

    private static String compute() {
        try {
            // by path within the class path, so that where the application is installed does not change the digest
            Map<String, Resource> byPath = new TreeMap<>();
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(RankingFingerprint.class.getClassLoader());
            for (String pattern : PATTERNS) {
                String root = pattern.substring("classpath*:".length(), pattern.indexOf('*', "classpath*:".length()));
                for (Resource resource : resolver.getResources(pattern)) {
                    String url = resource.getURL().toString();
                    int at = url.lastIndexOf(root);
                    byPath.putIfAbsent(at < 0 ? url : url.substring(at), resource);
                }
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Resource> entry : byPath.entrySet()) {
                digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = entry.getValue().getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return byPath.size() + "-" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
