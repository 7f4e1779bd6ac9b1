package org.codedesk.catalog.source.icd10cm;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.codedesk.catalog.source.SourceFormatException;

/**
 * The printed lines of a PDF, each cut into runs: text in one style (italic or not) with no wide gap inside. The CDC
 * index addenda print the action in an italic left column and, in the drug and neoplasm tables, each column's cell
 * apart, so a run is an action label, a term or a cell.
 */
final class PdfRuns {

    /** Points of empty space that end a run (words are about 2 pt apart, table columns 15 pt or more). */
    private static final float GAP = 9f;

    /** A run: where it starts (points from the left edge), its size in points, its style and its text. */
    record Run(float x, float size, boolean bold, boolean italic, String text) {
    }

    /** A printed line: 1-based page, 1-based line of the page (non-blank lines), its runs from left to right. */
    record Line(int page, int line, List<Run> runs) {

        String text() {
            return String.join(" ", runs.stream().map(Run::text).toList());
        }
    }

    private PdfRuns() {
    }

    /**
     * The lines of the PDF in reading order.
     *
     * @throws SourceFormatException when the bytes are not a readable PDF
     */
    static List<Line> read(String fileName, InputStream in) {
        return PdfText.strip(fileName, in, Stripper::new).lines;
    }

    private static final class Stripper extends PDFTextStripper {

        private final List<Line> lines = new ArrayList<>();
        private final List<TextPosition> chars = new ArrayList<>();
        private int page;
        private int lineOnPage;

        Stripper() throws IOException {
        }

        @Override
        protected void startPage(PDPage pdPage) {
            page = getCurrentPageNo();
            lineOnPage = 0;
            chars.clear();
        }

        @Override
        protected void endPage(PDPage pdPage) {
            flush();
        }

        @Override
        protected void writeString(String string, List<TextPosition> textPositions) {
            chars.addAll(textPositions);
        }

        @Override
        protected void writeLineSeparator() {
            flush();
        }

        private void flush() {
            List<Run> runs = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            TextPosition first = null;
            float end = 0;
            for (TextPosition c : chars) {
                String s = c.getUnicode();
                boolean italic = PdfText.italic(c.getFont());
                boolean blank = s == null || s.isBlank() || s.equals("\u00a0");
                if (first != null && (c.getXDirAdj() - end > GAP || (!blank && italic != PdfText.italic(first.getFont()) && !text.toString().isBlank()))) {
                    add(runs, first, text);
                    text.setLength(0);
                    first = null;
                }
                if (first == null && blank) {
                    continue;
                }
                if (first == null) {
                    first = c;
                } else if (c.getXDirAdj() - end > c.getWidthOfSpace() * 0.5f && text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                    text.append(' '); // PDFBox hands words without the space between them
                }
                text.append(blank ? " " : s);
                end = c.getXDirAdj() + c.getWidthDirAdj();
            }
            if (first != null) {
                add(runs, first, text);
            }
            chars.clear();
            if (!runs.isEmpty()) {
                lines.add(new Line(page, ++lineOnPage, List.copyOf(runs)));
            }
        }

        private static void add(List<Run> runs, TextPosition first, StringBuilder text) {
            String t = text.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
            if (!t.isEmpty()) {
                runs.add(new Run(first.getXDirAdj(), first.getFontSizeInPt(), PdfText.bold(first.getFont()), PdfText.italic(first.getFont()), t));
            }
        }
    }
}
