package org.codedesk.catalog.plain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodePage.Attribute;
import org.codedesk.catalog.CodePage.IndexEntry;
import org.codedesk.catalog.CodePage.Note;
import org.codedesk.catalog.CodePage.PcsCharacter;
import org.codedesk.catalog.CodePage.SeventhCharacter;
import org.codedesk.catalog.CodeSystem;

/** Code pages as fixtures for the explainers: the facts an assembled page would carry, written out by hand. */
final class Pages {

    CodeSystem system;
    String key;
    String code;
    boolean billable = true;
    int descendants;
    String title;
    final List<Note> notes = new ArrayList<>();
    final List<SeventhCharacter> sevenths = new ArrayList<>();
    final List<PcsCharacter> pcs = new ArrayList<>();
    final List<CodePage.PcsDefinition> definitions = new ArrayList<>();
    final List<Attribute> attributes = new ArrayList<>();
    final List<IndexEntry> index = new ArrayList<>();

    static Pages of(CodeSystem system, String code, String title) {
        Pages p = new Pages();
        p.system = system;
        p.code = code;
        p.key = system.key(code);
        p.title = title;
        return p;
    }

    Pages header(int billableBelow) {
        billable = false;
        descendants = billableBelow;
        return this;
    }

    Pages note(String kind, String text, String owner) {
        notes.add(new Note(kind, kind, text, owner, null, !owner.equals(code), List.of(), null));
        return this;
    }

    Pages seventh(String character, String meaning, boolean current) {
        sevenths.add(new SeventhCharacter(character, meaning, null, current));
        return this;
    }

    /** The seven characters of a PCS code: axis and meaning of each, in order. */
    Pages pcs(String... axisMeaning) {
        for (int i = 0; i < axisMeaning.length; i += 2) {
            pcs.add(new PcsCharacter(i / 2 + 1, axisMeaning[i], String.valueOf(key.charAt(i / 2)), axisMeaning[i + 1]));
        }
        return this;
    }

    Pages attribute(String label, String value, String meaning) {
        attributes.add(new Attribute(label, value, meaning));
        return this;
    }

    Pages index(String path) {
        index.add(new IndexEntry("Alphabetic Index", path, null, "FY2026"));
        return this;
    }

    CodePage page() {
        org.codedesk.catalog.Release release = new org.codedesk.catalog.Release(1, system, "FY2026", system.title() + " FY2026",
                LocalDate.of(2025, 10, 1), java.util.Set.of("codes"), java.time.Instant.EPOCH);
        return new CodePage(system, release, key, code, "code", billable, title, title, false, List.of(), List.of(), List.of(), descendants,
                notes, null, sevenths, sevenths.isEmpty() ? null : code.substring(0, 3), pcs, null, definitions, attributes, index, List.of(),
                List.of(), null, null);
    }
}
