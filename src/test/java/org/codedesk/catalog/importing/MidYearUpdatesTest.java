package org.codedesk.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.RecognizedFile.ReleaseKey;
import org.codedesk.catalog.importing.ReleaseContent.CodeRow;
import org.codedesk.catalog.source.icd10cm.AddendaEntry;
import org.junit.jupiter.api.Test;

/** The October set and the mid-year update(s) of a re-issued fiscal year, on small code sets written here. */
class MidYearUpdatesTest {

    private static final ReleaseKey FY2021 = new ReleaseKey(CodeSystem.ICD10CM, "FY2021", LocalDate.of(2020, 10, 1));
    private static final ReleaseKey FY2023 = new ReleaseKey(CodeSystem.ICD10CM, "FY2023", LocalDate.of(2022, 10, 1));
    private static final ReleaseKey PCS2024 = new ReleaseKey(CodeSystem.ICD10PCS, "FY2024", LocalDate.of(2023, 10, 1));

    /** Codes in order; "*" marks a header. Parents are linked as the importer links them. */
    private static List<CodeRow> codes(String... specs) {
        List<CodeRow> rows = new ArrayList<>();
        int order = 0;
        for (String spec : specs) {
            boolean header = spec.endsWith("*");
            String code = header ? spec.substring(0, spec.length() - 1) : spec;
            rows.add(new CodeRow(code, code, "code", !header, code + " short", code + " title", null, null, ++order, false));
        }
        ReleaseRows.linkParents(rows, Map.of());
        return rows;
    }

    private static Map<String, Boolean> billable(List<CodeRow> rows) {
        Map<String, Boolean> result = new java.util.LinkedHashMap<>();
        rows.forEach(r -> result.put(r.code(), r.billable()));
        return result;
    }

    private static Map<String, CodeRow> byKey(List<CodeRow> rows) {
        Map<String, CodeRow> result = new HashMap<>();
        rows.forEach(r -> result.put(r.code(), r));
        return result;
    }

    @Test
    void codesTheConversionTableDatesInJanuaryAreTakenOutOfTheOctoberSetAndTheirParentIsBillableAgain() {
        // FY2021's file (December 2020) already holds M35.81 and M35.89 of January 1, 2021; M35.8 was billable before
        List<CodeRow> published = codes("M35*", "M358*", "M3581", "M3589", "U07*", "U071");
        List<CodeRow> fy2020 = codes("M35*", "M358");
        MidYearUpdates updates = new MidYearUpdates(Map.of("M3581", LocalDate.of(2021, 1, 1), "M3589", LocalDate.of(2021, 1, 1),
                "U071", LocalDate.of(2020, 4, 1)), Map.of());

        MidYearUpdates.Split split = updates.split(FY2021, published, List.of(), false, byKey(fy2020));

        assertThat(billable(split.octoberCodes())).containsExactly(Map.entry("M35", false), Map.entry("M358", true),
                Map.entry("U07", false), Map.entry("U071", true));
        assertThat(split.updates()).singleElement().satisfies(update -> {
            assertThat(update.key().version()).isEqualTo("FY2021-01");
            assertThat(update.key().effectiveFrom()).isEqualTo(LocalDate.of(2021, 1, 1));
            assertThat(billable(update.codes())).containsEntry("M358", false).containsEntry("M3581", true);
        });
    }

    @Test
    void aSameYearAddendaIsUndoneForTheOctoberSet() {
        // April 2023: T74.A added with its header, Y07.01 made a header with two new codes, Z59.87 retitled
        List<CodeRow> published = codes("T74*", "T74A*", "T74A1XA", "T749*", "T7491XA", "Y07*", "Y0701*", "Y07010", "Y07011", "Z5987");
        List<AddendaEntry> addenda = List.of(
                new AddendaEntry("Add", false, "T74A", "s", "Financial abuse, confirmed"),
                new AddendaEntry("Add", true, "T74A1XA", "s", "Adult financial abuse, confirmed, initial encounter"),
                new AddendaEntry("Delete", true, "Y0701", "Husband", "Husband, perpetrator of maltreatment and neglect"),
                new AddendaEntry("Add", false, "Y0701", "Husband", "Husband, perpetrator of maltreatment and neglect"),
                new AddendaEntry("Add", true, "Y07010", "s", "Husband, father"),
                new AddendaEntry("Add", true, "Y07011", "s", "Husband, other"),
                new AddendaEntry("Revise from", true, "Z5987", "Material hardship", "Material hardship"),
                new AddendaEntry("Revise to", true, "Z5987", "Material hardship due to limited financial resources, NEC", "new"));
        MidYearUpdates updates = new MidYearUpdates(Map.of("T74A1XA", LocalDate.of(2023, 4, 1)), Map.of());

        MidYearUpdates.Split split = updates.split(FY2023, published, addenda, true, Map.of());

        assertThat(billable(split.octoberCodes())).containsExactly(Map.entry("T74", false), Map.entry("T749", false),
                Map.entry("T7491XA", true), Map.entry("Y07", false), Map.entry("Y0701", true), Map.entry("Z5987", true));
        assertThat(byKey(split.octoberCodes()).get("Z5987").longDesc()).isEqualTo("Material hardship");
        assertThat(byKey(split.octoberCodes()).get("Y0701").parentCode()).isEqualTo("Y07");
        assertThat(split.updates()).singleElement().satisfies(update -> {
            assertThat(update.key().effectiveFrom()).isEqualTo(LocalDate.of(2023, 4, 1));
            assertThat(update.codes()).isEqualTo(published);
        });
        assertThat(split.note()).contains("dated 2023-04-01 by the CDC conversion table");
    }

    @Test
    void withoutADateInTheFilesAPcsUpdateTakesTheConfiguredDateOrAprilFirst() {
        List<CodeRow> published = codes("0DT*", "0DTJ4ZG", "0DTJ4ZZ");
        List<AddendaEntry> addenda = List.of(new AddendaEntry("Add", true, "0DTJ4ZG", "s", "Resection of Appendix, Hand-assisted"));

        MidYearUpdates.Split april = new MidYearUpdates(Map.of(), Map.of()).split(PCS2024, published, addenda, true, Map.of());
        assertThat(april.updates().get(0).key().effectiveFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(april.note()).contains("the files do not state the date");
        assertThat(april.octoberCodes()).extracting(CodeRow::code).containsExactly("0DT", "0DTJ4ZZ");

        MidYearUpdates.Split configured = new MidYearUpdates(Map.of(), Map.of("icd10pcs:FY2024", LocalDate.of(2024, 1, 1)))
                .split(PCS2024, published, addenda, true, Map.of());
        assertThat(configured.updates().get(0).key()).isEqualTo(new ReleaseKey(CodeSystem.ICD10PCS, "FY2024-01", LocalDate.of(2024, 1, 1)));
    }

    @Test
    void anAnnualAddendaOrAFileWithoutLaterCodesIsLeftAsPublished() {
        List<CodeRow> published = codes("J44*", "J4481", "J4489");
        MidYearUpdates updates = new MidYearUpdates(Map.of("J4481", LocalDate.of(2023, 10, 1)), Map.of());
        MidYearUpdates.Split split = updates.split(new ReleaseKey(CodeSystem.ICD10CM, "FY2024", LocalDate.of(2023, 10, 1)), published,
                List.of(new AddendaEntry("Add", true, "J4481", "s", "t")), false, Map.of());
        assertThat(split.octoberCodes()).isEqualTo(published);
        assertThat(split.updates()).isEmpty();
        assertThat(split.note()).isNull();
    }

    @Test
    void anUpdateMissingFromItsYearsFileIsMadeFromTheNextYearsFile() {
        // April 2020: U07.0 and U07.1 are in no FY2020 file, only in FY2021's
        ReleaseKey fy2020 = new ReleaseKey(CodeSystem.ICD10CM, "FY2020", LocalDate.of(2019, 10, 1));
        List<CodeRow> previous = codes("T88*", "T887", "Z99*", "Z999");
        List<CodeRow> later = codes("T88*", "T887", "U07*", "U070", "U071", "U09*", "U099", "Z99*", "Z999");
        MidYearUpdates updates = new MidYearUpdates(Map.of("U070", LocalDate.of(2020, 4, 1), "U071", LocalDate.of(2020, 4, 1),
                "U099", LocalDate.of(2021, 10, 1)), Map.of());

        MidYearUpdates.Derived update = updates.missedUpdate(fy2020, previous, later).orElseThrow();

        assertThat(update.key()).isEqualTo(new ReleaseKey(CodeSystem.ICD10CM, "FY2020-04", LocalDate.of(2020, 4, 1)));
        assertThat(update.codes()).extracting(CodeRow::code).containsExactly("T88", "T887", "U07", "U070", "U071", "Z99", "Z999");
        assertThat(byKey(update.codes()).get("U071").parentCode()).isEqualTo("U07");
        assertThat(updates.missedUpdate(fy2020, later, later)).isEmpty();
    }
}
