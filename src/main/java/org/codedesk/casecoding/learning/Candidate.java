package org.codedesk.casecoding.learning;

import java.util.ArrayList;
import java.util.List;

import org.codedesk.casecoding.text.Assertion;

/**
 * One code considered for a note, with everything that speaks for it: where the note mentions it and by which
 * route (an index path, a title, a learned phrase), how similar coded cases were coded, how common it is. The
 * ranker turns these into a score. Built and used by one thread.
 */
public final class Candidate {

    /** A place in the note that supports the code: words {@code first..last} (word indexes), and how it got there. */
    public record Mention(int sentence, int first, int last, Assertion assertion, String route) { }

    private final String code;
    private final boolean procedure;
    private final List<Mention> mentions = new ArrayList<>();
    private final List<Mention> uncodable = new ArrayList<>();
    double phrasePrecision;
    double phraseNoisyOr;
    double weakPhrase;
    double evidencePrecision;
    int evidenceSupport;
    int phraseSupport;
    int phraseMatches;
    int dictionaryGroups;
    boolean titleMatch;
    double entryPrecision;
    int dictionaryMatches;
    double neighbours;
    double prior;
    boolean seen;
    int history;
    int possible;
    private double score;

    Candidate(String code, boolean procedure) {
        this.code = code;
        this.procedure = procedure;
    }

    /**
     * A code the coding rules build from the note rather than the ranker finds: a combination code ("with"
     * convention), a companion code, an external cause, an ICD-10-PCS code built from a named operation.
     * {@code mentions} are the words it rests on; {@code score} is the confidence shown.
     */
    public static Candidate derived(String code, boolean procedure, double score, List<Mention> mentions) {
        Candidate c = new Candidate(code, procedure);
        mentions.forEach(m -> c.addMention(m, true));
        c.dictionaryMatches = mentions.size();
        c.score = score;
        return c;
    }

    /** True when an Alphabetic Index path, a tabular title or an inclusion term matched words of the note. */
    public boolean indexRoute() {
        return dictionaryMatches > 0;
    }

    public String code() {
        return code;
    }

    public boolean procedure() {
        return procedure;
    }

    /** Mentions that may be coded (present, history, or uncertain where the setting allows). */
    public List<Mention> mentions() {
        return mentions;
    }

    /** Mentions that may not be coded (negated, a relative's, uncertain in an outpatient setting). */
    public List<Mention> uncodable() {
        return uncodable;
    }

    public double score() {
        return score;
    }

    void score(double score) {
        this.score = score;
    }

    public double neighbourShare() {
        return neighbours;
    }

    /** True when every mention that may be coded is written as history ("history of"). */
    public boolean onlyHistory() {
        return !mentions.isEmpty() && history == mentions.size();
    }

    /** True when every mention that may be coded is uncertain ("possible", "suspected"). */
    public boolean onlyPossible() {
        return !mentions.isEmpty() && possible == mentions.size();
    }

    void addMention(Mention mention, boolean codable) {
        if (!codable) {
            uncodable.add(mention);
            return;
        }
        mentions.add(mention);
        if (mention.assertion() == Assertion.HISTORY) {
            history++;
        }
        if (mention.assertion() == Assertion.POSSIBLE) {
            possible++;
        }
    }

    double[] features() {
        boolean dictionary = dictionaryMatches > 0;
        return new double[] {
            1,
            phrasePrecision,
            Math.log1p(phraseSupport) / 4,
            Math.log1p(phraseMatches),
            dictionary ? Math.min(dictionaryGroups, 5) / 5.0 : 0,
            dictionary ? 1 : 0,
            entryPrecision,
            titleMatch ? 1 : 0,
            neighbours,
            prior,
            onlyHistory() ? 1 : 0,
            onlyPossible() ? 1 : 0,
            seen ? 1 : 0,
            mentions.isEmpty() ? 1 : 0,
            phrasePrecision * neighbours,
            entryPrecision * neighbours,
            phraseNoisyOr,
            Math.log1p(dictionaryMatches),
            Math.max(phraseNoisyOr, entryPrecision),
            weakPhrase,
            phraseMatches == 0 && dictionaryMatches == 0 && weakPhrase > 0 ? 1 : 0,
            prior * prior,
            neighbours * neighbours,
            phraseNoisyOr * phraseNoisyOr,
            entryPrecision * entryPrecision,
            phraseNoisyOr * prior,
            entryPrecision * prior,
            weakPhrase * neighbours,
            phraseNoisyOr * entryPrecision,
            evidencePrecision,
            Math.log1p(evidenceSupport) / 3,
            evidencePrecision * neighbours,
            evidencePrecision * evidencePrecision,
        };
    }

    static final int FEATURES = 33;
}
