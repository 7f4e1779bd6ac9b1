package org.codedesk.casecoding.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.codedesk.casecoding.dictionary.IndexDictionary;
import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;

/**
 * Learns a {@link CaseModel} from a coded corpus. The rankers are fitted on features computed out of fold (each
 * fifth of the corpus scored by phrases, neighbours and statistics learned from the other four fifths), so they
 * learn how far to trust those features on cases they have not seen. Then phrases, neighbours and statistics are
 * learned again from the whole corpus.
 */
public final class CaseModelTrainer {

    static final int FOLDS = 5;

    private CaseModelTrainer() { }

    public static CaseModel train(TrainingCorpus corpus, Function<String, ClinicalText> reader, CaseModel.Dictionaries dictionaries,
                                  Predicate<Assertion> codable) {
        List<TrainingCorpus.Document> documents = corpus.documents();
        List<ClinicalText> texts = documents.stream().map(d -> reader.apply(d.english())).toList();
        List<List<IndexDictionary.Match>> diagnosisMatches = texts.stream().map(t -> dictionaries.diagnoses().match(t)).toList();
        List<List<IndexDictionary.Match>> procedureMatches = texts.stream().map(t -> dictionaries.procedures().match(t)).toList();
        List<List<String>> evidencePhrases = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            evidencePhrases.add(PhraseModel.evidencePhrases(documents.get(i), texts.get(i)));
        }
        List<double[]> diagnosisRows = new ArrayList<>();
        List<Boolean> diagnosisLabels = new ArrayList<>();
        List<double[]> procedureRows = new ArrayList<>();
        List<Boolean> procedureLabels = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Integer> learnFrom = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                if (i % FOLDS != fold) {
                    learnFrom.add(i);
                }
            }
            CaseModel partial = learn(documents, texts, evidencePhrases, diagnosisMatches, procedureMatches, learnFrom, codable, null, null, "");
            for (int i = fold; i < documents.size(); i += FOLDS) {
                TrainingCorpus.Document d = documents.get(i);
                for (Candidate c : partial.candidates(texts.get(i), diagnosisMatches.get(i), procedureMatches.get(i), dictionaries, codable)) {
                    boolean gold = c.procedure() ? d.procedures().contains(c.code()) : d.diagnoses().contains(c.code());
                    (c.procedure() ? procedureRows : diagnosisRows).add(c.features());
                    (c.procedure() ? procedureLabels : diagnosisLabels).add(gold);
                }
            }
        }
        Ranker diagnoses = LogisticRanker.fit(diagnosisRows, diagnosisLabels);
        Ranker procedures = LogisticRanker.fit(procedureRows, procedureLabels);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            all.add(i);
        }
        return learn(documents, texts, evidencePhrases, diagnosisMatches, procedureMatches, all, codable, diagnoses, procedures,
                "Alphabetic Index and tabular, with phrases and rankings learned from " + documents.size() + " coded cases ("
                        + corpus.name() + ")");
    }

    private static CaseModel learn(List<TrainingCorpus.Document> documents, List<ClinicalText> texts, List<List<String>> evidencePhrases,
                                   List<List<IndexDictionary.Match>> diagnosisMatches, List<List<IndexDictionary.Match>> procedureMatches,
                                   List<Integer> indexes, Predicate<Assertion> codable, Ranker diagnoses, Ranker procedures,
                                   String description) {
        List<TrainingCorpus.Document> docs = indexes.stream().map(documents::get).toList();
        List<ClinicalText> docTexts = indexes.stream().map(texts::get).toList();
        Map<String, int[]> entryStatistics = new HashMap<>();
        for (int i : indexes) {
            Set<String> gold = new HashSet<>(documents.get(i).diagnoses());
            gold.addAll(documents.get(i).procedures());
            Set<IndexDictionary.Entry> found = new HashSet<>();
            for (List<IndexDictionary.Match> matches : List.of(diagnosisMatches.get(i), procedureMatches.get(i))) {
                for (IndexDictionary.Match m : matches) {
                    if (codable.test(m.assertion())) {
                        found.add(m.entry());
                    }
                }
            }
            for (IndexDictionary.Entry e : found) {
                int[] stats = entryStatistics.computeIfAbsent(CaseModel.entryKey(e), k -> new int[2]);
                stats[0] += gold.contains(e.code()) ? 1 : 0;
                stats[1]++;
            }
        }
        List<List<String>> docEvidence = indexes.stream().map(evidencePhrases::get).toList();
        return new CaseModel(PhraseModel.learn(docs, docTexts, docEvidence), NeighbourModel.learn(docs, docTexts), CaseModel.documentFrequency(docs),
                docs.size(), entryStatistics, diagnoses == null ? LogisticRanker.untrained() : diagnoses,
                procedures == null ? LogisticRanker.untrained() : procedures, description);
    }
}
