package org.codedesk.catalog.source.icd10cm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Writes a PDF the way the CDC lays out its addenda: the action at x=36 in 8 pt italic, content at its indentation. */
public final class AddendaPdf {
    public static final int REGULAR = 0;
    public static final int BOLD = 1;
    public static final int CHAPTER = 2;
    private static final PDType1Font ITALIC = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private static final PDType1Font PLAIN = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font HEAVY = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document = new PDDocument();
    private PDPageContentStream stream;
    private float y;

    public AddendaPdf() throws IOException {
        newPage();
    }

    public AddendaPdf newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = 740;
        return this;
    }

    public AddendaPdf title(String text) throws IOException {
        show(HEAVY, 18, 71, text);
        y -= 28;
        return this;
    }

    public AddendaPdf line(String action, float x, int style, String text) throws IOException {
        show(ITALIC, 8, 36, action);
        return continuation(x, style, text);
    }

    public AddendaPdf continuation(float x, int style, String text) throws IOException {
        show(style == REGULAR ? PLAIN : HEAVY, style == CHAPTER ? 14 : 10, x, text);
        y -= 14;
        return this;
    }

    /**
     * A line of the drug or neoplasm table addenda: pairs of x and text, 8 pt; a text ending with ':' ("Add:", "Revise
     * from:") is the italic action label, the others regular.
     */
    public AddendaPdf tableLine(Object... xAndText) throws IOException {
        for (int i = 0; i < xAndText.length; i += 2) {
            String text = (String) xAndText[i + 1];
            show(text.endsWith(":") ? ITALIC : PLAIN, 8, ((Number) xAndText[i]).floatValue(), text);
        }
        y -= 10;
        return this;
    }

    private void show(PDType1Font font, float size, float x, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    public byte[] bytes() throws IOException {
        stream.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        document.close();
        return out.toByteArray();
    }
}
