package org.codedesk.coverage.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the CMS clinical-lab NCD coding spreadsheet ({@code ...ICD10-NCD-Spreadsheet...xlsx}), first sheet.
 *
 * <p>Layout (January 2026): a title, a legend of the resolution codes, a two-row header ("NCD Number, NCD
 * DESCRIPTION, CPT/HCPCS CODES, CPT/HCPCS EFF DATE, CPT/HCPCS TERM DATE, ICD-10 CODE, ICD-10 EFF DATE, ICD-10 TERM
 * DATE, RESOLUTION CODE"), then one row per ICD-10-CM code in columns A to I. Each NCD's block lists its CPT/HCPCS
 * codes down column C in its first rows, beside (not paired with) the ICD-10-CM rows; the description is on the
 * first row only. The ICD-10 code {@code @@@@@@@} stands for every code not listed (its resolution is the NCD's
 * default). Dates are Excel serial numbers or date cells. The accessible copy ({@code -508}) marks changed cells
 * with an asterisk; it is ignored. Resolution: 1 covered, 2 denied, 3 does not support
 * medical necessity.
 */
public final class NcdSpreadsheetParser {

    private static final Pattern NCD_NUMBER = Pattern.compile("\\d{2,3}\\.\\d{1,3}[A-Z]?");
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");
    private static final Pattern HCPCS = Pattern.compile("[0-9A-Z]\\d{3}[0-9A-Z]");
    private static final String ALL_OTHERS = "@@@@@@@";

    private NcdSpreadsheetParser() {
    }

    public static CoverageSet parse(InputStream in, String origin) {
        CoverageSet set = CoverageSet.empty();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Integer> others = new LinkedHashMap<>();
        boolean header = false;
        boolean data = false;
        try (Workbook workbook = WorkbookFactory.create(new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller owns the stream (it may be a zip member)
            }
        })) {
            for (Row row : workbook.getSheetAt(0)) {
                long line = row.getRowNum() + 1L;
                String ncd = text(row.getCell(0));
                if (!header) {
                    header = text(row.getCell(8)).toUpperCase().startsWith("RESOLUTION") && text(row.getCell(5)).toUpperCase().startsWith("ICD-10");
                    continue;
                }
                if (ncd.isEmpty()) {
                    continue;
                }
                if (!NCD_NUMBER.matcher(ncd).matches() && !data) {
                    continue; // the header's second row ("Number", "DESCRIPTION"...)
                }
                data = true;
                if (!NCD_NUMBER.matcher(ncd).matches()) {
                    throw new CoverageFileException(origin, line, "\"" + ncd + "\" is not an NCD number (like 190.12)");
                }
                String title = text(row.getCell(1));
                if (!title.isEmpty()) {
                    titles.putIfAbsent(ncd, title);
                }
                String procedure = CoverageSet.key(text(row.getCell(2)));
                if (!procedure.isEmpty()) {
                    if (!HCPCS.matcher(procedure).matches()) {
                        throw new CoverageFileException(origin, line, "\"" + procedure + "\" is not a CPT/HCPCS code");
                    }
                    set.procedures().add(new CoverageSet.Procedure(ncd, procedure, date(row.getCell(3)), date(row.getCell(4))));
                }
                String diagnosis = text(row.getCell(5));
                if (diagnosis.isEmpty()) {
                    continue;
                }
                int resolution = resolution(origin, line, text(row.getCell(8)));
                if (diagnosis.equals(ALL_OTHERS)) {
                    others.put(ncd, resolution);
                    continue;
                }
                String key = CoverageSet.key(diagnosis);
                if (!ICD10.matcher(key).matches()) {
                    throw new CoverageFileException(origin, line, "\"" + diagnosis + "\" is not an ICD-10-CM code");
                }
                set.diagnoses().add(new CoverageSet.Diagnosis(ncd, key, resolution, 0, date(row.getCell(6)), date(row.getCell(7))));
            }
        } catch (CoverageFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CoverageFileException(origin, 0, "not a readable spreadsheet: " + e.getMessage());
        }
        if (!header) {
            throw new CoverageFileException(origin, 0, "no header row with ICD-10 CODE and RESOLUTION CODE columns: not the NCD spreadsheet layout");
        }
        if (set.diagnoses().isEmpty()) {
            throw new CoverageFileException(origin, 0, "no NCD rows after the header (truncated file?)");
        }
        java.util.Set<String> numbers = new java.util.LinkedHashSet<>();
        set.diagnoses().forEach(d -> numbers.add(d.documentId()));
        set.procedures().forEach(p -> numbers.add(p.documentId()));
        for (String ncd : numbers) {
            // the sheet has no date for the NCD itself: its ICD-10 coding applies from its earliest row
            LocalDate from = set.diagnoses().stream().filter(d -> d.documentId().equals(ncd) && d.effectiveFrom() != null)
                    .map(CoverageSet.Diagnosis::effectiveFrom).min(LocalDate::compareTo).orElse(null);
            set.documents().add(new CoverageSet.Document(ncd, "NCD", titles.getOrDefault(ncd, "NCD " + ncd), from, null, others.get(ncd), null));
        }
        return set;
    }

    private static int resolution(String origin, long line, String text) {
        return switch (text) {
            case "1" -> CoverageSet.COVERED;
            case "2" -> CoverageSet.DENIED;
            case "3" -> CoverageSet.NOT_REASONABLE_AND_NECESSARY;
            default -> throw new CoverageFileException(origin, line, "resolution code \"" + text + "\" is not 1, 2 or 3");
        };
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                yield value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
            }
            // the accessible ("-508") copy marks the quarter's changes with an asterisk where the other uses red
            case STRING -> cell.getStringCellValue().replace("*", "").trim();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /** An Excel date: a date cell, or a serial day number (42278 is 2015-10-01); blank is null. */
    private static LocalDate date(Cell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.getLocalDateTime(cell.getNumericCellValue()).toLocalDate();
        }
        String text = text(cell);
        if (text.matches("\\d{5}")) {
            return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(text));
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(text);
        }
        return null;
    }
}
