package org.codedesk.catalog.plain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flesch-Kincaid grade level of an English text: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
 * Syllables are estimated by counting vowel groups with the usual English corrections (a silent final "e", "-le",
 * "-ed" and "-es" endings), which is within one syllable of a dictionary for most words; numbers and codes count as one.
 * Pure and thread-safe.
 */
public final class ReadingGrade {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(\\s|$)");
    private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");

    private ReadingGrade() {
    }

    /** The grade of the text (0 for an empty text). */
    public static double of(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int words = 0;
        int syllables = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words++;
            syllables += syllables(m.group());
        }
        if (words == 0) {
            return 0;
        }
        int sentences = 0;
        Matcher s = SENTENCE_END.matcher(text.strip());
        while (s.find()) {
            sentences++;
        }
        sentences = Math.max(1, sentences);
        return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
    }

    /** Estimated syllables of one word; a hyphenated word is the sum of its parts. */
    public static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace("’", "'");
        if (w.contains("-")) {
            int sum = 0;
            for (String part : w.split("-")) {
                if (!part.isEmpty()) {
                    sum += syllables(part);
                }
            }
            return Math.max(1, sum);
        }
        w = w.replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1; // a number or a code is read as one unit
        }
        if (w.length() <= 3) {
            return 1;
        }
        int count = 0;
        Matcher m = VOWEL_GROUP.matcher(w);
        while (m.find()) {
            count++;
        }
        // a silent final e ("cause", "bone"), but not "-le" after a consonant ("ankle") nor "-ee"
        if (w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && count > 1) {
            count--;
        } else if (w.endsWith("le") && w.length() > 2 && "aeiouy".indexOf(w.charAt(w.length() - 3)) >= 0 && count > 1) {
            count--;
        }
        // "-ed" and "-es" are silent after most consonants ("removed", "bones"), not after t/d ("excluded") or s/x/z/ch ("boxes")
        if ((w.endsWith("ed") && !w.matches(".*[td]ed")) || (w.endsWith("es") && !w.matches(".*(s|x|z|ch|sh|ce|ge)es"))) {
            if (count > 1) {
                count--;
            }
        }
        // vowel pairs read as two syllables ("ia" in "anemia", "io" in "infection", "eo" in "video")
        count += countMatches(w, "ia") + countMatches(w, "io") + countMatches(w, "eo") + countMatches(w, "ua");
        return Math.max(1, count);
    }

    private static int countMatches(String w, String pair) {
        int n = 0;
        for (int i = w.indexOf(pair); i >= 0; i = w.indexOf(pair, i + 1)) {
            // "-tion"/"-sion" is one syllable
            if (pair.equals("io") && i > 0 && (w.charAt(i - 1) == 't' || w.charAt(i - 1) == 's' || w.charAt(i - 1) == 'c')) {
                continue;
            }
            n++;
        }
        return n;
    }
}
