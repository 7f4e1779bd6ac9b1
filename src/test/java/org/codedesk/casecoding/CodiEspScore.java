package org.codedesk.casecoding;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CodiEsp measures over a set of documents: MAP (codes ranked per document; average precision over each
 * document's gold codes, the precision at the rank of every gold code found, summed and divided by the number of
 * gold codes; averaged over documents with gold codes) and micro precision, recall and F1 of the codes suggested.
 */
record CodiEspScore(double map, double precision, double recall, double f1, int documents) {

    static CodiEspScore of(Map<String, List<String>> ranked, Map<String, Set<String>> suggested, Map<String, Set<String>> gold) {
        double sumAp = 0;
        int documents = 0;
        long truePositives = 0;
        long predicted = 0;
        long relevant = 0;
        for (Map.Entry<String, Set<String>> g : gold.entrySet()) {
            if (g.getValue().isEmpty()) {
                continue;
            }
            documents++;
            sumAp += averagePrecision(ranked.getOrDefault(g.getKey(), List.of()), g.getValue());
            Set<String> chosen = suggested.getOrDefault(g.getKey(), Set.of());
            predicted += chosen.size();
            relevant += g.getValue().size();
            truePositives += chosen.stream().filter(g.getValue()::contains).count();
        }
        for (Map.Entry<String, Set<String>> s : suggested.entrySet()) {
            if (!gold.containsKey(s.getKey()) || gold.get(s.getKey()).isEmpty()) {
                predicted += s.getValue().size();
            }
        }
        double precision = predicted == 0 ? 0 : truePositives / (double) predicted;
        double recall = relevant == 0 ? 0 : truePositives / (double) relevant;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new CodiEspScore(documents == 0 ? 0 : sumAp / documents, precision, recall, f1, documents);
    }

    static double averagePrecision(List<String> ranked, Set<String> gold) {
        double sum = 0;
        int found = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        int rank = 0;
        for (String code : ranked) {
            if (!seen.add(code)) {
                continue;
            }
            rank++;
            if (gold.contains(code)) {
                found++;
                sum += found / (double) rank;
            }
        }
        return gold.isEmpty() ? 0 : sum / gold.size();
    }
}
