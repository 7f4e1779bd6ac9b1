package org.codedesk.assistant.guidelines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Retrieval over the imported Official Guidelines: the sections of the version in force on a date ranked by BM25
 * over their heading and text (heading words count double). Sections are read once per version and kept;
 * an import drops them. Thread-safe.
 */
@Service
public class Guidelines {

    /** A section found for a question, with the version it comes from ("ICD-10-CM Official Guidelines FY2026"). */
    public record Match(String release, GuidelineSection section, double score) { }

    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "and", "or", "for", "in", "on", "is", "it", "do", "i", "how",
            "what", "when", "can", "should", "be", "with", "code", "coding", "codes", "from", "which", "goes", "first", "use", "guideline",
            "guidelines", "are", "as", "by", "that", "this", "my", "we", "you");

    private final JdbcTemplate jdbc;
    private volatile Map<String, Corpus> corpora = new HashMap<>();

    Guidelines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Corpus(String label, List<GuidelineSection> sections, List<Map<String, Integer>> terms, Map<String, Integer> df, double avgLength) { }

    void changed() {
        corpora = new HashMap<>();
    }

    /** The label of the version in force on the date, if any is imported. */
    public Optional<String> releaseInForce(LocalDate date) {
        return jdbc.queryForList("select label from assistant_guideline_release where effective_from <= ? order by effective_from desc fetch first 1 rows only",
                String.class, date).stream().findFirst();
    }

    /** Every section of the version in force on the date, in book order, each as a match of score 0; empty when none is imported. */
    public List<Match> sections(LocalDate date) {
        List<String> versions = jdbc.queryForList("select version from assistant_guideline_release where effective_from <= ? order by effective_from desc"
                + " fetch first 1 rows only", String.class, date);
        if (versions.isEmpty()) {
            return List.of();
        }
        Corpus corpus = corpora.computeIfAbsent(versions.get(0), this::load);
        return corpus.sections().stream().map(s -> new Match(corpus.label(), s, 0)).toList();
    }

    public List<Match> search(String question, LocalDate date, int limit) {
        List<String> versions = jdbc.queryForList("select version from assistant_guideline_release where effective_from <= ? order by effective_from desc"
                + " fetch first 1 rows only", String.class, date);
        if (versions.isEmpty()) {
            return List.of();
        }
        Corpus corpus = corpora.computeIfAbsent(versions.get(0), this::load);
        List<String> query = tokens(question).stream().filter(t -> !STOP.contains(t)).distinct().toList();
        List<Match> matches = new ArrayList<>();
        int n = corpus.sections().size();
        for (int i = 0; i < n; i++) {
            Map<String, Integer> tf = corpus.terms().get(i);
            int length = tf.values().stream().mapToInt(Integer::intValue).sum();
            double score = 0;
            for (String term : query) {
                Integer f = tf.get(term);
                if (f == null) {
                    continue;
                }
                double idf = Math.log(1 + (n - corpus.df().get(term) + 0.5) / (corpus.df().get(term) + 0.5));
                score += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * length / corpus.avgLength()));
            }
            if (score > 0 && !corpus.sections().get(i).text().isBlank()) {
                matches.add(new Match(corpus.label(), corpus.sections().get(i), score));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        return matches.subList(0, Math.min(limit, matches.size()));
    }

    private Corpus load(String version) {
        String label = jdbc.queryForObject("select label from assistant_guideline_release where version = ?", String.class, version);
        List<GuidelineSection> sections = jdbc.query("select section_id, title, body from assistant_guideline where version = ? order by seq",
                (rs, i) -> new GuidelineSection(rs.getString(1), rs.getString(2), rs.getString(3)), version);
        List<Map<String, Integer>> terms = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        long total = 0;
        for (GuidelineSection s : sections) {
            Map<String, Integer> tf = new HashMap<>();
            tokens(s.title()).forEach(t -> tf.merge(t, 2, Integer::sum));
            tokens(s.text()).forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            total += tf.values().stream().mapToInt(Integer::intValue).sum();
            terms.add(tf);
        }
        return new Corpus(label, sections, terms, df, sections.isEmpty() ? 1 : (double) total / sections.size());
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (t.length() > 1) {
                tokens.add(t.endsWith("s") && t.length() > 4 ? t.substring(0, t.length() - 1) : t);
            }
        }
        return tokens;
    }
}
