package org.codedesk.consult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code Authentication-Results} header (RFC 8601): the authserv-id of the host that added it and its method
 * results ({@code dkim=pass header.d=example.org}). Parsing is lenient and never fails: comments are dropped, quoted
 * values unquoted, and anything malformed yields no result, so a garbled header cannot pass.
 */
record AuthenticationResults(String authservId, List<Result> results) {

    /** One method's result with its properties ({@code header.d}, {@code smtp.mailfrom}...), names lower-cased. */
    record Result(String method, String result, Map<String, String> properties) { }

    static AuthenticationResults parse(String header) {
        List<String> parts = split(withoutComments(header == null ? "" : header.replaceAll("\\r?\\n", "")));
        String[] first = parts.get(0).strip().split("\\s+");
        String authservId = unquote(first[0]).toLowerCase(Locale.ROOT);
        List<Result> results = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            // "method / version = result": no spaces around '=' and '/' before splitting into words
            List<String> words = words(part.replaceAll("\\s*([=/])\\s*", "$1"));
            if (words.isEmpty() || !words.get(0).contains("=")) {
                continue;
            }
            String[] methodSpec = words.get(0).split("=", 2);
            String method = methodSpec[0].replaceFirst("/.*", "").toLowerCase(Locale.ROOT);
            Map<String, String> properties = new LinkedHashMap<>();
            for (String word : words.subList(1, words.size())) {
                int eq = word.indexOf('=');
                if (eq > 0) {
                    properties.putIfAbsent(word.substring(0, eq).toLowerCase(Locale.ROOT), unquote(word.substring(eq + 1)));
                }
            }
            results.add(new Result(method, unquote(methodSpec[1]).toLowerCase(Locale.ROOT), properties));
        }
        return new AuthenticationResults(authservId, List.copyOf(results));
    }

    /**
     * Whether a DKIM signature of {@code domain} (header.d, else the domain of header.i) or SPF for a MAIL FROM in
     * {@code domain} (smtp.mailfrom) passed. The domain must be the same, not a parent or a subdomain.
     */
    boolean passFor(String domain) {
        if (domain == null || domain.isBlank()) {
            return false;
        }
        for (Result r : results) {
            if (!r.result().equals("pass")) {
                continue;
            }
            String vouched = switch (r.method()) {
                case "dkim" -> r.properties().containsKey("header.d") ? r.properties().get("header.d") : domainOf(r.properties().get("header.i"));
                case "spf" -> domainOf(r.properties().get("smtp.mailfrom"));
                default -> null;
            };
            if (vouched != null && vouched.equalsIgnoreCase(domain)) {
                return true;
            }
        }
        return false;
    }

    /** The domain of an address ({@code user@example.org}, {@code @example.org}) or a bare domain. */
    static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).strip();
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }

    /** The header with comments (nested, with escapes) replaced by a space; quoted strings kept as they are. */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (quoted || depth > 0)) {
                if (depth == 0) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (depth > 0) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    out.append(' ');
                }
            } else if (c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (c == '(' && !quoted) {
                depth = 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Splits on ';' outside quoted strings; always at least one part. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ';' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** Splits on white space outside quoted strings. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    words.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            words.add(current.toString());
        }
        return words;
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return v;
    }
}
