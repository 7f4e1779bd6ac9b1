package org.codedesk.catalog.plain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CptPublicFacts;
import org.codedesk.catalog.CodePage.PcsCharacter;
import org.codedesk.catalog.CodePage.SeventhCharacter;
import org.codedesk.catalog.PlainLanguage;
import org.codedesk.catalog.PlainLanguage.Sentence;

/**
 * Checks that a generated explanation agrees with the facts on its page, independently of how it was written: the code kind
 * (a header is never called complete, a billable code never a heading), the side (no "right" for a left or two-sided code),
 * the 7th character (the one the code ends with, with the meaning the page lists), acuity, excludes notes (nothing an
 * Excludes1 note names is said to be covered), codes (every code named is one the page names), PCS characters (the
 * part, approach and device named are the code's) and HCPCS coverage and termination. Returns the problems, empty when none.
 */
public final class PlainLanguageCheck {

    private static final Pattern CM_CODE = Pattern.compile("\\b[A-TV-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4}|\\.-)?");
    private static final Pattern WORD_RIGHT = Pattern.compile("\\bright\\b");
    /** The side, not the verb ("accidentally left in body"). */
    private static final Pattern WORD_LEFT = Pattern.compile("\\bleft\\b(?! in\\b)");

    private PlainLanguageCheck() {
    }

    public static List<String> problems(CodePage page, PlainLanguage plain) {
        List<String> problems = new ArrayList<>();
        if (plain == null || plain.sentences().isEmpty()) {
            problems.add("no sentence");
            return problems;
        }
        for (Sentence s : plain.sentences()) {
            if (s.text() == null || s.text().isBlank() || s.field() == null || s.field().isBlank()) {
                problems.add("a sentence without text or source field: " + s);
            }
        }
        String text = plain.text();
        String lower = text.toLowerCase(Locale.ROOT);
        kind(page, lower, problems);
        switch (page.system()) {
            case ICD10CM -> {
                laterality(page, plain, problems);
                seventh(page, plain, problems);
                acuity(page, plain, problems);
                excludes(page, plain, problems);
                codes(page, text, problems);
            }
            case ICD10PCS -> pcs(page, plain, problems);
            case HCPCS -> hcpcs(page, plain, problems);
            case CPT -> {
                if (page.longDescription() != null && page.longDescription().length() > 10 && lower.contains(page.longDescription().toLowerCase(Locale.ROOT))) {
                    problems.add("CPT: repeats the AMA descriptor");
                }
            }
        }
        return problems;
    }

    /**
     * An unlicensed CPT text against the code's public CMS facts: each sentence's value is the record's, the global period
     * names the record's number of days, each MUE sentence the record's units, every fee schedule indicator with a wording is
     * said, and none of the {@code descriptors} (the descriptor texts the CMS files carry) appears, whole or three long words of it in a row.
     */
    public static List<String> cptProblems(CptPublicFacts facts, PlainLanguage plain, Collection<String> descriptors) {
        List<String> problems = new ArrayList<>();
        if (plain == null || plain.sentences().isEmpty()) {
            problems.add("no sentence");
            return problems;
        }
        Map<String, String> record = new HashMap<>();
        record.put("pfs:status", facts.status());
        record.put("pfs:globalDays", facts.globalDays());
        record.put("pfs:multipleProcedure", facts.multipleProcedure());
        record.put("pfs:bilateral", facts.bilateral());
        record.put("pfs:assistant", facts.assistant());
        record.put("pfs:coSurgeons", facts.coSurgeons());
        record.put("pfs:team", facts.team());
        Map<String, CptPublicFacts.Mue> mues = new HashMap<>();
        facts.mues().forEach(m -> mues.put("mue:" + m.setting(), m));
        Set<String> said = new HashSet<>();
        for (Sentence s : plain.sentences()) {
            said.add(s.field());
            if (s.field().startsWith("pfs:")) {
                String value = record.get(s.field());
                if (value == null || !value.trim().equals(s.value())) {
                    problems.add("cpt: " + s.field() + " sentence from " + s.value() + ", the record says " + value);
                }
                if (s.field().equals("pfs:globalDays") && value != null && value.trim().matches("\\d{3}")
                        && !s.text().contains(Integer.parseInt(value.trim()) + "-day global")) {
                    problems.add("cpt: the global period said is not the record's " + value.trim() + ": " + s.text());
                }
            } else if (s.field().startsWith("mue:")) {
                CptPublicFacts.Mue mue = mues.get(s.field());
                if (mue == null || !s.text().contains("at most " + mue.value() + " unit")) {
                    problems.add("cpt: " + s.field() + " sentence does not give the record's MUE " + (mue == null ? "(none)" : mue.value()));
                }
            } else if (!s.field().equals("code")) {
                problems.add("cpt: a sentence from a field that is not a public CMS fact: " + s.field());
            }
        }
        for (var e : record.entrySet()) {
            if (e.getValue() != null && !e.getValue().trim().equals("9") && !said.contains(e.getKey())) {
                problems.add("cpt: the record's " + e.getKey() + " " + e.getValue() + " is not said");
            }
        }
        mues.keySet().stream().filter(k -> !said.contains(k)).forEach(k -> problems.add("cpt: the record's " + k + " is not said"));
        String lower = plain.text().toLowerCase(Locale.ROOT);
        for (String descriptor : descriptors) {
            String d = descriptor == null ? "" : descriptor.strip().toLowerCase(Locale.ROOT);
            // a descriptor of a single word ("Anesthesia") may appear in our own words; a phrase of the AMA's may not
            if (d.contains(" ") && d.length() >= 8 && lower.contains(d)) {
                problems.add("cpt: repeats descriptor text: " + descriptor);
                continue;
            }
            // nor three of its words in a row, each of four letters or more (a part of the descriptor reworded around)
            String[] words = d.split("[^a-z0-9]+");
            for (int i = 0; i + 2 < words.length; i++) {
                String window = words[i] + " " + words[i + 1] + " " + words[i + 2];
                if (words[i].length() >= 4 && words[i + 1].length() >= 4 && words[i + 2].length() >= 4 && lower.contains(window)) {
                    problems.add("cpt: repeats part of the descriptor: " + window);
                    break;
                }
            }
        }
        return problems;
    }

    private static void kind(CodePage page, String lower, List<String> problems) {
        if (page.system() == org.codedesk.catalog.CodeSystem.HCPCS || page.system() == org.codedesk.catalog.CodeSystem.CPT) {
            return; // HCPCS "billable" is the termination date: checked with the record
        }
        if (!page.billable() && lower.contains("can be used on a claim")) {
            problems.add("kind: a header is called a complete code");
        }
        if (page.billable() && (lower.contains("not a complete code") || lower.contains("it is a heading"))) {
            problems.add("kind: a billable code is called a heading");
        }
        if (page.system() == org.codedesk.catalog.CodeSystem.ICD10CM && !lower.contains("can be used on a claim") && !lower.contains("not a complete code")) {
            problems.add("kind: not said whether the code is complete");
        }
    }

    private static void laterality(CodePage page, PlainLanguage plain, List<String> problems) {
        String title = page.longDescription() == null ? "" : page.longDescription().toLowerCase(Locale.ROOT);
        boolean titleRight = WORD_RIGHT.matcher(title).find();
        boolean titleLeft = WORD_LEFT.matcher(title).find();
        boolean titleBoth = title.contains("bilateral");
        for (Sentence s : plain.sentences()) {
            if (!s.field().startsWith("title (laterality)")) {
                continue;
            }
            String t = s.text().toLowerCase(Locale.ROOT);
            if (t.contains("right side") && (!titleRight || titleLeft)) {
                problems.add("laterality: says right, the title says " + page.longDescription());
            }
            if (t.contains("left side") && (!titleLeft || titleRight)) {
                problems.add("laterality: says left, the title says " + page.longDescription());
            }
            if (t.contains("both sides") && !titleBoth) {
                problems.add("laterality: says both sides, the title says " + page.longDescription());
            }
            if (t.contains("which side") && !title.contains("unspecified")) {
                problems.add("laterality: says side not given, the title says " + page.longDescription());
            }
        }
        boolean said = plain.sentences().stream().anyMatch(s -> s.field().startsWith("title (laterality)"));
        if (!said && (titleRight ^ titleLeft) && !titleBoth) {
            problems.add("laterality: the title names one side and the text does not say it");
        }
    }

    private static void seventh(CodePage page, PlainLanguage plain, List<String> problems) {
        List<Sentence> sevenths = plain.sentences().stream().filter(s -> s.field().equals("seventhCharacter")).toList();
        if (page.seventhCharacters().isEmpty()) {
            if (!sevenths.isEmpty()) {
                problems.add("7th character: explained, but the code takes none");
            }
            return;
        }
        SeventhCharacter current = page.seventhCharacters().stream().filter(SeventhCharacter::current).findFirst().orElse(null);
        if (sevenths.size() != 1) {
            problems.add("7th character: " + sevenths.size() + " sentences about it, expected 1");
            return;
        }
        String t = sevenths.get(0).text();
        if (current == null) {
            if (!t.contains("must be added")) {
                problems.add("7th character: the code has none yet and the text does not say one must be added");
            }
            return;
        }
        if (page.key().length() != 7 || page.key().charAt(6) != current.character().charAt(0)) {
            problems.add("7th character: the page marks " + current.character() + " current, the code is " + page.code());
        }
        if (!t.contains("7th character " + current.character() + " ")
                || !Abbreviations.withoutExplanations(t).toLowerCase(Locale.ROOT).contains(
                        Abbreviations.withoutExplanations(Abbreviations.spellOut(Phrases.clause(current.meaning()))).toLowerCase(Locale.ROOT))) {
            problems.add("7th character: text does not give " + current.character() + " = " + current.meaning());
        }
    }

    private static void acuity(CodePage page, PlainLanguage plain, List<String> problems) {
        String title = page.longDescription() == null ? "" : page.longDescription().toLowerCase(Locale.ROOT);
        for (Sentence s : plain.sentences()) {
            if (!s.field().startsWith("title (acuity)")) {
                continue;
            }
            String t = s.text().toLowerCase(Locale.ROOT);
            if (t.contains("(acute") && !title.matches(".*(?<!sub)\\bacute\\b.*")) {
                problems.add("acuity: says acute, the title does not");
            }
            if (t.contains("(chronic") && !title.contains("chronic")) {
                problems.add("acuity: says chronic, the title does not");
            }
        }
    }

    /** Nothing an Excludes1 note of the page names may appear in what the text says the code covers. */
    private static void excludes(CodePage page, PlainLanguage plain, List<String> problems) {
        Set<String> excluded = new HashSet<>();
        page.notes().stream().filter(n -> n.kind().equals("EXCLUDES1"))
                .forEach(n -> excluded.add(withoutCodes(n.fullText()).toLowerCase(Locale.ROOT)));
        for (Sentence s : plain.sentences()) {
            if (!s.field().equals("inclusionTerm")) {
                continue;
            }
            String covered = s.value().toLowerCase(Locale.ROOT);
            for (String item : covered.split("; ")) {
                String bare = withoutCodes(item);
                if (bare.length() > 3 && excluded.contains(bare)) {
                    problems.add("excludes1: '" + bare + "' is said to be covered and is excluded");
                }
            }
        }
        // the excludes sentences say only what the notes say
        for (Sentence s : plain.sentences()) {
            if (s.field().equals("excludes1") && page.notes().stream().noneMatch(n -> n.kind().equals("EXCLUDES1"))) {
                problems.add("excludes1: a sentence with no Excludes1 note on the page");
            }
            if (s.field().equals("excludes2") && page.notes().stream().noneMatch(n -> n.kind().equals("EXCLUDES2"))) {
                problems.add("excludes2: a sentence with no Excludes2 note on the page");
            }
        }
    }

    /** Every ICD-10-CM code the text names is one the page names (its title, notes, index entries). */
    private static void codes(CodePage page, String text, List<String> problems) {
        StringBuilder facts = new StringBuilder(page.code()).append(' ').append(page.longDescription());
        page.notes().forEach(n -> facts.append(' ').append(n.fullText()));
        page.indexEntries().forEach(e -> facts.append(' ').append(e.path()));
        String known = facts.toString();
        Matcher m = CM_CODE.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group())) {
                problems.add("code: " + m.group() + " is named but is not on the page");
            }
        }
    }

    private static void pcs(CodePage page, PlainLanguage plain, List<String> problems) {
        if (page.key().length() < 7) {
            if (plain.sentences().stream().anyMatch(s -> s.text().contains(" was "))) {
                problems.add("pcs: a partial code is described as a procedure done");
            }
            return;
        }
        for (Sentence s : plain.sentences()) {
            if (!s.field().startsWith("pcs:")) {
                continue;
            }
            for (String value : s.value().split(" \\| ")) {
                if (!value.isBlank() && !s.field().startsWith("pcs:definition")
                        && page.pcsCharacters().stream().map(PcsCharacter::meaning).noneMatch(value::equals)) {
                    problems.add("pcs: '" + value + "' is not a character of " + page.code());
                }
            }
        }
        PcsCharacter part = PcsExplainer.at(page.pcsCharacters(), 4);
        if (part != null && plain.sentences().get(0).field().contains(part.axis())
                && !plain.sentences().get(0).text().toLowerCase(Locale.ROOT).contains(Phrases.noun(part.meaning()).toLowerCase(Locale.ROOT))) {
            problems.add("pcs: the first sentence does not name the body part " + part.meaning());
        }
        String side = part == null ? "" : part.meaning().toLowerCase(Locale.ROOT);
        String first = plain.sentences().get(0).text().toLowerCase(Locale.ROOT);
        if (side.endsWith(", right") && WORD_LEFT.matcher(first).find() || side.endsWith(", left") && WORD_RIGHT.matcher(first).find()) {
            problems.add("pcs: the side contradicts the body part " + part.meaning());
        }
    }

    private static void hcpcs(CodePage page, PlainLanguage plain, List<String> problems) {
        String coverage = page.attributes().stream().filter(a -> a.label().equals("Coverage code")).map(a -> a.value().trim()).findFirst().orElse(null);
        boolean terminated = page.attributes().stream().anyMatch(a -> a.label().equals("Termination date") && !a.value().isBlank());
        for (Sentence s : plain.sentences()) {
            if (s.field().equals("hcpcs:coverageCode") && !s.value().trim().equals(coverage)) {
                problems.add("hcpcs: coverage sentence from " + s.value() + ", the record says " + coverage);
            }
            if (s.field().equals("hcpcs:terminationDate") && !terminated) {
                problems.add("hcpcs: says ended, the record has no termination date");
            }
        }
        if (terminated && plain.sentences().stream().noneMatch(s -> s.field().equals("hcpcs:terminationDate"))) {
            problems.add("hcpcs: the record is terminated and the text does not say so");
        }
    }

    private static String withoutCodes(String text) {
        return Phrases.clause(text.replaceAll("\\s*\\([A-Z0-9.\\-, ]+\\)", "")).strip();
    }
}
