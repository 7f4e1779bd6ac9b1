package org.codedesk.casecoding.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;
import org.codedesk.casecoding.text.Stems;

/**
 * Phrases learned from a coded corpus. Two kinds: (1) for every phrase of one to three words, how often a sentence
 * holding it lies next to the evidence of a code (precision) and how many times (support); the corpus gives each
 * code's evidence by offset in the original text, and the English sentence at the same relative place, with its
 * neighbours, is taken as its translation. (2) The evidence words themselves, found in that English window as the
 * phrase of up to {@value #MAX_EVIDENCE_WORDS} words most alike in spelling (medical words are mostly cognates:
 * "nefrolitiasis", "nephrolithiasis"), with how often that phrase was the evidence of the code. Immutable.
 */
public final class PhraseModel {

    static final int MAX_WORDS = 3;
    static final int MIN_SUPPORT = 1;
    static final double MIN_PRECISION = 0.1;
    static final int WINDOW = 1;
    static final int MAX_EVIDENCE_WORDS = 6;
    static final double MIN_LIKENESS = 0.3;

    public record Association(String code, int support, double precision) { }

    /** A learned phrase found in a note: the code it points to and where. */
    public record PhraseMatch(Association association, String phrase, int sentence, int first, int last, Assertion assertion) { }

    private final Map<String, List<Association>> byPhrase;
    private final Map<String, List<Association>> evidencePhrases;

    private PhraseModel(Map<String, List<Association>> byPhrase, Map<String, List<Association>> evidencePhrases) {
        this.byPhrase = byPhrase;
        this.evidencePhrases = evidencePhrases;
    }

    /** Learns from documents already read as clinical text ({@code texts.get(i)} is {@code documents.get(i)}'s). */
    public static PhraseModel learn(List<TrainingCorpus.Document> documents, List<ClinicalText> texts) {
        List<List<String>> evidence = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            evidence.add(evidencePhrases(documents.get(d), texts.get(d)));
        }
        return learn(documents, texts, evidence);
    }

    /** The English phrase found for each evidence of the document, in order (null where none is alike enough). */
    static List<String> evidencePhrases(TrainingCorpus.Document document, ClinicalText text) {
        List<String> result = new ArrayList<>();
        for (TrainingCorpus.Evidence e : document.evidence()) {
            result.add(likestPhrase(text, e));
        }
        return result;
    }

    /** As {@link #learn(List, List)}, with each document's evidence phrases already found (they do not depend on the fold). */
    static PhraseModel learn(List<TrainingCorpus.Document> documents, List<ClinicalText> texts, List<List<String>> evidencePhrases) {
        Map<String, Integer> occurrences = new HashMap<>();
        Map<String, Map<String, Integer>> together = new HashMap<>();
        for (int d = 0; d < documents.size(); d++) {
            ClinicalText text = texts.get(d);
            List<Set<String>> codesOfSentence = sentenceCodes(documents.get(d), text);
            for (int s = 0; s < text.sentences().size(); s++) {
                Set<String> phrases = phrases(text, text.sentences().get(s)).keySet();
                for (String phrase : phrases) {
                    occurrences.merge(phrase, 1, Integer::sum);
                    for (String code : codesOfSentence.get(s)) {
                        together.computeIfAbsent(phrase, k -> new HashMap<>()).merge(code, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, Map<String, Integer>> evidence = new HashMap<>();
        for (int d = 0; d < documents.size(); d++) {
            List<TrainingCorpus.Evidence> spans = documents.get(d).evidence();
            for (int e = 0; e < spans.size(); e++) {
                String phrase = evidencePhrases.get(d).get(e);
                if (phrase != null) {
                    evidence.computeIfAbsent(phrase, k -> new HashMap<>()).merge(spans.get(e).code(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> evidenceOccurrences = new HashMap<>();
        for (ClinicalText text : texts) {
            for (ClinicalText.Sentence sentence : text.sentences()) {
                for (String phrase : phrases(text, sentence, MAX_EVIDENCE_WORDS).keySet()) {
                    if (evidence.containsKey(phrase)) {
                        evidenceOccurrences.merge(phrase, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, List<Association>> byEvidence = new HashMap<>();
        evidence.forEach((phrase, codes) -> codes.forEach((code, support) -> byEvidence.computeIfAbsent(phrase, k -> new ArrayList<>())
                .add(new Association(code, support, support / (evidenceOccurrences.getOrDefault(phrase, 0) + 1.0)))));
        Map<String, List<Association>> byPhrase = new HashMap<>();
        together.forEach((phrase, codes) -> codes.forEach((code, support) -> {
            double precision = support / (occurrences.get(phrase) + 1.0);
            if (support >= MIN_SUPPORT && precision >= MIN_PRECISION) {
                byPhrase.computeIfAbsent(phrase, k -> new ArrayList<>()).add(new Association(code, support, precision));
            }
        }));
        return new PhraseModel(byPhrase, byEvidence);
    }

    /** The phrase of the English window around the evidence most alike in spelling to the evidence's original words. */
    static String likestPhrase(ClinicalText text, TrainingCorpus.Evidence evidence) {
        Set<String> target = trigrams(evidence.words());
        if (target.isEmpty()) {
            return null;
        }
        int at = sentenceAt(text, evidence.position());
        String best = null;
        double bestLikeness = MIN_LIKENESS;
        for (int s = Math.max(0, at - WINDOW); s <= Math.min(text.sentences().size() - 1, at + WINDOW); s++) {
            ClinicalText.Sentence sentence = text.sentences().get(s);
            for (Map.Entry<String, int[]> phrase : phrases(text, sentence, MAX_EVIDENCE_WORDS).entrySet()) {
                int[] span = phrase.getValue();
                Set<String> words = trigrams(text.text().substring(text.words().get(span[0]).start(), text.words().get(span[1]).end()));
                double likeness = dice(target, words);
                if (likeness > bestLikeness) {
                    bestLikeness = likeness;
                    best = phrase.getKey();
                }
            }
        }
        return best;
    }

    private static int sentenceAt(ClinicalText text, double position) {
        int length = Math.max(1, text.text().length());
        int at = 0;
        for (int s = 0; s < text.sentences().size(); s++) {
            if (text.sentences().get(s).start() / (double) length <= position) {
                at = s;
            }
        }
        return at;
    }

    /** Letter trigrams of each word (accents removed, lower case), so word order does not matter. */
    static Set<String> trigrams(String text) {
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        Set<String> result = new HashSet<>();
        for (String word : Stems.words(plain)) {
            if (Stems.isFiller(word) || word.length() < 3) {
                continue;
            }
            String padded = " " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                result.add(padded.substring(i, i + 3));
            }
        }
        return result;
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String t : b) {
            if (a.contains(t)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }

    /** The codes whose evidence lies in or next to each sentence, by relative position in the document. */
    static List<Set<String>> sentenceCodes(TrainingCorpus.Document document, ClinicalText text) {
        List<Set<String>> result = new ArrayList<>();
        int length = Math.max(1, text.text().length());
        List<ClinicalText.Sentence> sentences = text.sentences();
        for (int s = 0; s < sentences.size(); s++) {
            result.add(new HashSet<>());
        }
        for (TrainingCorpus.Evidence evidence : document.evidence()) {
            int at = 0;
            for (int s = 0; s < sentences.size(); s++) {
                if (sentences.get(s).start() / (double) length <= evidence.position()) {
                    at = s;
                }
            }
            for (int s = Math.max(0, at - WINDOW); s <= Math.min(sentences.size() - 1, at + WINDOW); s++) {
                result.get(s).add(evidence.code());
            }
        }
        return result;
    }

    /** Phrases of a sentence (stems joined by spaces) to their first and last word index. */
    static Map<String, int[]> phrases(ClinicalText text, ClinicalText.Sentence sentence) {
        return phrases(text, sentence, MAX_WORDS);
    }

    static Map<String, int[]> phrases(ClinicalText text, ClinicalText.Sentence sentence, int maxWords) {
        Map<String, int[]> result = new HashMap<>();
        List<ClinicalText.Word> words = text.words();
        for (int i = sentence.firstWord(); i < sentence.endWord(); i++) {
            if (Stems.isFiller(words.get(i).text().toLowerCase(java.util.Locale.ROOT)) || isNumber(words.get(i).text())) {
                continue;
            }
            StringBuilder phrase = new StringBuilder();
            for (int n = 0; n < maxWords && i + n < sentence.endWord(); n++) {
                ClinicalText.Word word = words.get(i + n);
                if (n > 0) {
                    phrase.append(' ');
                }
                phrase.append(word.stem());
                if (!Stems.isFiller(word.text().toLowerCase(java.util.Locale.ROOT))) {
                    result.putIfAbsent(phrase.toString(), new int[] {i, i + n});
                }
            }
        }
        return result;
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit);
    }

    /** Every learned phrase of the note with the codes it points to ({@code evidence}: phrases that were evidence words). */
    public List<PhraseMatch> match(ClinicalText text, boolean evidence) {
        List<PhraseMatch> result = new ArrayList<>();
        Map<String, List<Association>> table = evidence ? evidencePhrases : byPhrase;
        for (int s = 0; s < text.sentences().size(); s++) {
            for (Map.Entry<String, int[]> phrase : phrases(text, text.sentences().get(s), evidence ? MAX_EVIDENCE_WORDS : MAX_WORDS).entrySet()) {
                List<Association> associations = table.get(phrase.getKey());
                if (associations == null) {
                    continue;
                }
                int[] span = phrase.getValue();
                Assertion assertion = Assertion.PRESENT;
                for (int p = span[0]; p <= span[1]; p++) {
                    assertion = Assertion.stronger(assertion, text.words().get(p).assertion());
                }
                for (Association association : associations) {
                    result.add(new PhraseMatch(association, phrase.getKey(), s, span[0], span[1], assertion));
                }
            }
        }
        return result;
    }
}
