package org.codedesk.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Turns what a coder typed into an {@link Interpretation}: cleans it (control characters, Lucene syntax and
 * overlong input are harmless here), recognises codes ("i214", "S72.0", "0DTJ4ZZ", "J1100"), ranges
 * ("I20-I25") and rewrites lay words and abbreviations into the words of the code titles. Thread-safe.
 */
public final class QueryInterpreter {

    public static final int MAX_LENGTH = 200;

    private static final Pattern RANGE = Pattern.compile("([a-z][0-9][0-9a-z])(?:\\.[0-9a-z]*)?\\s*(?:-|to)\\s*([a-z][0-9][0-9a-z])(?:\\.[0-9a-z]*)?");
    private static final Pattern CODE = Pattern.compile("[a-z0-9]{2,7}(\\.[a-z0-9]{0,4})?-?");

    private static final List<String> ROMAN_STAGES = List.of("i", "ii", "iii", "iv", "v");

    private final Synonyms abbreviations;

    /**
     * {@code phrases}: lists of words and phrases to rewrite (lay words, coders' procedure words); a phrase in two lists is
     * read as the first list reads it.
     */
    public QueryInterpreter(Synonyms abbreviations, List<Synonyms> phrases) {
        this.abbreviations = abbreviations;
        java.util.TreeSet<String> terms = new java.util.TreeSet<>(abbreviations.terms());
        phrases.forEach(p -> terms.addAll(p.terms()));
        this.vocabulary = terms;
        Set<String> words = new java.util.HashSet<>();
        terms.forEach(t -> words.addAll(List.of(t.split(" "))));
        this.vocabularyWords = Set.copyOf(words);
        List<Phrase> all = new ArrayList<>();
        Set<String> listed = new java.util.HashSet<>();
        for (Synonyms list : phrases) {
            for (String phrase : list.termsLongestFirst()) {
                if (listed.add(phrase)) {
                    all.add(new Phrase(phrase, list.expansions(phrase).get(0)));
                }
            }
        }
        all.sort(java.util.Comparator.comparingInt((Phrase e) -> e.text().length()).reversed());
        this.phrasesLongestFirst = List.copyOf(all);
    }

    /**
     * Every phrase of the lists and its reading, longest first whatever its list (ties in list order): "status post total
     * knee arthroplasty" (a status) is read before "total knee arthroplasty" (a procedure) inside it.
     */
    private final List<Phrase> phrasesLongestFirst;

    private record Phrase(String text, String reading) { }

    /** The coders' vocabulary: every abbreviation, lay word and procedure phrase we read, sorted. */
    private final java.util.NavigableSet<String> vocabulary;
    private final Set<String> vocabularyWords;

    /**
     * Whether a word belongs to the coders' vocabulary ("appy", "chole", "cabg", "lap"): such a word is read as written,
     * never "corrected" into a title word it merely resembles.
     */
    public boolean isVocabulary(String word) {
        return vocabularyWords.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the last word typed is already complete in the coders' vocabulary: an abbreviation ("sah"), also written
     * as two words ("a fib"), or the end of a lay phrase typed whole ("pink eye").
     */
    public boolean readsLastWord(String typed) {
        String text = Synonyms.normalize(typed);
        String[] words = text.split(" ");
        String last = words[words.length - 1];
        return !abbreviations.expansions(last).isEmpty()
                || (words.length > 1 && !abbreviations.expansions(words[words.length - 2] + last).isEmpty())
                || vocabulary.contains(text);
    }

    /**
     * The vocabulary's terms that complete {@code typed} (normalised: "pink ey" gives "pink eye", "sore thr" gives
     * "sore throat"), shortest first, at most {@code n}.
     */
    public List<String> vocabularyCompletions(String typed, int n) {
        String from = Synonyms.normalize(typed);
        if (from.isEmpty()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (String term : vocabulary.tailSet(from, true)) {
            if (!term.startsWith(from)) {
                break;
            }
            found.add(term);
        }
        found.sort(java.util.Comparator.comparingInt(String::length));
        return found.subList(0, Math.min(n, found.size()));
    }

    public Interpretation interpret(String raw) {
        List<String> notes = new ArrayList<>();
        String query = raw == null ? "" : raw.replaceAll("\\p{Cntrl}", " ").strip();
        if (query.length() > MAX_LENGTH) {
            query = query.substring(0, MAX_LENGTH);
            notes.add("Only the first " + MAX_LENGTH + " characters of the query were searched.");
        }
        String lower = query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher range = RANGE.matcher(lower);
        if (range.matches()) {
            String from = range.group(1).toUpperCase(Locale.ROOT);
            String to = range.group(2).toUpperCase(Locale.ROOT);
            notes.add("Categories " + from + " to " + to + ".");
            return new Interpretation(query, null, from, to, List.of(), notes);
        }
        String codeKey = null;
        if (CODE.matcher(lower).matches() && lower.chars().anyMatch(Character::isDigit)) {
            codeKey = lower.replace(".", "").replace("-", "").toUpperCase(Locale.ROOT);
        }
        String text = Synonyms.normalize(lower);
        List<String> texts = new ArrayList<>();
        if (!text.isEmpty()) {
            String rewritten = rewrite(text, notes);
            texts.add(rewritten);
            if (!rewritten.equals(text)) {
                texts.add(text);
            }
        }
        return new Interpretation(query, codeKey, null, null, texts, notes);
    }

    /**
     * Expands abbreviations (also two words written as one: "c diff"), then replaces phrases (longest first), so
     * an expanded abbreviation can itself be a phrase ("TKA" to "total knee arthroplasty" to the PCS words).
     * An abbreviation that is also an English stop word ("as", "all") counts only when it is the whole query.
     */
    private String rewrite(String text, List<String> notes) {
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        for (int i = 1; i < words.size(); i++) {
            // "ckd stage iii": the titles number stages in digits
            int roman = ROMAN_STAGES.indexOf(words.get(i));
            if (roman >= 0 && words.get(i - 1).equals("stage")) {
                words.set(i, String.valueOf(roman + 1));
            }
        }
        List<String> expanded = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String joined = i + 1 < words.size() ? word + words.get(i + 1) : null;
            if (joined != null && !abbreviations.expansions(joined).isEmpty()) {
                word = joined;
                i++;
            }
            List<String> expansion = abbreviations.expansions(word);
            boolean stopWord = words.size() > 1 && EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
            if (!expansion.isEmpty() && !stopWord && seen.add(word)) {
                expanded.add(expansion.get(0));
                notes.add(word.toUpperCase(Locale.ROOT) + " read as \"" + expansion.get(0) + "\".");
            } else {
                expanded.add(word);
            }
        }
        String padded = " " + String.join(" ", expanded) + " ";
        for (Phrase entry : phrasesLongestFirst) {
            String phrase = entry.text();
            if (padded.contains(" " + phrase + " ")) {
                String clinical = entry.reading();
                padded = padded.replace(" " + phrase + " ", " " + clinical + " ");
                if (!clinical.equals(phrase)) {
                    notes.add("\"" + phrase + "\" read as \"" + clinical + "\".");
                }
            }
        }
        return padded.trim();
    }
}
