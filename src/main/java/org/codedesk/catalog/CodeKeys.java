package org.codedesk.catalog;

/** Code keys (upper-case letters and digits, no dot) as ranges of an index. */
final class CodeKeys {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private CodeKeys() {
    }

    /**
     * The smallest key of the same alphabet that sorts after every key starting with {@code prefix} ("A04" gives "A05",
     * "A0Z" gives "A1"), so {@code code >= prefix and code < after(prefix)} is the prefix as an index range; when no such
     * key exists ("ZZ"), a key of Z's longer than any code (16 characters at most), which sorts after every one.
     */
    static String after(String prefix) {
        for (int i = prefix.length() - 1; i >= 0; i--) {
            int at = ALPHABET.indexOf(prefix.charAt(i));
            if (at >= 0 && at + 1 < ALPHABET.length()) {
                return prefix.substring(0, i) + ALPHABET.charAt(at + 1);
            }
        }
        return "Z".repeat(17);
    }
}
