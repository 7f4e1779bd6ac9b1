package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.codedesk.catalog.source.OrderFileParser;
import org.codedesk.catalog.source.SourceFormatException;
import org.codedesk.catalog.source.cpt.CptDescriptorParser;
import org.codedesk.catalog.source.hcpcs.AnwebTextParser;
import org.codedesk.catalog.source.icd10cm.CodesFileParser;
import org.codedesk.catalog.source.icd10cm.OrderAddendaParser;
import org.codedesk.catalog.source.pcs.PcsOrderAddendaParser;
import org.codedesk.coverage.source.CoverageFileException;
import org.codedesk.coverage.source.CsvTable;
import org.codedesk.coverage.source.MceDefinitionsParser;
import org.codedesk.edits.source.EditsFileException;
import org.codedesk.edits.source.GemFileParser;
import org.codedesk.edits.source.GpciFileParser;
import org.codedesk.edits.source.MueFileParser;
import org.codedesk.edits.source.PlaceOfServiceParser;
import org.codedesk.edits.source.PtpFileParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file without line breaks (the probe's 1 GB one-line file, here 6 MB: past every bound, small enough for a test) is
 * refused by every reader of line-oriented official files as soon as the line passes the format's bound, with the file
 * and line 1, instead of being read into one string.
 */
class OneLineFilesTest {

    private static final String TOO_LONG = "line longer than 65,536 characters";

    @TempDir
    static Path folder;
    static Path file;

    @BeforeAll
    static void writeOneLineFile() throws IOException {
        file = folder.resolve("one-line.txt");
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 'A');
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 6; i++) {
                out.write(block);
            }
        }
    }

    private interface Parse {
        void run(InputStream in) throws IOException;
    }

    private static Throwable parsing(Parse parse) {
        try (InputStream in = Files.newInputStream(file)) {
            parse.run(in);
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void theCatalogsTextReadersRefuseTheLineAndNameFileAndLine() {
        Parse[] parsers = {
            in -> new OrderFileParser().parse("icd10cm_order_2031.txt", in),
            in -> new CodesFileParser().parse("icd10cm_codes_2031.txt", in),
            in -> new OrderAddendaParser().parse("icd10cm_order_addenda_2031.txt", in),
            in -> new PcsOrderAddendaParser().parse("icd10pcs_order_addenda_2031.txt", in),
            in -> new AnwebTextParser().parse("HCPC2031_ANWEB.txt", in),
            in -> new CptDescriptorParser().parse("cpt-descriptors-2031.tsv", in),
        };
        for (Parse parser : parsers) {
            Throwable failure = parsing(parser);
            org.assertj.core.api.Assertions.assertThat(failure).isInstanceOf(SourceFormatException.class).hasMessageContaining(":1: " + TOO_LONG);
            org.assertj.core.api.Assertions.assertThat(((SourceFormatException) failure).line()).isEqualTo(1);
        }
    }

    @Test
    void theEditsReadersRefuseTheLineOrRecord() {
        Parse[] parsers = {
            in -> PtpFileParser.parse(in, "ccipra-v321r0-f1.txt", row -> { }),
            in -> GemFileParser.parse(in, "2031_I10gem.txt", row -> { }),
            in -> MueFileParser.parseCsv(in, "MCR_MUE_PractitionerServices_Eff_04-01-2031.csv"),
            in -> GpciFileParser.parseCsv(in, "GPCI2031.csv"),
            in -> PlaceOfServiceParser.parse(in, "pos.csv"),
        };
        for (Parse parser : parsers) {
            org.assertj.core.api.Assertions.assertThat(parsing(parser)).isInstanceOf(EditsFileException.class)
                    .hasMessageMatching(".*(:1: " + TOO_LONG + "|longer than 1,048,576 characters: not the Place of Service code set).*");
        }
    }

    @Test
    void theCoverageReadersRefuseTheLineOrRecord() {
        assertThatThrownBy(() -> { try (InputStream in = Files.newInputStream(file)) { MceDefinitionsParser.parse(in, "mce.txt"); } })
                .isInstanceOf(CoverageFileException.class).hasMessageContaining("mce.txt line 1: " + TOO_LONG);
        assertThatThrownBy(() -> { try (InputStream in = Files.newInputStream(file)) { CsvTable.read(in, "article.csv", "article_id"); } })
                .isInstanceOf(CoverageFileException.class).hasMessageContaining("article.csv line 1: record longer than 4,194,304 characters");
    }
}
