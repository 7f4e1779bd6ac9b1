package org.codedesk.coverage.importing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.ImportFile;
import org.codedesk.coverage.CoverageSource;

/**
 * Tells coverage files by their published names: the NCD lab spreadsheet ({@code 2026100-...ICD10-NCD-Spreadsheet...xlsx}:
 * year, quarter), the MCE definitions ({@code Definitions of Medicare Code Edits_v_43_1.txt}) and the Medicare
 * Coverage Database CSV tables ({@code article.csv}, {@code article_x_hcpc_code.csv}, {@code lcd.csv}...).
 */
final class CoverageFileRecognizer {

    private static final Pattern NCD = Pattern.compile("(\\d{4})(\\d)\\d{2}-.*ncd-spreadsheet.*\\.xlsx");
    private static final Pattern MCE = Pattern.compile("definitions of medicare code edits.*?v_?(\\d+)[._](\\d+).*\\.txt");
    static final Set<String> MCD_TABLES = Set.of("article.csv", "article_x_hcpc_code.csv", "article_x_icd10_covered.csv",
            "article_x_icd10_covered_group.csv", "article_x_icd10_noncovered.csv", "lcd.csv", "lcd_related_documents.csv");

    /** A recognised file and the release it belongs to. */
    record CoverageFile(CoverageSource source, String version, LocalDate effectiveFrom, ImportFile file) {

        String label() {
            return source.title() + " " + version;
        }
    }

    Optional<CoverageFile> recognize(ImportFile file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = NCD.matcher(name)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            if (quarter >= 1 && quarter <= 4) {
                return Optional.of(new CoverageFile(CoverageSource.NCD_LAB, year + "-Q" + quarter, LocalDate.of(year, quarter * 3 - 2, 1), file));
            }
        }
        if ((m = MCE.matcher(name)).matches()) {
            // the effective month is read from the file's own header; the name gives the version
            return Optional.of(new CoverageFile(CoverageSource.MCE, "v" + m.group(1) + "." + m.group(2), null, file));
        }
        if (MCD_TABLES.contains(name)) {
            return Optional.of(new CoverageFile(CoverageSource.MCD, "current", null, file));
        }
        return Optional.empty();
    }
}
