package org.codedesk.edits.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of a CMS workbook as rows of cell text, so spreadsheet parsers share the row logic of
 * their CSV twins. Row numbers are 1-based, as a spreadsheet program shows them; rows absent from the sheet are
 * not reported. Cell text: strings as written (untrimmed), whole numbers without ".0" (2013091, not 2.013091E6),
 * date-formatted cells as ISO dates (2024-01-01), formulas by their cached value, blank or missing cells as "".
 */
final class FirstSheetRows {

    /** Receives each row's number and the text of its cells from column A to its last cell. */
    @FunctionalInterface
    interface Handler {
        void row(long number, List<String> cells);
    }

    private FirstSheetRows() {
    }

    static void read(InputStream in, String origin, Handler handler) {
        // POI may close the stream it reads; shield it so a caller's zip stream survives.
        try (Workbook workbook = WorkbookFactory.create(new FilterInputStream(in) {
            @Override
            public void close() {
            }
        })) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new EditsFileException(origin, 0, "workbook has no sheet");
            }
            for (Row row : workbook.getSheetAt(0)) {
                long number = row.getRowNum() + 1L;
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    cells.add(text(origin, number, row.getCell(i)));
                }
                handler.row(number, cells);
            }
        } catch (EditsFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI signals a corrupt or non-Excel file with various runtime exceptions.
            throw new EditsFileException(origin, 0, "not a readable spreadsheet: " + e.getMessage(), e);
        }
    }

    private static String text(String origin, long rowNumber, Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case BLANK -> "";
            default -> throw new EditsFileException(origin, rowNumber, "unreadable cell " + cell.getAddress());
        };
    }
}
