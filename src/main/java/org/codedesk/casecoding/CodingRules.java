package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.casecoding.dictionary.IndexDictionary;
import org.codedesk.casecoding.learning.Candidate;
import org.codedesk.casecoding.text.ClinicalText;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;

/**
 * The coding rules that bear on suggestions, read from the tabular of the release in force: a header code is never
 * final (a 7th character or a more specific code is needed, and the note is asked, not guessed); "code first",
 * "use additional code" and "code also" instructions; Excludes1 conflicts between two suggestions; history-of and
 * uncertain mentions; ICD-10-PCS rows the note leaves incomplete. Code pages come from the caller (CaseCoder caches them).
 */
final class CodingRules {

    private static final Pattern CODE_REFERENCE = Pattern.compile("\\b([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?)-?");
    private static final int MAX_PATHS = 4;
    private static final int MAX_EVIDENCE = 6;

    private final BiFunction<CodeSystem, String, Optional<CodePage>> pages;

    CodingRules(BiFunction<CodeSystem, String, Optional<CodePage>> pages) {
        this.pages = pages;
    }

    /**
     * The suggestion shown for a candidate. {@code checked}: pre-checked (the policy's decision); {@code reason}: why
     * not, when it is not; {@code ruleNotes}: what the coding rules did (a combination code built, a named operation).
     */
    CaseCoding.CodeSuggestion suggestion(Candidate c, ClinicalText note, IndexDictionary dictionary, boolean checked, String reason,
                                         List<String> ruleNotes) {
        String system = c.procedure() ? "icd10pcs" : "icd10cm";
        Optional<IndexDictionary.Code> code = dictionary.code(c.code());
        boolean row = code.isEmpty();
        boolean complete = code.map(IndexDictionary.Code::billable).orElse(false);
        List<String> warnings = new ArrayList<>(ruleNotes);
        String title = code.map(IndexDictionary.Code::title).orElseGet(() -> rowTitle(c.code(), dictionary));
        if (row) {
            warnings.add("Incomplete: the note settles the ICD-10-PCS table row " + c.code() + " only; choose the approach, device and"
                    + " qualifier (characters 5 to 7) from the table, or ask the provider.");
        } else if (checked) {
            // the tabular's instructions for what is submitted (read for these only: a code page read costs time)
            page(c.procedure(), c.code()).ifPresent(page -> warnings.addAll(codeWarnings(page)));
        } else if (!complete) {
            // why a header cannot be submitted, from the codes below it (no page read: a long note lists many headers)
            warnings.addAll(headerWarnings(c.code(), dictionary));
        }
        if (c.onlyHistory()) {
            warnings.add("Written as history (\"history of\", \"previous\"): code the condition only if it is current or still treated;"
                    + " otherwise a personal history code (Z85-Z87) may apply.");
        }
        if (c.onlyPossible()) {
            warnings.add("Uncertain (\"possible\", \"suspected\", \"compatible with\"): coded as if established only for an inpatient"
                    + " stay still uncertain at discharge (Guidelines I.A.19, II.H); for an outpatient visit code the symptoms.");
        }
        List<String> paths = new ArrayList<>(c.mentions().stream().map(Candidate.Mention::route).distinct().limit(MAX_PATHS).toList());
        if (c.neighbourShare() > 0) {
            paths.add(String.format(Locale.ROOT, "Similar coded cases: %.0f%% of the nearest carry it", 100 * c.neighbourShare()));
        }
        return new CaseCoding.CodeSuggestion(system, c.code(), title, Math.round(c.score() * 1000) / 1000.0, checked, complete,
                evidence(c.mentions(), note), paths, warnings, checked ? null : reason);
    }

    /** An Excludes1 note at {@code code} (its own or inherited from {@code owner}) that names {@code excluded}. */
    record Excludes1(String code, String excluded, String owner, String text) { }

    /** Every Excludes1 note among the codes given that names another of them. */
    List<Excludes1> excludes1Pairs(List<String> codes) {
        List<Excludes1> pairs = new ArrayList<>();
        for (String a : codes) {
            Optional<CodePage> page = page(false, a);
            if (page.isEmpty()) {
                continue;
            }
            for (CodePage.Note note : page.get().notes()) {
                if (!"EXCLUDES1".equals(note.kind())) {
                    continue;
                }
                for (String b : codes) {
                    if (!b.equals(a) && excludes(note.fullText(), b) && !startsWith(a, b)) {
                        pairs.add(new Excludes1(a, b, note.inherited() ? note.ownerCode() : a, note.fullText()));
                    }
                }
            }
        }
        return pairs;
    }

    /** The texts of the Excludes1 notes at a diagnosis code, inherited ones included. */
    List<String> excludes1Texts(String code) {
        return page(false, code).map(p -> p.notes().stream().filter(n -> "EXCLUDES1".equals(n.kind())).map(CodePage.Note::fullText).toList())
                .orElse(List.of());
    }

    /** The texts of the "Use additional code" notes at a diagnosis code, inherited ones included. */
    List<String> useAdditionalTexts(String code) {
        return page(false, code).map(p -> p.notes().stream().filter(n -> "USE_ADDITIONAL_CODE".equals(n.kind())).map(CodePage.Note::fullText)
                .toList()).orElse(List.of());
    }

    /** The codes (or categories) a "Code first" note at this diagnosis code names. */
    List<String> codeFirst(String code) {
        List<String> referenced = new ArrayList<>();
        page(false, code).ifPresent(page -> page.notes().stream().filter(n -> "CODE_FIRST".equals(n.kind())).forEach(n -> {
            Matcher m = CODE_REFERENCE.matcher(n.fullText());
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }));
        return referenced;
    }

    CaseCoding.NotCoded notCoded(Candidate c, ClinicalText note, IndexDictionary dictionary) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Candidate.Mention m : c.uncodable()) {
            reasons.add(switch (m.assertion()) {
                case ABSENT -> "negated in the note";
                case FAMILY -> "a relative's condition (a family history code, Z80-Z84, may apply)";
                case POSSIBLE -> "uncertain, and uncertain diagnoses are not coded for an outpatient visit (code the symptoms)";
                default -> "not codable as written";
            });
        }
        String title = dictionary.code(c.code()).map(IndexDictionary.Code::title).orElseGet(() -> rowTitle(c.code(), dictionary));
        return new CaseCoding.NotCoded(c.procedure() ? "icd10pcs" : "icd10cm", c.code(), title, String.join("; ", reasons),
                evidence(c.uncodable(), note));
    }

    /** Excludes1 conflicts between suggested diagnoses: the two codes are not reported together. */
    List<String> caseWarnings(List<CaseCoding.CodeSuggestion> diagnoses) {
        List<String> warnings = new ArrayList<>();
        List<CaseCoding.CodeSuggestion> suggested = diagnoses.stream().filter(CaseCoding.CodeSuggestion::suggested).toList();
        for (CaseCoding.CodeSuggestion a : suggested) {
            Optional<CodePage> page = page(false, a.code());
            if (page.isEmpty()) {
                continue;
            }
            for (CodePage.Note note : page.get().notes()) {
                if (!"EXCLUDES1".equals(note.kind())) {
                    continue;
                }
                for (CaseCoding.CodeSuggestion b : suggested) {
                    if (b != a && excludes(note.fullText(), b.code()) && !startsWith(a.code(), b.code())) {
                        warnings.add("Excludes1: " + a.code() + " (" + a.title() + ") and " + b.code() + " (" + b.title() + ") are not"
                                + " coded together; " + (note.inherited() ? note.ownerCode() : a.code()) + " says: \"" + note.fullText()
                                + "\". Keep the one the documentation supports.");
                    }
                }
            }
        }
        return warnings;
    }

    private static boolean excludes(String noteText, String code) {
        Matcher m = CODE_REFERENCE.matcher(noteText);
        while (m.find()) {
            if (startsWith(code, m.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(String code, String prefix) {
        return code.replace(".", "").startsWith(prefix.replace(".", ""));
    }

    private List<String> codeWarnings(CodePage page) {
        List<String> warnings = new ArrayList<>();
        if (!page.billable()) {
            if (!page.seventhCharacters().isEmpty()) {
                warnings.add("Needs a 7th character (" + seventhCharacters(page) + "); the note does not say which encounter this is:"
                        + " ask, do not guess.");
            } else if (!page.children().isEmpty()) {
                warnings.add("Not a final code: " + page.code() + " is a header. Choose one of " + childList(page)
                        + " as the documentation supports (site, laterality, type), or ask the provider.");
            }
        }
        if (page.billable() && lateralityUnsettled(page)) {
            warnings.add("Laterality: the code is for an unspecified side; if the provider documents right, left or bilateral, a more"
                    + " specific code applies.");
        }
        Map<String, List<String>> instructions = new LinkedHashMap<>();
        for (CodePage.Note n : page.notes()) {
            if (Set.of("CODE_FIRST", "USE_ADDITIONAL_CODE", "CODE_ALSO").contains(n.kind())) {
                instructions.computeIfAbsent(n.kindLabel(), k -> new ArrayList<>()).add(n.fullText());
            }
        }
        instructions.forEach((label, texts) -> warnings.add(label + ": " + String.join("; ", texts.stream().distinct().toList())));
        return warnings;
    }

    /** A header's warning from the codes of the release below it: the 7th characters it takes, or the codes to choose from. */
    static List<String> headerWarnings(String header, IndexDictionary dictionary) {
        List<IndexDictionary.Code> under = dictionary.billableUnder(header);
        if (under.isEmpty()) {
            return List.of();
        }
        if (header.length() >= 7 && under.stream().allMatch(k -> k.code().length() == header.length() + 1)) {
            Map<Character, String> meanings = new LinkedHashMap<>();
            for (IndexDictionary.Code k : under) {
                int comma = k.title().lastIndexOf(", ");
                meanings.putIfAbsent(k.code().charAt(k.code().length() - 1), comma < 0 ? "" : k.title().substring(comma + 2));
            }
            List<String> listed = meanings.entrySet().stream().limit(4).map(e -> e.getKey() + " " + e.getValue()).toList();
            return List.of("Needs a 7th character (" + String.join(", ", listed) + (meanings.size() > 4 ? "..." : "")
                    + "); the note does not say which encounter this is: ask, do not guess.");
        }
        List<String> codes = under.stream().limit(6).map(IndexDictionary.Code::code).toList();
        return List.of("Not a final code: " + header + " is a header. Choose one of " + String.join(", ", codes) + (under.size() > 6 ? "..." : "")
                + " as the documentation supports (site, laterality, type), or ask the provider.");
    }

    private static String seventhCharacters(CodePage page) {
        return String.join(", ", page.seventhCharacters().stream().limit(4).map(s -> s.character() + " " + s.meaning()).toList())
                + (page.seventhCharacters().size() > 4 ? "..." : "");
    }

    private static String childList(CodePage page) {
        List<String> codes = page.children().stream().limit(6).map(c -> c.code()).toList();
        return String.join(", ", codes) + (page.children().size() > 6 ? "..." : "");
    }

    private static boolean lateralityUnsettled(CodePage page) {
        String title = page.longDescription() == null ? "" : page.longDescription().toLowerCase(Locale.ROOT);
        return title.contains("unspecified side") || title.contains("unspecified laterality")
                || title.matches(".*unspecified (eye|ear|knee|hip|shoulder|arm|leg|foot|hand|lung|kidney|breast|ovary|wrist|ankle|elbow).*");
    }

    private static List<CaseCoding.Evidence> evidence(List<Candidate.Mention> mentions, ClinicalText note) {
        Map<String, CaseCoding.Evidence> unique = new LinkedHashMap<>();
        for (Candidate.Mention m : mentions) {
            int start = note.words().get(m.first()).start();
            int end = note.words().get(m.last()).end();
            unique.putIfAbsent(start + ":" + end, new CaseCoding.Evidence(start, end, note.text().substring(start, end), m.assertion().label()));
        }
        return unique.values().stream().sorted(java.util.Comparator.comparingInt(CaseCoding.Evidence::start)).limit(MAX_EVIDENCE).toList();
    }

    /**
     * A four-character ICD-10-PCS row by the title of its first code up to the approach ("Resection of Gallbladder"):
     * the operation and body part the row settles, without a code page read.
     */
    static String rowTitle(String row, IndexDictionary dictionary) {
        return dictionary.firstOfRow(row).flatMap(dictionary::code).map(code -> {
            String title = code.title();
            int cut = title.length();
            for (String stop : List.of(" with ", ", ")) {
                int at = title.indexOf(stop);
                if (at > 0) {
                    cut = Math.min(cut, at);
                }
            }
            return title.substring(0, cut) + " (characters 5-7 not settled)";
        }).orElse("ICD-10-PCS table row " + row);
    }

    private Optional<CodePage> page(boolean procedure, String code) {
        return pages.apply(procedure ? CodeSystem.ICD10PCS : CodeSystem.ICD10CM, code);
    }
}
