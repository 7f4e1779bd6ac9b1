package org.codedesk.casecoding.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Words to the stems both sides are compared on (Porter, lower case), so "fractures", "fractured" and "fracture"
 * meet. Also the words that carry no clinical meaning of their own and are never required for a match.
 */
public final class Stems {

    /** Function words and the classification's own filler ("unspecified", "other"), never required to match. */
    public static final Set<String> FILLER = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "by", "for", "with",
            "without", "due", "from", "as", "is", "was", "are", "be", "its", "it", "this", "that", "nos", "nec", "unspecified",
            "other", "specified", "classified", "elsewhere", "not", "type", "site", "than", "into", "mention", "see", "also", "use",
            "code", "additional", "condition", "conditions", "associated", "following", "certain", "s", "no", "which", "has", "had",
            "part", "parts", "involving", "stated", "so", "both", "any", "all", "more", "one", "whether", "but", "then", "except",
            "uncomplicated");

    private Stems() { }

    public static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() <= 3 || !Character.isLetter(lower.charAt(0))) {
            return lower;
        }
        if (lower.endsWith("itis") && lower.length() > 6) {
            // an inflammation keeps its ending: Porter reads "sigmoiditis" as "sigmoid", the organ, not the disease
            return lower.substring(0, lower.length() - 1);
        }
        if (lower.endsWith("oses") && lower.length() > 6) {
            // the Greek plural of "-osis": "keratoses" is the plural of "keratosis" (Porter would read "keratos")
            lower = lower.substring(0, lower.length() - 3) + "sis";
        }
        PorterStemmer stemmer = new PorterStemmer();
        stemmer.setCurrent(lower);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** The words of a text (letters and digits), lower case, in order. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }

    public static boolean isFiller(String word) {
        return FILLER.contains(word);
    }
}
