package org.codedesk.catalog.importing;

import static org.codedesk.catalog.importing.ReleaseRows.count;
import static org.codedesk.catalog.importing.ReleaseRows.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.codedesk.catalog.source.AddendaComparison;
import org.codedesk.catalog.source.OrderFileEntry;
import org.codedesk.catalog.source.OrderFileParser;
import org.codedesk.catalog.source.icd10cm.AddendaEntry;
import org.codedesk.catalog.source.pcs.PcsAxis;
import org.codedesk.catalog.source.pcs.PcsDefinition;
import org.codedesk.catalog.source.pcs.PcsDefinitionsParser;
import org.codedesk.catalog.source.pcs.PcsIndexParser;
import org.codedesk.catalog.source.pcs.PcsIndexTerm;
import org.codedesk.catalog.source.pcs.PcsLabel;
import org.codedesk.catalog.source.pcs.PcsOrderAddendaParser;
import org.codedesk.catalog.source.pcs.PcsRow;
import org.codedesk.catalog.source.pcs.PcsTable;
import org.codedesk.catalog.source.pcs.PcsTables;
import org.codedesk.catalog.source.pcs.PcsTablesParser;

/**
 * Builds the rows of one ICD-10-PCS release. Codes come from the order file when the release has one
 * (official titles); otherwise from expanding the tables, with no title (the page then shows each
 * character's meaning instead of inventing one).
 */
final class PcsAssembler {

    ReleaseContent assemble(Map<FileRole, RecognizedFile> files) {
        ReleaseContent content = new ReleaseContent();
        PcsTables tables = files.containsKey(FileRole.PCS_TABLES)
                ? read(files.get(FileRole.PCS_TABLES), (n, in) -> new PcsTablesParser().parse(n, in)) : null;
        if (files.containsKey(FileRole.PCS_ORDER)) {
            List<OrderFileEntry> order = read(files.get(FileRole.PCS_ORDER), (n, in) -> new OrderFileParser().parse(n, in));
            order.forEach(e -> content.codes.add(new ReleaseContent.CodeRow(e.code(), e.code(), "code", e.billable(),
                    e.shortDescription(), e.longDescription(), null, null, e.order(), false)));
            count(content, FileRole.PCS_ORDER, order.size());
        } else if (tables != null) {
            int[] order = {0};
            for (PcsTable table : tables.tables()) {
                content.codes.add(new ReleaseContent.CodeRow(table.code(), table.code(), "code", false, null, null, null, null, ++order[0], false));
                table.codes().forEach(code -> content.codes.add(
                        new ReleaseContent.CodeRow(code, code, "code", true, null, null, null, null, ++order[0], false)));
            }
        }
        if (tables != null) {
            for (PcsTable table : tables.tables()) {
                for (PcsAxis axis : table.header()) {
                    PcsLabel label = axis.labels().get(0);
                    content.pcsAxes.add(new ReleaseContent.PcsAxisRow(table.code(), 0, axis.position(), axis.title(), label.code(),
                            label.text(), axis.position() == 3 ? table.operationDefinition() : null));
                }
                for (PcsRow row : table.rows()) {
                    for (PcsAxis axis : row.axes()) {
                        for (PcsLabel label : axis.labels()) {
                            content.pcsAxes.add(new ReleaseContent.PcsAxisRow(table.code(), row.number(), axis.position(), axis.title(),
                                    label.code(), label.text(), null));
                        }
                    }
                }
            }
            count(content, FileRole.PCS_TABLES, tables.tables().size());
        }
        ReleaseRows.linkParents(content.codes, Map.of());
        if (files.containsKey(FileRole.PCS_DEFINITIONS)) {
            List<PcsDefinition> definitions = read(files.get(FileRole.PCS_DEFINITIONS), (n, in) -> new PcsDefinitionsParser().parse(n, in));
            definitions.forEach(d -> content.pcsDefinitions.add(new ReleaseContent.PcsDefinitionRow(d.sectionCode(), d.position(),
                    d.axisTitle(), d.term(), d.definition(), d.explanation(), d.includes().isEmpty() ? null : String.join("; ", d.includes()))));
            count(content, FileRole.PCS_DEFINITIONS, definitions.size());
        }
        if (files.containsKey(FileRole.PCS_INDEX)) {
            List<PcsIndexTerm> terms = read(files.get(FileRole.PCS_INDEX), (n, in) -> new PcsIndexParser().parse(n, in));
            Map<Integer, String> paths = new HashMap<>();
            for (PcsIndexTerm t : terms) {
                String title = t.title() == null ? "" : t.title();
                String path = t.parentId() == 0 ? title
                        : title.isEmpty() ? paths.get(t.parentId()) : paths.get(t.parentId()) + " > " + title;
                paths.put(t.id(), path);
                content.indexTerms.add(new ReleaseContent.IndexTermRow("PCS", t.id(), t.parentId(), t.level(), title, null, t.code(),
                        null, t.see(), null, t.seeCode(), t.use() == null ? null : t.use() + (t.useCode() == null ? "" : " [" + t.useCode() + "]"),
                        path));
            }
            count(content, FileRole.PCS_INDEX, terms.size());
        }
        if (files.containsKey(FileRole.PCS_ORDER_ADDENDA)) {
            List<AddendaEntry> addenda = read(files.get(FileRole.PCS_ORDER_ADDENDA), (n, in) -> new PcsOrderAddendaParser().parse(n, in));
            addenda.forEach(a -> content.changes.add(new ReleaseContent.ChangeRow(a.code(), a.action(), a.billable(), a.longDescription())));
            content.orderAddenda.addAll(addenda);
            content.addendaComparesOneFile = read(files.get(FileRole.PCS_ORDER_ADDENDA), (n, in) -> AddendaComparison.comparesOneFile(n, in));
            count(content, FileRole.PCS_ORDER_ADDENDA, addenda.size());
        }
        files.keySet().forEach(role -> content.contents.add(role.content));
        return content;
    }
}
