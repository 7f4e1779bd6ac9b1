package org.codedesk.catalog.plain;

import java.util.Locale;

/** Small wording steps shared by the explainers: official title case to running text, sentence case, lists. */
final class Phrases {

    private Phrases() {
    }

    /**
     * An official PCS value name as a noun phrase in running text: "Kidney, Right" → "right kidney", "Inguinal Region,
     * Bilateral" → "inguinal region on both sides", "Hepatic Duct, Common" → "common hepatic duct". Words in capitals or with
     * digits are kept.
     */
    static String noun(String official) {
        if (official == null || official.isBlank()) {
            return "";
        }
        // the official names put the head first and the modifiers after commas ("Hepatic Duct, Common", "Intraluminal Device,
        // Drug-eluting, Four or More"): running text puts the modifiers first, the last one outermost
        String[] parts = official.strip().split(", ");
        StringBuilder out = new StringBuilder();
        boolean both = false;
        for (int i = parts.length - 1; i >= 1; i--) {
            if (parts[i].equalsIgnoreCase("Bilateral")) {
                both = true;
                continue;
            }
            out.append(lower(parts[i])).append(' ');
        }
        out.append(lower(parts[0]));
        return both ? out + " on both sides" : out.toString();
    }

    /** Title case to lower case, keeping initialisms ("CT"), words with digits ("C1") and proper names after "'s". */
    static String lower(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean keep = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) && word.chars().anyMatch(Character::isLetter)
                    || word.chars().anyMatch(Character::isDigit) || word.endsWith("'s") || word.endsWith("’s");
            out.append(keep ? word : word.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** First letter in capitals, a final period. */
    static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }

    /** "a", "a and b", "a, b and c". */
    static String list(java.util.List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** A note as running text: no final period, first letter kept as written. */
    static String clause(String text) {
        String t = text.strip();
        while (t.endsWith(".") || t.endsWith(";") || t.endsWith(",")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
