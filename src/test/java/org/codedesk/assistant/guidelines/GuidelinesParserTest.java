package org.codedesk.assistant.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Sections of the Official Guidelines by their heading markers, on the fixture and, when present, the CDC's PDF. */
class GuidelinesParserTest {

    @Test
    void headingsNestAndTheTableOfContentsAndFootersAreDropped() throws IOException {
        List<GuidelineSection> sections = GuidelinesTextParser.parse(Files.readString(Path.of("src/test/resources/fixtures/guidelines/icd10cm-guidelines-2016.txt")));
        assertThat(sections).extracting(GuidelineSection::id).containsExactly("I", "I.A", "I.A.1", "I.A.2", "I.B", "I.B.1", "I.B.2", "I.C", "I.C.1",
                "I.C.1.a", "I.C.1.a.1", "I.C.1.a.2", "I.C.19", "I.C.19.a", "II", "II.A");
        assertThat(sections.get(11).title()).isEqualTo("Severe sepsis");
        assertThat(sections.get(11).text()).startsWith("Severe sepsis needs").doesNotContain("Page 2");
        assertThat(GuidelinesImporter.version("ICD-10-CM-October-2025-Guidelines.pdf")).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo("FY2026");
            assertThat(v.effectiveFrom()).hasToString("2025-10-01");
        });
        assertThat(GuidelinesImporter.version("README.pdf")).isEmpty();
    }

    @Test
    void theCdcPdfOfFy2026() throws IOException {
        Path pdf = org.codedesk.OfficialData.file("icd10cm/2026/ICD-10-CM-October-2025-Guidelines.pdf");
        String text;
        try (var document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        List<GuidelineSection> sections = GuidelinesTextParser.parse(text);
        assertThat(sections).hasSizeGreaterThan(400);
        assertThat(sections).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("I.C.1.d.1.a");
            assertThat(s.title()).isEqualTo("Sepsis");
            assertThat(s.text()).contains("underlying systemic infection");
        });
        assertThat(sections).extracting(GuidelineSection::id).contains("II", "III", "IV");
    }
}
