package org.codedesk.search.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A curated list kept in the repo ({@code search/abbreviations.tsv}, {@code search/lay-terms.tsv}): a word or
 * phrase and the clinical wording(s) the code titles use, "{@code term<TAB>expansion | expansion}". Immutable.
 */
public final class Synonyms {

    private final Map<String, List<String>> entries;
    private final List<String> byLengthDesc;

    private Synonyms(Map<String, List<String>> entries) {
        this.entries = entries;
        this.byLengthDesc = entries.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static Synonyms load(String resource) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing search resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (header) {
                    header = false;
                    continue;
                }
                int tab = line.indexOf('\t');
                if (line.isBlank() || line.startsWith("#") || tab < 0) {
                    continue;
                }
                String term = normalize(line.substring(0, tab));
                List<String> expansions = Arrays.stream(line.substring(tab + 1).split("\\|")).map(Synonyms::normalize)
                        .filter(s -> !s.isEmpty()).toList();
                if (!term.isEmpty() && !expansions.isEmpty()) {
                    entries.merge(term, expansions, (a, b) -> { List<String> all = new ArrayList<>(a); all.addAll(b); return all; });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Synonyms(entries);
    }

    public static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ").replaceAll("\\s+", " ").trim();
    }

    public int size() {
        return entries.size();
    }

    public List<String> expansions(String term) {
        return entries.getOrDefault(term, List.of());
    }

    /** Every term of the list (abbreviation, lay word or coder's phrase), as normalised. */
    public java.util.Set<String> terms() {
        return entries.keySet();
    }

    /** Terms, longest first, so "broken hip bone" is tried before "broken hip". */
    List<String> termsLongestFirst() {
        return byLengthDesc;
    }
}
