package org.codedesk.catalog.importing;

import static org.codedesk.catalog.importing.ReleaseRows.count;
import static org.codedesk.catalog.importing.ReleaseRows.read;

import java.util.List;
import java.util.Map;

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
        List<HcpcsEntry> entries = file.role() == FileRole.HCPCS_TEXT
                ? read(file, (n, in) -> new AnwebTextParser().parse(n, in))
                : read(file, (n, in) -> new AnwebSpreadsheetParser().parse(n, in));
        int order = 0;
        for (HcpcsEntry e : entries) {
            boolean cpt = !e.modifier() && e.code().matches("[0-9]{4}[0-9FTU]");
            String key = e.code();
            content.codes.add(new ReleaseContent.CodeRow(key, key, e.modifier() ? "modifier" : "code", e.terminationDate() == null,
                    cpt ? null : e.shortDescription(), cpt ? null : e.longDescription(), null, null, ++order, false));
            e.fields().forEach((name, value) -> content.attributes.add(new ReleaseContent.AttributeRow(key, name, value)));
        }
        count(content, file.role(), entries.size());
        content.contents.add("codes");
        return content;
    }
}
