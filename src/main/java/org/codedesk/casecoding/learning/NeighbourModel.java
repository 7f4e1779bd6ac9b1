package org.codedesk.casecoding.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import org.codedesk.casecoding.text.ClinicalText;
import org.codedesk.casecoding.text.Stems;

/**
 * Similar coded cases: a note is compared with every training case (TF-IDF over word stems, cosine), and each
 * code gets the similarity-weighted share of the {@value #NEIGHBOURS} nearest cases that carry it. Immutable.
 */
public final class NeighbourModel {

    static final int NEIGHBOURS = 20;

    private record Case(Map<String, Double> vector, Set<String> codes) { }

    private final List<Case> cases;
    private final Map<String, Double> idf;
    /** Term to the cases holding it and its weight there: a note is compared through the terms it has (the cosine is a sum over them). */
    private final Map<String, Postings> postings;

    private record Postings(int[] cases, double[] weights) { }

    private NeighbourModel(List<Case> cases, Map<String, Double> idf) {
        this.cases = cases;
        this.idf = idf;
        Map<String, List<double[]>> byTerm = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            int index = i;
            cases.get(i).vector().forEach((term, w) -> byTerm.computeIfAbsent(term, k -> new ArrayList<>()).add(new double[] {index, w}));
        }
        this.postings = new HashMap<>();
        byTerm.forEach((term, list) -> postings.put(term, new Postings(list.stream().mapToInt(e -> (int) e[0]).toArray(),
                list.stream().mapToDouble(e -> e[1]).toArray())));
    }

    public static NeighbourModel learn(List<TrainingCorpus.Document> documents, List<ClinicalText> texts) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (ClinicalText text : texts) {
            Map<String, Integer> tf = termFrequencies(text);
            tf.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            counts.add(tf);
        }
        Map<String, Double> idf = new HashMap<>();
        documentFrequency.forEach((t, df) -> idf.put(t, Math.log((texts.size() + 1.0) / (df + 0.5))));
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Set<String> codes = new java.util.HashSet<>(documents.get(i).diagnoses());
            codes.addAll(documents.get(i).procedures());
            cases.add(new Case(weigh(counts.get(i), idf), codes));
        }
        return new NeighbourModel(cases, idf);
    }

    /** Code to score in [0, 1]: the similarity-weighted share of the nearest cases that carry it. */
    public Map<String, Double> votes(ClinicalText text) {
        Map<String, Double> vector = weigh(termFrequencies(text), idf);
        double[] similarities = new double[cases.size()];
        vector.forEach((term, w) -> {
            Postings p = postings.get(term);
            if (p != null) {
                for (int k = 0; k < p.cases().length; k++) {
                    similarities[p.cases()[k]] += w * p.weights()[k];
                }
            }
        });
        PriorityQueue<double[]> nearest = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < cases.size(); i++) {
            double similarity = similarities[i];
            nearest.add(new double[] {similarity, i});
            if (nearest.size() > NEIGHBOURS) {
                nearest.poll();
            }
        }
        Map<String, Double> votes = new HashMap<>();
        double total = 0;
        for (double[] n : nearest) {
            total += n[0];
            for (String code : cases.get((int) n[1]).codes()) {
                votes.merge(code, n[0], Double::sum);
            }
        }
        double sum = total;
        if (sum > 0) {
            votes.replaceAll((code, v) -> v / sum);
        }
        return votes;
    }

    private static Map<String, Integer> termFrequencies(ClinicalText text) {
        Map<String, Integer> tf = new HashMap<>();
        for (ClinicalText.Word word : text.words()) {
            if (!Stems.isFiller(word.text().toLowerCase(java.util.Locale.ROOT)) && !word.text().chars().allMatch(Character::isDigit)) {
                tf.merge(word.stem(), 1, Integer::sum);
            }
        }
        return tf;
    }

    private static Map<String, Double> weigh(Map<String, Integer> tf, Map<String, Double> idf) {
        Map<String, Double> vector = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            double w = (1 + Math.log(e.getValue())) * idf.getOrDefault(e.getKey(), 0.0);
            if (w > 0) {
                vector.put(e.getKey(), w);
                norm += w * w;
            }
        }
        double n = Math.sqrt(norm);
        if (n > 0) {
            vector.replaceAll((k, v) -> v / n);
        }
        return vector;
    }


}
