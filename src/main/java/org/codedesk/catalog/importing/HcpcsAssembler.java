package org.codedesk.catalog.importing;

import static org.codedesk.catalog.importing.ReleaseRows.count;
import static org.codedesk.catalog.importing.ReleaseRows.read;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.hcpcs.AnwebSpreadsheetParser;
import org.codedesk.catalog.source.hcpcs.AnwebTextParser;
import org.codedesk.catalog.source.hcpcs.HcpcsEntry;

/**
 * Builds the rows of one HCPCS Level II release from the ANWEB text or spreadsheet: codes and modifiers
 * with every field of the record. CPT codes that CMS lists in the same file are kept as codes without
 * their (AMA) descriptor text, which CodeDesk never shows from a CMS file.
 */
final class HcpcsAssembler {

    ReleaseContent assemble(Map<FileRole, RecognizedFile> files) {
        ReleaseContent content = new ReleaseContent();
        RecognizedFile file = files.containsKey(FileRole.HCPCS_TEXT) ? files.get(FileRole.HCPCS_TEXT) : files.get(FileRole.HCPCS_SHEET);
        if (file == null) {
            RecognizedFile other = files.values().iterator().next();
            throw new SourceFormatException(other.file().origin(), 0,
                    "no ANWEB code file (text or workbook) for " + other.release().label() + " beside this one");
        }
        for (FileRole companion : List.of(FileRole.HCPCS_CORRECTIONS, FileRole.HCPCS_TRANSACTIONS)) {
            if (files.containsKey(companion)) {
                content.skipped.add(companionNote(files.get(companion), file));
            }
        }
        List<HcpcsEntry> entries = file.role() == FileRole.HCPCS_TEXT
                ? read(file, (n, in) -> new AnwebTextParser().parse(n, in))
                : read(file, (n, in) -> new AnwebSpreadsheetParser().parse(n, in));
        int order = 0;
        for (HcpcsEntry e : entries) {
            boolean cpt = !e.modifier() && CodeSystem.isCptCode(e.code());
            String key = e.code();
            content.codes.add(new ReleaseContent.CodeRow(key, key, e.modifier() ? "modifier" : "code", e.terminationDate() == null,
                    cpt ? null : e.shortDescription(), cpt ? null : e.longDescription(), null, null, ++order, false));
            e.fields().forEach((name, value) -> content.attributes.add(new ReleaseContent.AttributeRow(key, name, value)));
        }
        count(content, file.role(), entries.size());
        content.contents.add("codes");
        return content;
    }

    private static final Pattern DATE_STAMP = Pattern.compile("(\\d{8})\\.\\w+$");

    /**
     * CMS publishes a quarter's corrections workbook and transaction report beside the ANWEB file; the
     * ANWEB file re-issued on the same date already carries the corrected records, so the workbooks are
     * recorded, not applied a second time. A workbook dated otherwise is flagged for the operator.
     */
    private static String companionNote(RecognizedFile companion, RecognizedFile codeFile) {
        String what = companion.role() == FileRole.HCPCS_CORRECTIONS ? "corrections workbook" : "transaction report";
        String stamp = stamp(companion.file().name());
        boolean sameIssue = stamp != null && stamp.equals(stamp(codeFile.file().name()));
        return companion.file().origin() + ": CMS " + what + " recorded, not read as codes"
                + (companion.role() == FileRole.HCPCS_TRANSACTIONS ? " (the changes it lists are those of the ANWEB file)"
                : sameIssue ? " (the ANWEB file of the same date carries its corrections)"
                : " (its date differs from the ANWEB file's: check that the code file carries its corrections)");
    }

    private static String stamp(String name) {
        Matcher m = DATE_STAMP.matcher(name);
        return m.find() ? m.group(1) : null;
    }
}
