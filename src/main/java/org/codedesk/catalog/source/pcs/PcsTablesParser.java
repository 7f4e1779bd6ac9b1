package org.codedesk.catalog.source.pcs;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * Reads the official ICD-10-PCS tables file ({@code icd10pcs_tables_YYYY.xml}) with StAX and checks the counts
 * it declares, so that a truncated or altered file fails the import instead of silently losing codes.
 *
 * <p>Rules enforced, each failing with {@link SourceFormatException} at the offending line: a table holds axes
 * 1, 2, 3 in order, one value each, then at least one row; a row holds axes 4, 5, 6, 7 in order; an axis'
 * {@code values} equals its number of labels and a row's {@code codes} the product of its axes' label counts;
 * a label code is one PCS character (digits and letters except I and O) and is unique in its axis; a table code
 * appears once in the file.
 */
public final class PcsTablesParser {

    static final String ROOT = "ICD10PCS.tabular";

    // PCS leaves out I and O so they are never mistaken for 1 and 0.
    private static final Pattern PCS_CHARACTER = Pattern.compile("[0-9A-HJ-NP-Z]");

    public PcsTables parse(String fileName, InputStream in) {
        try (StaxCursor xml = StaxCursor.open(fileName, in)) {
            xml.root(ROOT);
            String version = null;
            List<PcsTable> tables = new ArrayList<>();
            Set<String> tableCodes = new HashSet<>();
            while (xml.nextChild()) {
                switch (xml.name()) {
                    case "version" -> version = xml.text();
                    case "title" -> xml.text();
                    case "pcsTable" -> {
                        int line = xml.line();
                        PcsTable table = table(xml);
                        if (!tableCodes.add(table.code())) {
                            throw xml.fail(line, "table " + table.code() + " appears twice");
                        }
                        tables.add(table);
                    }
                    default -> throw xml.unexpected(ROOT);
                }
            }
            xml.end();
            if (version == null) {
                throw xml.fail("no <version>");
            }
            if (tables.isEmpty()) {
                throw xml.fail("no <pcsTable>");
            }
            return new PcsTables(version, tables);
        }
    }

    private static PcsTable table(StaxCursor xml) {
        int tableLine = xml.line();
        List<PcsAxis> header = new ArrayList<>(3);
        String definition = null;
        List<PcsRow> rows = new ArrayList<>();
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "axis" -> {
                    if (!rows.isEmpty()) {
                        throw xml.fail("table axis after a <pcsRow>");
                    }
                    AxisRead read = axis(xml, header.size() + 1, true);
                    header.add(read.axis());
                    if (read.definition() != null) {
                        definition = read.definition();
                    }
                }
                case "pcsRow" -> {
                    if (header.size() != 3) {
                        throw xml.fail("<pcsRow> before table axes 1 to 3");
                    }
                    rows.add(row(xml, rows.size() + 1));
                }
                default -> throw xml.unexpected("pcsTable");
            }
        }
        if (header.size() != 3) {
            throw xml.fail(tableLine, "table lacks axes 1 to 3");
        }
        if (rows.isEmpty()) {
            throw xml.fail(tableLine, "table has no <pcsRow>");
        }
        StringBuilder code = new StringBuilder(3);
        header.forEach(axis -> code.append(axis.labels().get(0).code()));
        return new PcsTable(code.toString(), header, definition, rows);
    }

    private static PcsRow row(StaxCursor xml, int number) {
        int rowLine = xml.line();
        long declared = xml.intAttribute("codes");
        List<PcsAxis> axes = new ArrayList<>(4);
        while (xml.nextChild()) {
            if (!xml.name().equals("axis")) {
                throw xml.unexpected("pcsRow");
            }
            axes.add(axis(xml, 4 + axes.size(), false).axis());
        }
        if (axes.size() != 4) {
            throw xml.fail(rowLine, "row " + number + " has " + axes.size() + " axes, expected positions 4 to 7");
        }
        PcsRow row = new PcsRow(number, axes);
        if (row.codeCount() != declared) {
            throw xml.fail(rowLine, "row " + number + " declares codes=\"" + declared + "\" but its axes expand to "
                + row.codeCount() + " codes");
        }
        return row;
    }

    private record AxisRead(PcsAxis axis, String definition) {
    }

    /** Reads one axis, which must be at {@code expectedPosition}; header axes hold exactly one label. */
    private static AxisRead axis(StaxCursor xml, int expectedPosition, boolean header) {
        int axisLine = xml.line();
        int position = xml.intAttribute("pos");
        if (position != expectedPosition) {
            throw xml.fail("axis pos=\"" + position + "\" where position " + expectedPosition + " was expected");
        }
        int declared = xml.intAttribute("values");
        String title = null;
        String definition = null;
        List<PcsLabel> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (xml.nextChild()) {
            switch (xml.name()) {
                case "title" -> title = xml.text();
                case "label" -> {
                    String code = xml.attribute("code");
                    if (!PCS_CHARACTER.matcher(code).matches()) {
                        throw xml.fail("label code \"" + code + "\" is not one PCS character");
                    }
                    if (!seen.add(code)) {
                        throw xml.fail("label code \"" + code + "\" repeated in axis " + position);
                    }
                    labels.add(new PcsLabel(code, xml.text()));
                }
                // Only the operation (position 3) carries a definition in the official files.
                case "definition" -> {
                    if (!header) {
                        throw xml.unexpected("axis");
                    }
                    definition = xml.text();
                }
                default -> throw xml.unexpected("axis");
            }
        }
        if (title == null) {
            throw xml.fail(axisLine, "axis " + position + " has no <title>");
        }
        if (labels.size() != declared) {
            throw xml.fail(axisLine, "axis " + position + " declares values=\"" + declared + "\" but has "
                + labels.size() + " labels");
        }
        if (header ? labels.size() != 1 : labels.isEmpty()) {
            throw xml.fail(axisLine, "axis " + position + " has " + labels.size() + " labels, expected "
                + (header ? "exactly one" : "at least one"));
        }
        return new AxisRead(new PcsAxis(position, title, labels), definition);
    }
}
