package org.codedesk.coverage.source;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the CSV tables of the Medicare Coverage Database download ("current articles" and "current LCDs"):
 * {@code article.csv} (article_id, article_version, title, article_eff_date, article_end_date),
 * {@code article_x_hcpc_code.csv} (article_id, article_version, hcpc_code_id), {@code article_x_icd10_covered.csv}
 * (article_id, article_version, icd10_code_id, icd10_covered_group), {@code article_x_icd10_covered_group.csv}
 * (article_id, article_version, icd10_covered_group, paragraph), {@code article_x_icd10_noncovered.csv}
 * (article_id, article_version, icd10_code_id, icd10_noncovered_group) and {@code lcd.csv} (lcd_id, lcd_version,
 * title, orig_det_eff_date or rev_eff_date, rev_end_date) with {@code lcd_related_documents.csv} (lcd_id, lcd_version,
 * r_article_id: the LCD an article belongs to). Only each document's highest version is kept. Article ids
 * are shown with an A (A52458), LCDs with an L. Covered codes support medical necessity (resolution 1); non-covered
 * ones do not (3). Non-covered groups are numbered from 1001 so they never share a covered group's paragraph.
 */
public final class McdDownloadParser {

    public static final int NONCOVERED_GROUP_OFFSET = 1000;
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");

    private final CoverageSet set = CoverageSet.empty();
    private final Map<String, Integer> versions = new HashMap<>();

    /** Keeps the highest version of each article seen in article.csv; rows of other versions are skipped. */
    public void articles(CsvTable table) {
        for (int i = 0; i < table.size(); i++) {
            String id = "A" + table.get(i, "article_id");
            int version = number(table, i, "article_version");
            if (version >= versions.getOrDefault(id, -1)) {
                versions.put(id, version);
                set.documents().removeIf(d -> d.id().equals(id));
                set.documents().add(new CoverageSet.Document(id, "ARTICLE", table.get(i, "title"), date(table.get(i, "article_eff_date")),
                        date(table.get(i, "article_end_date")), null, null));
            }
        }
    }

    public void lcds(CsvTable table) {
        for (int i = 0; i < table.size(); i++) {
            String id = "L" + table.get(i, "lcd_id");
            int version = number(table, i, "lcd_version");
            if (version >= versions.getOrDefault(id, -1)) {
                versions.put(id, version);
                set.documents().removeIf(d -> d.id().equals(id));
                String from = table.get(i, "rev_eff_date").isEmpty() ? table.get(i, "orig_det_eff_date") : table.get(i, "rev_eff_date");
                set.documents().add(new CoverageSet.Document(id, "LCD", table.get(i, "title"), date(from), date(table.get(i, "rev_end_date")), null, null));
            }
        }
    }

    /** lcd_related_documents.csv (lcd_id, lcd_version, r_article_id): the LCD each article belongs to, once lcd.csv is read. */
    public void relations(CsvTable table) {
        for (int i = 0; i < table.size(); i++) {
            String lcd = "L" + table.get(i, "lcd_id");
            String article = table.get(i, "r_article_id").isEmpty() ? null : "A" + table.get(i, "r_article_id");
            Integer kept = versions.get(lcd);
            if (article == null || kept != null && kept != number(table, i, "lcd_version")) {
                continue;
            }
            String citation = set.documents().stream().filter(d -> d.id().equals(lcd)).findFirst().map(d -> "LCD " + lcd + " " + d.title())
                    .orElse("LCD " + lcd);
            set.documents().replaceAll(d -> d.id().equals(article) ? d.withRelated(citation) : d);
        }
    }

    public void procedures(CsvTable table) {
        for (int i = 0; i < table.size(); i++) {
            if (current(table, i)) {
                set.procedures().add(new CoverageSet.Procedure("A" + table.get(i, "article_id"), CoverageSet.key(table.get(i, "hcpc_code_id")), null, null));
            }
        }
    }

    public void covered(CsvTable table) {
        diagnoses(table, "icd10_covered_group", CoverageSet.COVERED, 0);
    }

    public void noncovered(CsvTable table) {
        diagnoses(table, "icd10_noncovered_group", CoverageSet.NOT_REASONABLE_AND_NECESSARY, NONCOVERED_GROUP_OFFSET);
    }

    public void groups(CsvTable table) {
        for (int i = 0; i < table.size(); i++) {
            if (current(table, i)) {
                set.groups().add(new CoverageSet.Group("A" + table.get(i, "article_id"), number(table, i, "icd10_covered_group"),
                        table.get(i, "paragraph")));
            }
        }
    }

    public CoverageSet result() {
        return set;
    }

    private void diagnoses(CsvTable table, String groupColumn, int resolution, int offset) {
        for (int i = 0; i < table.size(); i++) {
            if (!current(table, i)) {
                continue;
            }
            String code = CoverageSet.key(table.get(i, "icd10_code_id"));
            if (!code.matches("[A-Z][0-9][0-9A-Z]{1,5}")) {
                throw new CoverageFileException(table.origin(), i + 2, "\"" + table.get(i, "icd10_code_id") + "\" is not an ICD-10-CM code");
            }
            int group = table.get(i, groupColumn).isEmpty() ? 0 : number(table, i, groupColumn);
            set.diagnoses().add(new CoverageSet.Diagnosis("A" + table.get(i, "article_id"), code, resolution, offset + group, null, null));
        }
    }

    /** Whether the row belongs to the version of its article kept from article.csv (all rows when article.csv was not read). */
    private boolean current(CsvTable table, int i) {
        Integer kept = versions.get("A" + table.get(i, "article_id"));
        return kept == null || kept == number(table, i, "article_version");
    }

    private static int number(CsvTable table, int i, String column) {
        String text = table.get(i, column);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new CoverageFileException(table.origin(), i + 2, column + " \"" + text + "\" is not a number");
        }
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return LocalDate.parse(t.substring(0, 10));
        }
        if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}.*")) {
            return LocalDate.parse(t.split(" ")[0], US);
        }
        return null;
    }
}
