package org.codedesk.casecoding.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Decides, word by word, what a sentence asserts: NegEx-style trigger phrases ("denies", "no evidence of",
 * "was ruled out", "possible", "family history of", "history of") reach forward (or, for phrases written
 * after the finding, backward) to the end of the clause, at most {@value #REACH} words, and stop at words that
 * change the subject ("but", "however", "which"...). Pseudo-triggers ("no change", "gram negative") do nothing.
 * When two triggers reach a word, the stronger wins: absent, family, possible, history.
 */
final class AssertionDetector {

    static final int REACH = 10;

    private enum Direction { FORWARD, BACKWARD, NONE }

    private record Trigger(String[] words, Assertion assertion, Direction direction) { }

    private static final List<Trigger> TRIGGERS = new ArrayList<>();

    private static void add(Assertion assertion, Direction direction, String... phrases) {
        for (String phrase : phrases) {
            TRIGGERS.add(new Trigger(phrase.split(" "), assertion, direction));
        }
    }

    static {
        add(null, Direction.NONE, "no change", "no changes", "no increase", "not only", "no further", "gram negative", "not necessarily",
                "without difficulty", "no longer than", "not certain if", "not known",
                // "acquired absence of the left leg" is a status (Z89), not a negation
                "acquired absence", "congenital absence");
        add(Assertion.ABSENT, Direction.FORWARD, "no", "not", "denies", "denied", "deny", "denying", "without", "negative for",
                "no evidence of", "no signs of", "no sign of", "absence of", "absent", "free of", "never", "nor", "neither", "ruled out",
                "rules out", "lack of", "no history of", "unremarkable for", "resolution of",
                // "w/o": without
                "w o");
        // "non" is mostly a prefix that names a kind ("non-ST elevation", "non-Hodgkin", "non-small cell"), not a negation
        add(Assertion.ABSENT, Direction.BACKWARD, "ruled out", "was ruled out", "were ruled out", "negative", "was negative", "were negative",
                "absent", "not seen", "not found", "not detected", "not observed", "not present", "excluded", "was excluded", "discarded",
                "was discarded", "were discarded", "unlikely",
                // a result written short: "GBS neg", "HIV nonreactive"
                "neg", "nonreactive", "non reactive");
        // a condition "resolved" was there and is past: not absent (a stay's "AKI, resolved" was treated and is coded)
        add(Assertion.HISTORY, Direction.BACKWARD, "resolved", "has resolved", "now resolved");
        // "admitted with concern for sepsis", "biopsies to evaluate for microscopic colitis": a question, not a finding
        add(Assertion.POSSIBLE, Direction.FORWARD, "concern for", "concerning for", "worrisome for", "evaluate for", "to evaluate for",
                "evaluation for");
        add(Assertion.POSSIBLE, Direction.FORWARD, "possible", "possibly", "probable", "probably", "suspected", "suspicion of", "suspicion",
                "suspect", "suspicious for", "suspicious of", "likely", "rule out", "r o", "questionable", "query", "presumed", "presumptive",
                "compatible with", "consistent with", "suggestive of", "suggesting", "differential diagnosis", "cannot rule out",
                "could not rule out", "doubtful", "may", "might", "versus", "vs",
                // "will dx HTN if avg >130/80": a diagnosis the provider may make later, not one made
                "will dx", "will diagnose", "would dx", "would diagnose");
        add(Assertion.POSSIBLE, Direction.BACKWARD, "suspected", "was suspected", "is suspected", "cannot be excluded", "could not be excluded",
                "not excluded", "not ruled out", "not be ruled out", "not been ruled out", "not be excluded", "is possible", "was possible",
                "is likely", "probable");
        add(Assertion.FAMILY, Direction.FORWARD, "family history", "familial history", "family background", "family history of",
                "in the family", "familial");
        add(Assertion.HISTORY, Direction.FORWARD, "history of", "h o", "previous", "previously", "prior", "past", "background of",
                "antecedents of", "antecedent of", "personal history", "status post", "s p", "former", "hx of", "remote history of",
                // "Hx TIA" in a diagnosis list
                "hx");
        TRIGGERS.sort(Comparator.comparingInt((Trigger t) -> -t.words().length));
    }

    private static final Set<String> TERMINATORS = Set.of("but", "however", "although", "though", "yet", "except", "apart", "aside",
            "which", "who", "whose", "secondary", "presenting", "presents", "presented", "showing", "shows", "showed", "revealed",
            "reveals", "revealing", "reason", "cause", "causes", "caused", "due", "since", "because", "whereas", "while", "still", "now",
            "currently", "admitted", "so", "therefore", "then", "later", "after", "until");

    private static final Set<String> WITH = Set.of("with", "w");
    private static final Set<String> ORDINALS = Set.of("first", "second", "third", "1st", "2nd", "3rd");

    /** "without proteinuria, third trimester": the time of the pregnancy is never what is absent. */
    private static boolean trimester(List<String> words, int k) {
        return words.get(k).equals("trimester") || ORDINALS.contains(words.get(k)) && k + 1 < words.size() && words.get(k + 1).equals("trimester");
    }

    private static final Set<String> RELATIVES = Set.of("mother", "father", "brother", "sister", "brothers", "sisters", "sibling", "siblings",
            "grandmother", "grandfather", "aunt", "uncle", "cousin", "parents", "maternal", "paternal");
    private static final Set<String> RELATIVE_VERBS = Set.of("had", "has", "have", "with", "w", "died", "suffered", "suffers", "diagnosed", "history");

    private AssertionDetector() { }

    /** The assertion of each word; {@code breaks[i]} says a clause ends after word i. */
    static Assertion[] detect(List<String> words, boolean[] breaks, Assertion section) {
        Assertion[] result = new Assertion[words.size()];
        Arrays.fill(result, section);
        int i = 0;
        while (i < words.size()) {
            Trigger trigger = triggerAt(words, i);
            if (trigger == null && RELATIVES.contains(words.get(i)) && relativeVerbFollows(words, i)) {
                trigger = new Trigger(new String[] {words.get(i)}, Assertion.FAMILY, Direction.FORWARD);
            }
            if (trigger == null) {
                i++;
                continue;
            }
            int length = trigger.words().length;
            if (trigger.direction() == Direction.FORWARD && endsClause(words, breaks, i + length - 1)) {
                // "Sepsis - ruled out": a phrase that reaches both ways and ends its clause reaches back to the finding
                Trigger back = backwardTwin(trigger);
                if (back != null) {
                    trigger = back;
                }
            }
            if (trigger.direction() == Direction.FORWARD) {
                int end = i + length - 1;
                // "without septic shock, with acute metabolic encephalopathy": a "with" ends the reach of "without" (the
                // classification's own pair of qualifiers), so the second finding is affirmed
                boolean without = length == 1 && words.get(i).equals("without");
                for (int k = i + length; k < words.size() && k <= end + REACH && !breaks[k - 1] && !TERMINATORS.contains(words.get(k))
                        && !(without && WITH.contains(words.get(k))) && !trimester(words, k); k++) {
                    result[k] = stronger(result[k], trigger.assertion());
                }
            } else if (trigger.direction() == Direction.BACKWARD) {
                for (int k = i - 1; k >= 0 && k >= i - REACH && !breaks[k] && !TERMINATORS.contains(words.get(k)); k--) {
                    result[k] = stronger(result[k], trigger.assertion());
                }
            }
            i += length;
        }
        return result;
    }

    /** No word of the clause follows word {@code end}: the end of the sentence or a clause break. */
    private static boolean endsClause(List<String> words, boolean[] breaks, int end) {
        return end + 1 >= words.size() || breaks[end];
    }

    private static Trigger backwardTwin(Trigger forward) {
        for (Trigger t : TRIGGERS) {
            if (t.direction() == Direction.BACKWARD && t.assertion() == forward.assertion() && Arrays.equals(t.words(), forward.words())) {
                return t;
            }
        }
        return null;
    }

    private static boolean relativeVerbFollows(List<String> words, int i) {
        for (int k = i + 1; k < words.size() && k <= i + 3; k++) {
            if (RELATIVE_VERBS.contains(words.get(k))) {
                return true;
            }
        }
        return false;
    }

    private static Trigger triggerAt(List<String> words, int i) {
        for (Trigger trigger : TRIGGERS) {
            String[] t = trigger.words();
            if (i + t.length > words.size()) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < t.length && match; k++) {
                match = words.get(i + k).equals(t[k]);
            }
            if (match) {
                return trigger;
            }
        }
        return null;
    }

    private static Assertion stronger(Assertion a, Assertion b) {
        return Assertion.stronger(a, b);
    }
}
