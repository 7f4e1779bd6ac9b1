package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Imports everything in {@code CODEDESK_DATA_DIR} (the official files) and checks counts and known codes.
 * Skipped, and reported as skipped, when the variable is unset.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullDataImportTest {

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    private ImportReport report;

    @BeforeAll
    void importAll() {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null && !dir.isBlank(), "CODEDESK_DATA_DIR is not set: full-data import test skipped");
        report = importer.importPaths(List.of(Path.of(dir)));
    }

    @Test
    void everyReleaseImports() {
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        Map<String, List<String>> versions = catalog.releases().stream()
                .collect(Collectors.groupingBy(r -> r.system().slug(), Collectors.mapping(Release::version, Collectors.toList())));
        assertThat(versions.get("icd10cm")).contains("FY2017", "FY2018", "FY2019", "FY2020", "FY2021", "FY2022", "FY2023",
                "FY2024", "FY2025", "FY2026", "FY2026-04");
        assertThat(versions.get("icd10pcs")).contains("FY2023", "FY2025", "FY2026");
        assertThat(versions.get("hcpcs")).contains("2020-01", "2025-10", "2026-01");
    }

    @Test
    void countsMatchTheOfficialFiles() {
        assertThat(codes(CodeSystem.ICD10CM, "FY2026")).isEqualTo(98186);            // lines of icd10cm_order_2026.txt
        assertThat(billable(CodeSystem.ICD10CM, "FY2026")).isEqualTo(74719);         // lines of icd10cm_codes_2026.txt
        assertThat(codes(CodeSystem.ICD10CM, "FY2017")).isEqualTo(93830);
        assertThat(billable(CodeSystem.ICD10PCS, "FY2026")).isEqualTo(79115);        // = expansion of the 2026 tables
        assertThat(codes(CodeSystem.HCPCS, "2025-10")).isEqualTo(8846);
    }

    @Test
    void knownCodesAreRightOnTheirDates() {
        LocalDate fy2026 = LocalDate.of(2026, 6, 1);
        CodePage ami = catalog.page(CodeSystem.ICD10CM, "I21.4", fy2026).orElseThrow();
        assertThat(ami.longDescription()).isEqualTo("Non-ST elevation (NSTEMI) myocardial infarction");
        assertThat(ami.release().version()).isEqualTo("FY2026");
        assertThat(ami.notesRelease().version()).isEqualTo("FY2026"); // rebuilt from FY2017 and the addenda
        assertThat(ami.breadcrumb()).extracting(CodePage.Crumb::code).contains("Chapter 9", "I20-I25", "I21");
        assertThat(catalog.page(CodeSystem.ICD10CM, "I21", fy2026).orElseThrow().billable()).isFalse();
        assertThat(catalog.page(CodeSystem.ICD10CM, "S72.001A", fy2026).orElseThrow().seventhCharacters())
                .extracting(CodePage.SeventhCharacter::character).contains("A", "D", "S");
        assertThat(catalog.page(CodeSystem.ICD10PCS, "0016070", fy2026).orElseThrow().pcsCharacters())
                .extracting(CodePage.PcsCharacter::meaning)
                .containsExactly("Medical and Surgical", "Central Nervous System and Cranial Nerves", "Bypass", "Cerebral Ventricle",
                        "Open", "Autologous Tissue Substitute", "Nasopharynx");
        CodePage j1100 = catalog.page(CodeSystem.HCPCS, "J1100", fy2026).orElseThrow();
        assertThat(j1100.release().version()).isEqualTo("2026-01");
        assertThat(j1100.attributes()).isNotEmpty();
        // A code added after FY2017: it has a history entry from the conversion tables or addenda
        assertThat(catalog.page(CodeSystem.ICD10CM, "B88.01", fy2026).orElseThrow().history())
                .extracting(CodePage.HistoryEvent::event).contains("NEW");
        assertThat(catalog.page(CodeSystem.ICD10CM, "I21.4", LocalDate.of(2017, 1, 1)).orElseThrow().release().version()).isEqualTo("FY2017");
    }

    @Test
    void eachDateOfServiceGetsTheCodeSetInForceIncludingMidYearUpdates() {
        // April 2020 (COVID-19), in no FY2020 file: made from FY2021's file and dated by the conversion table
        assertThat(validity("U07.1", "2020-03-31")).isEqualTo(CodeStatus.Validity.NOT_IN_RELEASE);
        assertThat(validity("U07.1", "2020-06-01")).isEqualTo(CodeStatus.Validity.VALID);
        assertThat(validity("U07.1", "2021-06-01")).isEqualTo(CodeStatus.Validity.VALID);
        // January 2021, in FY2021's re-issued file: not before January 1
        assertThat(validity("J12.82", "2020-12-01")).isEqualTo(CodeStatus.Validity.NOT_IN_RELEASE);
        assertThat(validity("J12.82", "2021-02-01")).isEqualTo(CodeStatus.Validity.VALID);
        assertThat(validity("M35.8", "2020-12-01")).isEqualTo(CodeStatus.Validity.VALID);
        assertThat(validity("M35.8", "2021-02-01")).isEqualTo(CodeStatus.Validity.NOT_BILLABLE);
        // April 2022 and April 2023, in re-issued files whose addenda list exactly the update
        assertThat(validity("Z28.3", "2022-03-01")).isEqualTo(CodeStatus.Validity.VALID);
        assertThat(validity("Z28.310", "2022-03-01")).isEqualTo(CodeStatus.Validity.NOT_IN_RELEASE);
        assertThat(validity("Z28.310", "2022-04-01")).isEqualTo(CodeStatus.Validity.VALID);
        assertThat(validity("T74.A1XA", "2023-03-31")).isEqualTo(CodeStatus.Validity.NOT_IN_RELEASE);
        assertThat(validity("T74.A1XA", "2023-04-01")).isEqualTo(CodeStatus.Validity.VALID);
        assertThat(validity("Y07.01", "2023-03-31")).isEqualTo(CodeStatus.Validity.VALID);
        assertThat(validity("Y07.01", "2023-04-01")).isEqualTo(CodeStatus.Validity.NOT_BILLABLE);
        // every fiscal year's own file
        assertThat(validity("Z79.622", "2025-06-01")).isEqualTo(CodeStatus.Validity.VALID);
        assertThat(validity("A04.7", "2025-06-01")).isEqualTo(CodeStatus.Validity.NOT_BILLABLE);
        assertThat(validity("Z59.86", "2025-06-01")).isEqualTo(CodeStatus.Validity.VALID);
        assertThat(validity("Z59.86", "2026-06-01")).isEqualTo(CodeStatus.Validity.NOT_BILLABLE);
        assertThat(catalog.releaseInForce(CodeSystem.ICD10CM, LocalDate.of(2023, 5, 1)).orElseThrow().version()).isEqualTo("FY2023-04");
        assertThat(catalog.releaseInForce(CodeSystem.ICD10PCS, LocalDate.of(2022, 2, 1)).orElseThrow().version()).isEqualTo("FY2022-01");
        assertThat(catalog.page(CodeSystem.ICD10PCS, "0DTJ4ZG", LocalDate.of(2024, 3, 1))).isEmpty();
        assertThat(catalog.page(CodeSystem.ICD10PCS, "0DTJ4ZG", LocalDate.of(2024, 4, 1))).isPresent();
    }

    @Test
    void historyComesFromConsecutiveCodeSetsWithTheReleaseThatMadeEachChange() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertThat(history("J44.81", today)).filteredOn(e -> e.event().equals("NEW"))
                .singleElement().satisfies(e -> assertThat(e.release()).isEqualTo("ICD-10-CM FY2024"));
        assertThat(history("T74.A1XA", today)).filteredOn(e -> e.event().equals("NEW"))
                .singleElement().satisfies(e -> assertThat(e.release()).isEqualTo("ICD-10-CM FY2023 (April 2023 update)"));
        assertThat(history("A04.7", today)).filteredOn(e -> e.event().equals("HEADER"))
                .singleElement().satisfies(e -> assertThat(e.release()).isEqualTo("ICD-10-CM FY2018"));
        // E11.A was made from E11.9 in FY2026, and E11.9 stays a valid code
        assertThat(history("E11.9", today)).extracting(CodePage.HistoryEvent::event).doesNotContain("REPLACED_BY", "DELETED", "HEADER")
                .contains("PART_MOVED");
        assertThat(history("E11.9", today)).filteredOn(e -> e.event().equals("PART_MOVED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("E11.A").contains("still a valid code"));
        assertThat(history("Z59.86", today)).filteredOn(e -> e.event().equals("SUBDIVIDED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("Z59.861"));
        String key = CodeSystem.ICD10CM.key("Z59.86");
        assertThat(catalog.status(CodeSystem.ICD10CM, List.of(key), today).get(key).detail()).contains("Z59.861", "Z59.868", "Z59.869");
        String deleted = CodeSystem.ICD10CM.key("H81.41");
        assertThat(catalog.status(CodeSystem.ICD10CM, List.of(deleted), today).get(deleted).detail())
                .contains("last in ICD-10-CM FY2019").contains("H81.4");
    }

    @Test
    void notesAreTheTabularOfTheYearRebuiltFromTheAddenda() {
        LocalDate fy2026 = LocalDate.of(2026, 6, 1);
        // FY2018 moved "Myocardial infarction (acute) NOS" from I21.3 to the new I21.9
        assertThat(texts("I21.9", fy2026)).contains("Myocardial infarction (acute) NOS");
        assertThat(texts("I21.3", fy2026)).doesNotContain("Myocardial infarction (acute) NOS");
        assertThat(catalog.page(CodeSystem.ICD10CM, "I21.9", fy2026).orElseThrow().notes())
                .filteredOn(n -> n.text().equals("Myocardial infarction (acute) NOS")).singleElement()
                .satisfies(n -> assertThat(n.since()).isEqualTo("FY2018 addenda"));
        // FY2026 made D12.6's inflammatory polyp note an Excludes2
        assertThat(notes("D12.6", fy2026)).filteredOn(n -> n.text().contains("inflammatory polyp of colon (K51.4-)"))
                .extracting(CodePage.Note::kind).containsExactly("EXCLUDES2");
        assertThat(notes("D12.6", LocalDate.of(2025, 6, 1))).filteredOn(n -> n.text().contains("inflammatory polyp of colon (K51.4-)"))
                .extracting(CodePage.Note::kind).containsExactly("EXCLUDES1");
        // a multi-line note keeps its lead-in and its items together
        assertThat(notes("T36.0X1A", fy2026)).filteredOn(n -> n.kind().equals("CODE_FIRST")
                && n.text().contains("the nature of the adverse effect, such as:")).singleElement()
                .satisfies(n -> assertThat(n.items()).contains("aspirin gastritis (K29.-)"));
        assertThat(notes("T36.0X1A", fy2026)).noneMatch(n -> n.kind().equals("CODE_FIRST") && n.text().startsWith("aspirin gastritis"));
        // chapter 22 and U07.1 from the FY2021 addenda
        assertThat(catalog.page(CodeSystem.ICD10CM, "U07.1", LocalDate.of(2021, 6, 1)).orElseThrow().breadcrumb())
                .extracting(CodePage.Crumb::code).contains("Chapter 22");
    }

    /**
     * Chapter 22 is not in the FY2017 tabular XML (the only full one): it comes with the FY2021 addenda, so browse and
     * U07.1's page show it from FY2021 on, in the tabular rebuilt for each year (TabularChain), with U07.1's notes.
     */
    @Test
    void chapter22IsBrowsedAndU071ShowsItsChapterAndNotesFromFy2021On() throws Exception {
        for (String date : List.of("2021-06-01", "2026-06-01")) {
            String chapters = html("/browse/icd10cm?date=" + date);
            assertThat(chapters).as(date).contains("href=\"/browse/icd10cm/chapter/22\"").contains("Codes for special purposes (U00-U85)");
            assertThat(html("/browse/icd10cm/chapter/22?date=" + date)).as(date)
                    .contains("Provisional assignment of new diseases of uncertain etiology or emergency use (U00-U49)");
            String u071 = html("/codes/icd10cm/U07.1?date=" + date);
            assertThat(u071).as(date).contains("Chapter 22").contains("U00-U49")
                    .contains("pneumonia due to SARS-associated coronavirus (J12.81)")
                    .contains("code to identify pneumonia or other manifestations");
        }
    }

    private String html(String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("full-data@example.org")
                                .roles("MEMBER")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private List<CodePage.Note> notes(String code, LocalDate date) {
        return catalog.page(CodeSystem.ICD10CM, code, date).orElseThrow().notes();
    }

    private List<String> texts(String code, LocalDate date) {
        return notes(code, date).stream().map(CodePage.Note::text).toList();
    }

    private List<CodePage.HistoryEvent> history(String code, LocalDate date) {
        return catalog.page(CodeSystem.ICD10CM, code, date).orElseThrow().history();
    }

    private CodeStatus.Validity validity(String code, String date) {
        String key = CodeSystem.ICD10CM.key(code);
        return catalog.status(CodeSystem.ICD10CM, List.of(key), LocalDate.parse(date)).get(key).validity();
    }

    @Test
    void conversionTablesGiveEachChangeOnce() {
        // E08.3211 (laterality added in FY2017) is repeated by every later conversion table; history lists it once.
        assertThat(catalog.page(CodeSystem.ICD10CM, "E08.3211", LocalDate.of(2026, 6, 1)).orElseThrow().history())
                .filteredOn(e -> e.event().equals("CONVERTED_FROM")).hasSize(1);
    }

    @Test
    void aDeletedCodeNamesItsReplacementFromARangeInTheConversionTable() {
        // FY2026 conversion table: H81.4 from "H81.41-H81.43; H81.49"; the order files list H81.41 up to FY2019
        assertThat(catalog.page(CodeSystem.ICD10CM, "H81.41", LocalDate.of(2026, 6, 1))).isEmpty();
        Catalog.FormerCode former = catalog.former(CodeSystem.ICD10CM, "H81.41").orElseThrow();
        assertThat(former.lastRelease()).isEqualTo("ICD-10-CM FY2019");
        assertThat(former.replacedBy()).contains("H81.4");
    }

    @Test
    void indexEntriesLeadToTheirCodes() {
        Long aspiration = jdbc.queryForObject("select count(*) from catalog_index_term t join catalog_release r on r.id = t.release_id"
                + " where r.version = 'FY2017' and r.code_system = 'icd10cm' and t.path = 'Pneumonia > aspiration' and t.code = 'J690'", Long.class);
        assertThat(aspiration).isEqualTo(1);
    }

    private int codes(CodeSystem system, String version) {
        return jdbc.queryForObject("select count(*) from catalog_code c join catalog_release r on r.id = c.release_id"
                + " where r.code_system = ? and r.version = ?", Integer.class, system.slug(), version);
    }

    private int billable(CodeSystem system, String version) {
        return jdbc.queryForObject("select count(*) from catalog_code c join catalog_release r on r.id = c.release_id"
                + " where r.code_system = ? and r.version = ? and c.billable = true", Integer.class, system.slug(), version);
    }
}
