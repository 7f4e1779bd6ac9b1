package org.codedesk.catalog.source.hcpcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/**
 * Parses the real CMS files when {@code CODEDESK_DATA_DIR} points at the shared data directory (the one holding
 * {@code hcpcs/2020} and {@code hcpcs/2025}); skipped otherwise. Figures come from reading the files themselves.
 */
class HcpcsRealDataTest {

    private static Path file(String relative) {
        return org.codedesk.OfficialData.file("hcpcs/" + relative);
    }

    @Test
    void parses2020TextFile() throws IOException {
        Path file = file("2020/extracted/HCPC2020_ANWEB_w_disclaimer.txt");

        List<HcpcsEntry> entries;
        try (InputStream in = Files.newInputStream(file)) {
            entries = new AnwebTextParser().parse(file.getFileName().toString(), in);
        }

        // 6710 procedure first lines (id 3) and 369 modifier first lines (id 7) in the file.
        assertThat(entries.stream().filter(e -> !e.modifier()).count()).isEqualTo(6710);
        assertThat(entries.stream().filter(HcpcsEntry::modifier).count()).isEqualTo(369);
        assertCommon(entries);
        // Every coded value of 2020 is defined by the 2019 record layout.
        assertThat(undefinedCodes(entries)).isEmpty();
    }

    @Test
    void text2020MatchesItsSpreadsheetCopy() throws IOException {
        Path zip = file("2020/2020-Alpha-Numeric-HCPCS-File.zip");
        Path text = file("2020/extracted/HCPC2020_ANWEB_w_disclaimer.txt");

        List<HcpcsEntry> fromText;
        try (InputStream in = Files.newInputStream(text)) {
            fromText = new AnwebTextParser().parse(text.getFileName().toString(), in);
        }
        List<HcpcsEntry> fromXls = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().endsWith("ANWEB_w_disclaimer.xls")) {
                    fromXls = new AnwebSpreadsheetParser().parse(e.getName(), in);
                }
            }
        }

        assertThat(fromXls).isNotNull().hasSameSizeAs(fromText);
        // Same codes and detail fields; descriptions compared separately as the sheet holds them unsplit.
        for (int i = 0; i < fromText.size(); i++) {
            HcpcsEntry t = fromText.get(i);
            HcpcsEntry x = fromXls.get(i);
            assertThat(x.code()).isEqualTo(t.code());
            assertThat(x.fields()).as(t.code()).isEqualTo(t.fields());
            assertThat(x.shortDescription()).as(t.code()).isEqualTo(t.shortDescription());
        }
    }

    @Test
    void parses2025Spreadsheet() throws IOException {
        Path file = file("2025/HCPC2025_OCT_ANWEB.xlsx");

        List<HcpcsEntry> entries;
        try (InputStream in = Files.newInputStream(file)) {
            entries = new AnwebSpreadsheetParser().parse(file.getFileName().toString(), in);
        }

        // 8463 procedure rows (RECID 3) and 383 modifier rows (RECID 7); the sheet has no continuation rows.
        assertThat(entries.stream().filter(e -> !e.modifier()).count()).isEqualTo(8463);
        assertThat(entries.stream().filter(HcpcsEntry::modifier).count()).isEqualTo(383);
        assertCommon(entries);
        // Two values postdate the 2019 layout, so HcpcsFieldMeanings leaves them without a meaning.
        assertThat(undefinedCodes(entries)).as("values newer than the 2019 layout")
                .containsExactly("betos=O1L", "pricingIndicator=40");
        // A termination date stored as a numeric cell in that sheet.
        assertThat(byCode(entries, false).get("C9088").terminationDate()).isNotNull();
    }

    private static void assertCommon(List<HcpcsEntry> entries) {
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.longDescription()).isNotBlank();
            assertThat(e.addDate()).isNotNull();
            assertThat(e.actionCode()).isNotBlank();
        });
        assertThat(byCode(entries, false)).containsKey("J1100");
        assertThat(byCode(entries, true)).containsKeys("LT", "RT");
    }

    /** Coded values (base key=value) found in the data that the 2019 record layout does not define. */
    private static Set<String> undefinedCodes(List<HcpcsEntry> entries) {
        Set<String> undefined = new TreeSet<>();
        for (HcpcsEntry e : entries) {
            e.fields().forEach((key, value) -> {
                boolean coded = HcpcsFieldMeanings.codedBaseKeys().contains(key.replaceAll("\\d+$", ""));
                if (coded && HcpcsFieldMeanings.meaning(key, value).isEmpty()) {
                    undefined.add(key.replaceAll("\\d+$", "") + "=" + value);
                }
            });
        }
        return undefined;
    }

    private static Map<String, HcpcsEntry> byCode(List<HcpcsEntry> entries, boolean modifiers) {
        return entries.stream().filter(e -> e.modifier() == modifiers)
                .collect(Collectors.toMap(HcpcsEntry::code, Function.identity()));
    }
}
