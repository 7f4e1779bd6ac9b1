package org.codedesk.casecoding.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.codedesk.casecoding.dictionary.IndexDictionary;
import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;

/**
 * What case-to-code knows beyond the classification itself: phrases and similar cases learned from a coded corpus,
 * how often each index entry's code was right in that corpus, and the rankers for diagnoses and procedures.
 * {@link #untrained()} knows nothing learned and ranks by the index route alone. Immutable and thread-safe.
 */
public final class CaseModel {

    /** The dictionaries of the releases in force: ICD-10-CM for diagnoses, ICD-10-PCS for procedures. */
    public record Dictionaries(IndexDictionary diagnoses, IndexDictionary procedures) { }

    private static final double ENTRY_PRIOR = 0.2;

    private final PhraseModel phrases;
    private final NeighbourModel neighbours;
    private final Map<String, Integer> documentFrequency;
    private final int documents;
    private final Map<String, int[]> entryStatistics;
    private final Ranker diagnosisRanker;
    private final Ranker procedureRanker;
    private final String description;

    CaseModel(PhraseModel phrases, NeighbourModel neighbours, Map<String, Integer> documentFrequency, int documents,
              Map<String, int[]> entryStatistics, Ranker diagnosisRanker, Ranker procedureRanker, String description) {
        this.phrases = phrases;
        this.neighbours = neighbours;
        this.documentFrequency = documentFrequency;
        this.documents = documents;
        this.entryStatistics = entryStatistics;
        this.diagnosisRanker = diagnosisRanker;
        this.procedureRanker = procedureRanker;
        this.description = description;
    }

    public static CaseModel untrained() {
        return new CaseModel(null, null, Map.of(), 0, Map.of(), LogisticRanker.untrained(), LogisticRanker.untrained(),
                "Alphabetic Index and tabular only (no coded corpus configured)");
    }

    /** One line on what this model was learned from, for the page and the API. */
    public String description() {
        return description;
    }

    public boolean trained() {
        return phrases != null;
    }

    /** The weights of the diagnosis and procedure rankers, for the benchmark's report. */
    public String weights() {
        return "D " + diagnosisRanker.describe() + "; P " + procedureRanker.describe();
    }

    Ranker ranker(boolean procedure) {
        return procedure ? procedureRanker : diagnosisRanker;
    }

    /** Every candidate code for the note, best first. {@code codable} says which assertions may be coded. */
    public List<Candidate> rank(ClinicalText text, Dictionaries dictionaries, Predicate<Assertion> codable) {
        return rank(text, dictionaries.diagnoses().match(text), dictionaries.procedures().match(text), dictionaries, codable);
    }

    List<Candidate> rank(ClinicalText text, List<IndexDictionary.Match> diagnosisMatches, List<IndexDictionary.Match> procedureMatches,
                         Dictionaries dictionaries, Predicate<Assertion> codable) {
        List<Candidate> candidates = candidates(text, diagnosisMatches, procedureMatches, dictionaries, codable);
        for (Candidate c : candidates) {
            c.score(ranker(c.procedure()).probability(c.features()));
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> c.score()).reversed());
        return candidates;
    }

    List<Candidate> candidates(ClinicalText text, List<IndexDictionary.Match> diagnosisMatches, List<IndexDictionary.Match> procedureMatches,
                               Dictionaries dictionaries, Predicate<Assertion> codable) {
        Map<String, Candidate> byCode = new LinkedHashMap<>();
        addDictionaryMatches(byCode, diagnosisMatches, false, codable);
        addDictionaryMatches(byCode, procedureMatches, true, codable);
        if (phrases != null) {
            addPhraseMatches(byCode, text, phrases.match(text, true), dictionaries, codable, "Evidence words of coded cases", (c, a) -> {
                c.evidencePrecision = Math.max(c.evidencePrecision, a.precision());
                c.evidenceSupport = Math.max(c.evidenceSupport, a.support());
            });
            addPhraseMatches(byCode, text, phrases.match(text, false), dictionaries, codable, "Phrase learned from coded cases", (c, a) -> {
                if (a.support() < 2) {
                    c.weakPhrase = Math.max(c.weakPhrase, a.precision());
                    return;
                }
                c.phraseMatches++;
                c.phraseNoisyOr = 1 - (1 - c.phraseNoisyOr) * (1 - a.precision());
                c.phrasePrecision = Math.max(c.phrasePrecision, a.precision());
                c.phraseSupport = Math.max(c.phraseSupport, a.support());
            });
            for (Map.Entry<String, Double> vote : neighbours.votes(text).entrySet()) {
                boolean procedure = isProcedure(vote.getKey());
                if (vote.getValue() >= 0.05 && valid(vote.getKey(), procedure, dictionaries)) {
                    byCode.computeIfAbsent(vote.getKey(), k -> new Candidate(k, procedure)).neighbours = vote.getValue();
                }
            }
        }
        List<Candidate> result = new ArrayList<>();
        for (Candidate c : byCode.values()) {
            int df = documentFrequency.getOrDefault(c.code(), 0);
            c.seen = df > 0;
            c.prior = documents == 0 ? 0 : Math.max(0, 1 + Math.log((df + 0.5) / (documents + 1.0)) / 7);
            result.add(c);
        }
        return result;
    }

    /** Adds learned phrase matches whose code the release has; {@code learn} takes in each codable match's association. */
    private static void addPhraseMatches(Map<String, Candidate> byCode, ClinicalText text, List<PhraseModel.PhraseMatch> matches,
                                         Dictionaries dictionaries, Predicate<Assertion> codable, String route,
                                         java.util.function.BiConsumer<Candidate, PhraseModel.Association> learn) {
        for (PhraseModel.PhraseMatch match : matches) {
            String code = match.association().code();
            boolean procedure = isProcedure(code);
            if (!valid(code, procedure, dictionaries)) {
                continue;
            }
            Candidate c = byCode.computeIfAbsent(code, k -> new Candidate(k, procedure));
            boolean ok = codable.test(match.assertion());
            String words = text.text().substring(text.words().get(match.first()).start(), text.words().get(match.last()).end());
            c.addMention(new Candidate.Mention(match.sentence(), match.first(), match.last(), match.assertion(), route + ": \"" + words + "\""), ok);
            if (ok) {
                learn.accept(c, match.association());
            }
        }
    }

    private void addDictionaryMatches(Map<String, Candidate> byCode, List<IndexDictionary.Match> matches, boolean procedure,
                                      Predicate<Assertion> codable) {
        for (IndexDictionary.Match match : matches) {
            IndexDictionary.Entry entry = match.entry();
            Candidate c = byCode.computeIfAbsent(entry.code(), k -> new Candidate(k, procedure));
            boolean ok = codable.test(match.assertion());
            c.addMention(new Candidate.Mention(match.sentence(), match.first(), match.last(), match.assertion(),
                    entry.source().label() + ": " + entry.path()), ok);
            if (ok) {
                c.dictionaryMatches++;
                c.dictionaryGroups = Math.max(c.dictionaryGroups, entry.groups().length);
                c.titleMatch |= entry.source() != IndexDictionary.Source.INDEX;
                c.entryPrecision = Math.max(c.entryPrecision, entryPrecision(entry));
            }
        }
    }

    double entryPrecision(IndexDictionary.Entry entry) {
        int[] stats = entryStatistics.get(entryKey(entry));
        return stats == null ? ENTRY_PRIOR : (stats[0] + ENTRY_PRIOR) / (stats[1] + 1.0);
    }

    static String entryKey(IndexDictionary.Entry entry) {
        return entry.code() + "|" + entry.path();
    }

    /** ICD-10-PCS codes (and the four-character rows the corpus cuts them to) carry no dot; ICD-10-CM's three-character categories are three long. */
    static boolean isProcedure(String code) {
        return code.length() >= 4 && code.indexOf('.') < 0;
    }

    private static boolean valid(String code, boolean procedure, Dictionaries dictionaries) {
        IndexDictionary dictionary = procedure ? dictionaries.procedures() : dictionaries.diagnoses();
        return dictionary.code(code).isPresent() || (procedure && dictionary.hasRow(code));
    }

    static Map<String, Integer> documentFrequency(List<TrainingCorpus.Document> documents) {
        Map<String, Integer> df = new HashMap<>();
        for (TrainingCorpus.Document d : documents) {
            d.diagnoses().forEach(c -> df.merge(c, 1, Integer::sum));
            d.procedures().forEach(c -> df.merge(c, 1, Integer::sum));
        }
        return df;
    }
}
