package org.codedesk.catalog.plain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodePage.Note;
import org.codedesk.catalog.CodePage.SeventhCharacter;
import org.codedesk.catalog.PlainLanguage.Sentence;

/**
 * ICD-10-CM in plain words, from the page's official facts only: the title (abbreviations spelled out), what its words
 * say of the axes (side, sudden or long-lasting), whether the code is complete, the 7th character and what the guidelines
 * (I.C.19.a) say it means, the inclusion terms, the Alphabetic Index entries that lead to it, and the notes that say what is
 * excluded and what must be coded with it. Long lists are cut to their first items, with the count of the rest.
 */
final class CmExplainer {

    private static final int ITEMS = 2;
    private static final Pattern RIGHT = Pattern.compile("\\bright\\b", Pattern.CASE_INSENSITIVE);
    /** "left" the side, not the verb ("foreign body accidentally left in body following...", found in the review). */
    private static final Pattern LEFT = Pattern.compile("\\bleft\\b(?! in\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BILATERAL = Pattern.compile("\\bbilateral\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSPECIFIED_SIDE = Pattern.compile("\\bunspecified (side|laterality)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACUTE = Pattern.compile("(?<!sub)\\bacute\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHRONIC = Pattern.compile("\\bchronic\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACUTE_ON_CHRONIC = Pattern.compile("\\bacute on chronic\\b", Pattern.CASE_INSENSITIVE);

    private CmExplainer() {
    }

    static List<Sentence> explain(CodePage page) {
        List<Sentence> out = new ArrayList<>();
        String title = page.longDescription() == null ? page.shortDescription() : page.longDescription();
        if (title != null) {
            out.add(new Sentence(Phrases.sentence("This code means: " + Abbreviations.spellOut(Phrases.clause(title))), "title", title));
        }
        if (page.billable()) {
            out.add(new Sentence("It is a complete code that can be used on a claim.", "billable", "billable"));
        } else if (page.billableDescendantCount() > 0) {
            out.add(new Sentence("It is a heading, not a complete code: use one of the " + page.billableDescendantCount()
                    + " more exact codes under it.", "billable", "header"));
        } else {
            out.add(new Sentence("It is a heading, not a complete code.", "billable", "header"));
        }
        if (title != null) {
            laterality(title).ifPresent(out::add);
            acuity(title).ifPresent(out::add);
        }
        seventh(page).ifPresent(out::add);
        List<String> inclusions = own(page, "INCLUSION_TERM");
        if (!inclusions.isEmpty()) {
            out.add(new Sentence(Phrases.sentence("It also covers: " + some(inclusions, "; ")), "inclusionTerm", String.join("; ", inclusions)));
        }
        List<String> index = page.indexEntries().stream().filter(e -> e.index().equals("Alphabetic Index") && e.column() == null)
                .map(e -> Abbreviations.spellOut(e.path().replace(" > ", ", "))).distinct().sorted(Comparator.comparingInt(String::length)).toList();
        if (!index.isEmpty()) {
            out.add(new Sentence(Phrases.sentence("Index words that lead here: " + some(index, "; ")), "index", String.join("; ", index)));
        }
        List<String> excludes1 = all(page, "EXCLUDES1");
        if (!excludes1.isEmpty()) {
            out.add(new Sentence(Phrases.sentence("Never code it together with: " + some(excludes1, "; ")), "excludes1",
                    String.join("; ", excludes1)));
        }
        List<String> excludes2 = all(page, "EXCLUDES2");
        if (!excludes2.isEmpty()) {
            out.add(new Sentence(Phrases.sentence("Not part of this code (both may be coded): "
                    + some(excludes2, "; ")), "excludes2", String.join("; ", excludes2)));
        }
        List<String> first = all(page, "CODE_FIRST");
        if (!first.isEmpty()) {
            out.add(new Sentence(Phrases.sentence("Code first: " + some(first, "; ")), "codeFirst", String.join("; ", first)));
        }
        List<String> additional = all(page, "USE_ADDITIONAL_CODE");
        if (!additional.isEmpty()) {
            out.add(new Sentence(Phrases.sentence(additionalCode(some(additional, "; "))), "useAdditionalCode", String.join("; ", additional)));
        }
        List<String> also = all(page, "CODE_ALSO");
        if (!also.isEmpty()) {
            out.add(new Sentence(Phrases.sentence("Code also, if present: " + some(also, "; ")), "codeAlso", String.join("; ", also)));
        }
        long fromHeadings = page.notes().stream().filter(CmExplainer::fromHeading).count();
        if (fromHeadings > 0) {
            out.add(new Sentence("The chapter and block add " + fromHeadings + (fromHeadings == 1 ? " more note" : " more notes")
                    + (fromHeadings == 1 ? ". It is on this page." : ". They are on this page."), "notes (from the chapter and block)", String.valueOf(fromHeadings)));
        }
        return out;
    }

    /**
     * A "use additional code" note as a sentence: the notes start "code, if applicable, to identify...", "code (for): from
     * categories...", "external cause code to identify place (Y92)".
     */
    static String additionalCode(String notes) {
        String rest = notes.replaceFirst("^(?i)(use additional )?code\\b\\s*(\\(for\\))?\\s*[,:]?\\s*", "");
        if (rest.toLowerCase(Locale.ROOT).startsWith("if applicable,")) {
            return "If it applies, also add a code " + rest.substring("if applicable,".length()).strip();
        }
        if (rest.toLowerCase(Locale.ROOT).matches("^(external cause |an? )?[a-z -]*code\\b.*") && !rest.startsWith("code")) {
            return "Also add an " + rest.replaceFirst("^(?i)an? ", "");
        }
        return "Also add a code " + rest;
    }

    static java.util.Optional<Sentence> laterality(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (UNSPECIFIED_SIDE.matcher(t).find()) {
            return java.util.Optional.of(new Sentence("The record does not say which side.", "title (laterality)", "unspecified side"));
        }
        boolean right = RIGHT.matcher(t).find();
        boolean left = LEFT.matcher(t).find();
        boolean both = BILATERAL.matcher(t).find();
        if (both && !right && !left) {
            return java.util.Optional.of(new Sentence("It is for both sides of the body.", "title (laterality)", "bilateral"));
        }
        if (right && !left && !both) {
            return java.util.Optional.of(new Sentence("It is for the right side.", "title (laterality)", "right"));
        }
        if (left && !right && !both) {
            return java.util.Optional.of(new Sentence("It is for the left side.", "title (laterality)", "left"));
        }
        return java.util.Optional.empty();
    }

    static java.util.Optional<Sentence> acuity(String title) {
        if (ACUTE_ON_CHRONIC.matcher(title).find()) {
            return java.util.Optional.of(new Sentence("It is for a long-lasting problem that suddenly got worse (acute on chronic).",
                    "title (acuity)", "acute on chronic"));
        }
        boolean acute = ACUTE.matcher(title).find();
        boolean chronic = CHRONIC.matcher(title).find();
        if (acute && chronic) {
            return java.util.Optional.of(new Sentence("It covers both a sudden (acute) and a long-lasting (chronic) form.",
                    "title (acuity)", "acute and chronic"));
        }
        if (acute) {
            return java.util.Optional.of(new Sentence("It is for a sudden or recent (acute) problem.", "title (acuity)", "acute"));
        }
        if (chronic) {
            return java.util.Optional.of(new Sentence("It is for a long-lasting (chronic) problem.", "title (acuity)", "chronic"));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Sentence> seventh(CodePage page) {
        if (page.seventhCharacters().isEmpty()) {
            return java.util.Optional.empty();
        }
        for (SeventhCharacter s : page.seventhCharacters()) {
            if (s.current()) {
                String meaning = Abbreviations.spellOut(Phrases.clause(s.meaning()));
                // only the first letter is lowered: "type IIIA, IIIB, or IIIC" keeps its numerals
                return java.util.Optional.of(new Sentence(Phrases.sentence("The 7th character " + s.character() + " means "
                        + Character.toLowerCase(meaning.charAt(0)) + meaning.substring(1) + episode(meaning)), "seventhCharacter", s.character() + " " + s.meaning()));
            }
        }
        return java.util.Optional.of(new Sentence("A 7th character must be added to make a complete code; the choices are listed on this page.",
                "seventhCharacter", page.seventhCharacterSource() == null ? "" : page.seventhCharacterSource()));
    }

    /** What the guidelines (I.C.19.a) say the three usual episodes mean, in plain words. */
    private static String episode(String meaning) {
        String m = meaning.toLowerCase(Locale.ROOT);
        if (m.startsWith("initial encounter")) {
            return ": the patient is getting active treatment for it";
        }
        if (m.startsWith("subsequent encounter")) {
            return ": a visit after active treatment, while it heals";
        }
        if (m.equals("sequela")) {
            return ": a problem left over from it after it healed";
        }
        return "";
    }

    /** The code's own notes of a kind (not inherited), lead-ins with their items. */
    private static List<String> own(CodePage page, String kind) {
        return page.notes().stream().filter(n -> n.kind().equals(kind) && !n.inherited()).map(CmExplainer::noteText).toList();
    }

    /**
     * Notes of a kind attached to the code or the codes above it (they apply to everything below). Those of the chapter and
     * block headings are broad (the same on thousands of codes): they are counted in a closing sentence, not repeated.
     */
    private static List<String> all(CodePage page, String kind) {
        return page.notes().stream().filter(n -> n.kind().equals(kind) && !fromHeading(n)).map(CmExplainer::noteText).distinct().toList();
    }

    /** A note of a chapter or block heading ("Chapter 1", "A00-A09"), not of a code. */
    static boolean fromHeading(Note note) {
        return note.inherited() && note.ownerCode() != null && (note.ownerCode().startsWith("Chapter") || note.ownerCode().contains("-"));
    }

    private static String noteText(Note note) {
        return Abbreviations.spellOut(Phrases.clause(note.fullText()));
    }

    private static String some(List<String> items, String separator) {
        List<String> shown = items.subList(0, Math.min(ITEMS, items.size()));
        String text = String.join(separator, shown);
        int rest = items.size() - shown.size();
        return rest == 0 ? text : text + " (and " + rest + " more, listed on this page)";
    }
}
