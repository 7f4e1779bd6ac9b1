package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.casecoding.learning.Candidate;
import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;

/**
 * Phrases the coding rules look for in a note ("chronic kidney disease stage 3b", "two drug-eluting stents", "slipped
 * on ice"), found with what the note asserts there and in which kind of section, and turned into the evidence of a
 * code built from them. A phrase negated ("no evidence of"), a relative's, or only in the review of systems does not
 * count. Built per note; not thread-safe.
 */
final class NoteFacts {

    /** A phrase found: its characters, the words it covers, and the kind of section it is in. */
    record Found(int start, int end, String text, Candidate.Mention mention, NoteSections section) { }

    private static final Set<NoteSections> ANYWHERE = Set.of(NoteSections.values());

    private final ClinicalText note;
    private final String lower;

    NoteFacts(ClinicalText note) {
        this.note = note;
        this.lower = note.text().toLowerCase(Locale.ROOT);
    }

    ClinicalText note() {
        return note;
    }

    /** Every affirmed occurrence (present or history of, not negated, not a relative's) in the kinds of section given. */
    List<Found> all(Pattern pattern, Set<NoteSections> sections) {
        List<Found> result = new ArrayList<>();
        Matcher m = pattern.matcher(lower);
        while (m.find()) {
            int first = wordAt(m.start());
            int last = wordBefore(m.end());
            if (first < 0 || last < first) {
                continue;
            }
            boolean affirmed = true;
            for (int w = first; w <= last && affirmed; w++) {
                Assertion a = note.words().get(w).assertion();
                affirmed = a == Assertion.PRESENT || a == Assertion.HISTORY;
            }
            NoteSections section = NoteSections.of(note, note.words().get(first).sentence());
            if (!affirmed || !sections.contains(section)) {
                continue;
            }
            String text = note.text().substring(note.words().get(first).start(), note.words().get(last).end());
            Candidate.Mention mention = new Candidate.Mention(note.words().get(first).sentence(), first, last,
                    note.words().get(first).assertion(), "Coding rule: \"" + text + "\"");
            result.add(new Found(m.start(), m.end(), m.group(), mention, section));
        }
        return result;
    }

    /** The words from one character to another as a phrase found, when they are affirmed (not negated, not a relative's). */
    Optional<Found> at(int start, int end) {
        int first = wordAt(start);
        int last = wordBefore(end);
        if (first < 0 || last < first) {
            return Optional.empty();
        }
        // the phrase stops before its first word that is negated or a relative's ("stroke without residual deficits")
        for (int w = first; w <= last; w++) {
            Assertion a = note.words().get(w).assertion();
            if (a != Assertion.PRESENT && a != Assertion.HISTORY) {
                if (w == first) {
                    return Optional.empty();
                }
                last = w - 1;
                end = note.words().get(last).end();
                break;
            }
        }
        String text = note.text().substring(note.words().get(first).start(), note.words().get(last).end());
        Candidate.Mention mention = new Candidate.Mention(note.words().get(first).sentence(), first, last,
                note.words().get(first).assertion(), "Coding rule: \"" + text + "\"");
        return Optional.of(new Found(start, end, lower.substring(start, end), mention, NoteSections.of(note, note.words().get(first).sentence())));
    }

    /** The stems of the words of a phrase found, abbreviations' expansions included. */
    Set<String> stems(Found found) {
        Set<String> stems = new java.util.HashSet<>();
        for (int w = found.mention().first(); w <= found.mention().last(); w++) {
            stems.addAll(note.words().get(w).stems());
        }
        return stems;
    }

    Optional<Found> first(Pattern pattern, Set<NoteSections> sections) {
        List<Found> found = all(pattern, sections);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    Optional<Found> first(Pattern pattern) {
        return first(pattern, ANYWHERE);
    }

    /** The sentence (lower case) a phrase is in, for words that qualify it ("held", "started today"). */
    String sentenceOf(Found found) {
        ClinicalText.Sentence s = note.sentences().get(found.mention().sentence());
        return lower.substring(s.start(), s.end());
    }

    /** The words around a phrase (the clause it is in, cut at , and ; and at most {@code reach} characters each side). */
    String around(Found found, int reach) {
        ClinicalText.Sentence s = note.sentences().get(found.mention().sentence());
        int from = Math.max(s.start(), found.start() - reach);
        int to = Math.min(s.end(), found.end() + reach);
        String window = lower.substring(from, to);
        int at = found.start() - from;
        int left = Math.max(window.lastIndexOf(';', at), window.lastIndexOf(',', at));
        int end = Math.min(window.length(), at + (found.end() - found.start()));
        int semicolon = window.indexOf(';', end);
        int comma = window.indexOf(',', end);
        int right = semicolon < 0 ? comma : comma < 0 ? semicolon : Math.min(semicolon, comma);
        return window.substring(left + 1, right < 0 ? window.length() : right);
    }

    /** The index of the word starting at or after a character, or -1. */
    private int wordAt(int offset) {
        List<ClinicalText.Word> words = note.words();
        int lo = 0;
        int hi = words.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (words.get(mid).end() > offset) {
                found = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    /** The index of the last word ending at or before a character, or -1. */
    private int wordBefore(int offset) {
        List<ClinicalText.Word> words = note.words();
        int lo = 0;
        int hi = words.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (words.get(mid).start() < offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
