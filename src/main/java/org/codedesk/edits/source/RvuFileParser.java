package org.codedesk.edits.source;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CMS national Physician Fee Schedule relative value file in CSV form ({@code PPRRVUyyyy_*.csv}, layout
 * in RVUyyX.pdf).
 *
 * <p>Layout: a header spread over the first rows (title, AMA/ADA notices, then column labels stacked over several
 * rows, the last starting {@code HCPCS,MOD,DESCRIPTION,CODE,...}), then 31 columns per row: HCPCS, MOD,
 * DESCRIPTION, status code, not used for Medicare payment ("+"), work RVU, non-facility PE RVU, non-facility NA
 * indicator, facility PE RVU, facility NA indicator, MP RVU, non-facility total, facility total, PC/TC indicator,
 * global days, pre/intra/post-op percentages, multiple procedure, bilateral, assistant, co-surgeon and team surgery
 * indicators, endoscopic base code, conversion factor, physician supervision of diagnostic procedures, calculation
 * flag, diagnostic imaging family indicator, then the non-facility PE, facility PE and MP amounts used for the OPPS
 * payment amount.
 *
 * <p>Contract: the stacked label of every column is checked against that order, so a reordered file is refused
 * rather than misread. The DESCRIPTION column (AMA CPT text) is never kept, nor quoted in errors. Empty RVU and
 * percentage cells are zero; the conversion factor must be present. An {@link EditsFileException} names the line of
 * a wrong column count, a bad number, code or indicator. The stream is not closed.
 */
public final class RvuFileParser {

    /** Column labels stacked over the header rows, as letters and digits only, in file order. */
    private static final List<String> LABELS = List.of("HCPCS", "MOD", "DESCRIPTION", "STATUSCODE",
            "NOTUSEDFORMEDICAREPAYMENT", "WORKRVU", "NONFACPERVU", "NONFACNAINDICATOR", "FACILITYPERVU",
            "FACILITYNAINDICATOR", "MPRVU", "NONFACILITYTOTAL", "FACILITYTOTAL", "PCTCIND", "GLOBDAYS", "PREOP",
            "INTRAOP", "POSTOP", "MULTPROC", "BILATSURG", "ASSTSURG", "COSURG", "TEAMSURG", "ENDOBASE", "CONVFACTOR",
            "PHYSICIANSUPERVISIONOFDIAGNOSTICPROCEDURES", "CALCULATIONFLAG", "DIAGNOSTICIMAGINGFAMILYINDICATOR",
            "NONFACILITYPEUSEDFOROPPSPAYMENTAMOUNT", "FACILITYPEUSEDFOROPPSPAYMENTAMOUNT", "MPUSEDFOROPPSPAYMENTAMOUNT");
    private static final int DESCRIPTION = 2;
    private static final int COLUMNS = LABELS.size();
    /** The header takes 10 rows in RVU25D; a file whose header is not found early is not an RVU file. */
    private static final int MAX_HEADER_ROWS = 40;

    private RvuFileParser() {
    }

    public static RvuFile parseCsv(InputStream in, String origin) {
        CsvRecords records = CsvRecords.of(in, origin);
        List<CsvRecords.Record> headerRows = new ArrayList<>();
        CsvRecords.Record header = null;
        CsvRecords.Record record;
        while (header == null && headerRows.size() < MAX_HEADER_ROWS && (record = records.next()) != null) {
            headerRows.add(record);
            if (record.field(0).trim().equals("HCPCS") && record.field(1).trim().equals("MOD")) {
                header = record;
            }
        }
        if (header == null) {
            throw new EditsFileException(origin, 0,
                    "no header row starting with 'HCPCS,MOD' in the first " + MAX_HEADER_ROWS + " rows");
        }
        checkLabels(origin, headerRows);
        String title = headerRows.get(0).fields().stream().map(String::trim).filter(s -> !s.isEmpty())
                .findFirst().orElse("");

        List<RvuRow> rows = new ArrayList<>();
        long lastLine = header.line();
        while ((record = records.next()) != null) {
            lastLine = record.line();
            if (record.isBlank()) {
                continue;
            }
            rows.add(row(origin, record));
        }
        if (rows.isEmpty()) {
            throw new EditsFileException(origin, lastLine, "no RVU rows after the header (truncated file?)");
        }
        return new RvuFile(title, rows);
    }

    /** Compares the labels stacked in each column over the header rows with the published column order. */
    private static void checkLabels(String origin, List<CsvRecords.Record> headerRows) {
        CsvRecords.Record last = headerRows.get(headerRows.size() - 1);
        FieldValues.requireColumns(origin, last.line(), last.fields(), COLUMNS);
        for (int column = 0; column < COLUMNS; column++) {
            StringBuilder label = new StringBuilder();
            for (CsvRecords.Record row : headerRows) {
                label.append(row.field(column));
            }
            String stacked = FieldValues.normalised(label.toString());
            // The title and notices sit above DESCRIPTION, so only its last label is compared.
            boolean matches = column == DESCRIPTION ? stacked.endsWith(LABELS.get(column))
                    : stacked.equals(LABELS.get(column));
            if (!matches) {
                throw new EditsFileException(origin, last.line(), "column " + (column + 1) + " is labelled '"
                        + (column == DESCRIPTION ? last.field(column) : stacked) + "', expected "
                        + LABELS.get(column));
            }
        }
    }

    private static RvuRow row(String origin, CsvRecords.Record record) {
        long line = record.line();
        FieldValues.requireColumns(origin, line, record.fields(), COLUMNS);
        List<String> f = record.fields().stream().map(String::trim).toList();
        return new RvuRow(
                FieldValues.code(origin, line, "HCPCS", f.get(0)),
                f.get(1),
                required(origin, line, "STATUS CODE", f.get(3)),
                flag(origin, line, "NOT USED FOR MEDICARE PAYMENT", f.get(4), "+"),
                rvu(origin, line, "WORK RVU", f.get(5)),
                rvu(origin, line, "NON-FAC PE RVU", f.get(6)),
                flag(origin, line, "NON-FAC NA INDICATOR", f.get(7), "NA"),
                rvu(origin, line, "FACILITY PE RVU", f.get(8)),
                flag(origin, line, "FACILITY NA INDICATOR", f.get(9), "NA"),
                rvu(origin, line, "MP RVU", f.get(10)),
                rvu(origin, line, "NON-FACILITY TOTAL", f.get(11)),
                rvu(origin, line, "FACILITY TOTAL", f.get(12)),
                f.get(13),
                f.get(14),
                rvu(origin, line, "PRE OP", f.get(15)),
                rvu(origin, line, "INTRA OP", f.get(16)),
                rvu(origin, line, "POST OP", f.get(17)),
                f.get(18),
                f.get(19),
                f.get(20),
                f.get(21),
                f.get(22),
                f.get(23),
                FieldValues.decimal(origin, line, "CONV FACTOR", f.get(24)),
                f.get(25),
                f.get(26),
                f.get(27),
                rvu(origin, line, "NON-FACILITY PE USED FOR OPPS PAYMENT AMOUNT", f.get(28)),
                rvu(origin, line, "FACILITY PE USED FOR OPPS PAYMENT AMOUNT", f.get(29)),
                rvu(origin, line, "MP USED FOR OPPS PAYMENT AMOUNT", f.get(30)));
    }

    private static BigDecimal rvu(String origin, long line, String column, String text) {
        return FieldValues.decimalOrZero(origin, line, column, text);
    }

    private static String required(String origin, long line, String column, String text) {
        if (text.isEmpty()) {
            throw new EditsFileException(origin, line, column + ": value missing");
        }
        return text;
    }

    /** A one-value indicator: {@code set} when marked, empty when not; anything else is refused. */
    private static boolean flag(String origin, long line, String column, String text, String set) {
        if (text.isEmpty()) {
            return false;
        }
        if (text.equals(set)) {
            return true;
        }
        throw new EditsFileException(origin, line, column + ": expected '" + set + "' or empty, found '" + text + "'");
    }
}
