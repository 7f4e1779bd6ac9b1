package org.codedesk.catalog.source.icd10cm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.codedesk.catalog.source.SourceFormatException;

/** What the CDC addenda PDF readers share: running a PDFBox stripper over a file in reading order, and font styles. */
final class PdfText {

    private PdfText() {
    }

    /** A stripper made for one document (PDFBox's constructors may throw). */
    interface StripperFactory<S extends PDFTextStripper> {
        S create() throws IOException;
    }

    /**
     * Runs a new stripper over the PDF's text, sorted by position, and returns it with what it collected.
     *
     * @throws SourceFormatException when the bytes are not a readable PDF
     */
    static <S extends PDFTextStripper> S strip(String fileName, InputStream in, StripperFactory<S> factory) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileName, e);
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            S stripper = factory.create();
            stripper.setSortByPosition(true);
            stripper.writeText(document, Writer.nullWriter());
            return stripper;
        } catch (IOException e) {
            throw new SourceFormatException(fileName, 0, "not a readable PDF: " + e.getMessage(), e);
        }
    }

    static boolean bold(PDFont font) {
        if (font == null) {
            return false;
        }
        if (font.getName() != null && font.getName().toLowerCase(Locale.ROOT).contains("bold")) {
            return true;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 700);
    }

    static boolean italic(PDFont font) {
        if (font == null) {
            return false;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        if (name.contains("italic") || name.contains("oblique")) {
            return true;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        return descriptor != null && descriptor.isItalic();
    }
}
