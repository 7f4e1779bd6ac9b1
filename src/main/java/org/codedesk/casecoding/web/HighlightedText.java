package org.codedesk.casecoding.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.codedesk.casecoding.CaseCoding;

/**
 * The note cut into pieces for display: plain text, and the words that are evidence, each marked with the codes they
 * support (or, in another style, with the codes they mention but may not be coded, such as a negated finding).
 * Overlapping evidence is merged at character level, so every character is shown once.
 */
public record HighlightedText(List<Segment> segments) {

    /** A piece of the note; {@code codes} empty for plain text; {@code coded} false for mentions that are not coded. */
    public record Segment(String text, String codes, boolean coded) {

        public boolean marked() {
            return !codes.isEmpty();
        }
    }

    static HighlightedText of(String text, CaseCoding coding) {
        List<Set<String>> coded = new ArrayList<>();
        List<Set<String>> uncoded = new ArrayList<>();
        for (int i = 0; i <= text.length(); i++) {
            coded.add(null);
            uncoded.add(null);
        }
        for (CaseCoding.CodeSuggestion s : concat(coding.diagnoses(), coding.procedures())) {
            // checked codes, and headers the coder must complete (their words are what the note says)
            if (s.suggested() || !s.complete()) {
                s.evidence().forEach(e -> mark(coded, e, s.code()));
            }
        }
        for (CaseCoding.NotCoded n : coding.notCoded()) {
            n.evidence().forEach(e -> mark(uncoded, e, n.code()));
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || !same(coded.get(i), coded.get(start)) || !same(uncoded.get(i), uncoded.get(start))) {
                Set<String> c = coded.get(start);
                Set<String> u = uncoded.get(start);
                String codes = c != null ? String.join(" ", c) : u != null ? String.join(" ", u) : "";
                segments.add(new Segment(text.substring(start, i), codes, c != null));
                start = i;
            }
        }
        return new HighlightedText(List.copyOf(segments));
    }

    private static List<CaseCoding.CodeSuggestion> concat(List<CaseCoding.CodeSuggestion> a, List<CaseCoding.CodeSuggestion> b) {
        List<CaseCoding.CodeSuggestion> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void mark(List<Set<String>> marks, CaseCoding.Evidence e, String code) {
        for (int i = Math.max(0, e.start()); i < Math.min(e.end(), marks.size() - 1); i++) {
            if (marks.get(i) == null) {
                marks.set(i, new LinkedHashSet<>());
            }
            marks.get(i).add(code);
        }
    }

    private static boolean same(Set<String> a, Set<String> b) {
        return a == null ? b == null : a.equals(b);
    }
}
