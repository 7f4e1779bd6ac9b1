package org.codedesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.codedesk.CoverageFixtureData;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The coverage module over its hand-written fixtures (NCD spreadsheet 2016-Q1, an MCD download, MCE v33.0): every file
 * layout imports, crosswalks both ways, medical necessity outcomes, and each MCE edit at its boundaries.
 */
@SpringBootTest
class CoverageTest {

    static final LocalDate DOS = LocalDate.of(2016, 6, 1);

    @Autowired CatalogImporter importer;
    @Autowired Coverage coverage;
    @Autowired MedicareCodeEditor mce;

    @BeforeEach
    void importFixtures() {
        CoverageFixtureData.importAll(importer);
    }

    @Test
    void everyLayoutImportsAsARelease() {
        assertThat(coverage.releases()).extracting(CoverageRelease::source, CoverageRelease::version)
                .contains(org.assertj.core.groups.Tuple.tuple(CoverageSource.NCD_LAB, "2016-Q1"),
                        org.assertj.core.groups.Tuple.tuple(CoverageSource.MCD, "current"),
                        org.assertj.core.groups.Tuple.tuple(CoverageSource.MCE, "v33.0"));
        assertThat(coverage.inForce(CoverageSource.MCE, DOS).orElseThrow().effectiveFrom()).isEqualTo(LocalDate.of(2015, 10, 1));
        assertThat(coverage.inForce(CoverageSource.NCD_LAB, LocalDate.of(2015, 12, 31))).isEmpty();
    }

    @Test
    void ncdCrosswalkListsCoveredAndDeniedDiagnosesAndWhatAllOthersMean() {
        List<Crosswalk.ForProcedure> lipids = coverage.diagnosesFor("80061", DOS);
        assertThat(lipids).singleElement().satisfies(ncd -> {
            assertThat(ncd.document().citation()).startsWith("NCD 190.23A Lipids Testing (fixture)").contains("2016-Q1");
            assertThat(ncd.procedures()).containsExactly("80061", "83718");
            assertThat(ncd.document().otherCodes()).isEqualTo(Resolution.NOT_REASONABLE_AND_NECESSARY);
            assertThat(ncd.groups()).flatExtracting(Crosswalk.Group::codes).extracting(Crosswalk.Diagnosis::code, Crosswalk.Diagnosis::resolution)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("E78.5", Resolution.COVERED),
                            org.assertj.core.groups.Tuple.tuple("H54.7", Resolution.COVERED),
                            org.assertj.core.groups.Tuple.tuple("Z00.00", Resolution.DENIED)); // T36.0X1A ended 2015-12-31
        });
        assertThat(coverage.diagnosesFor("80061", DOS).get(0).groups()).flatExtracting(Crosswalk.Group::codes)
                .filteredOn(d -> d.code().equals("H54.7")).extracting(Crosswalk.Diagnosis::title).containsExactly("Unspecified visual loss");
    }

    @Test
    void articleCrosswalkUsesTheCurrentVersionItsGroupsAndItsDates() {
        List<Crosswalk.ForProcedure> vitaminD = coverage.diagnosesFor("82306", DOS);
        assertThat(vitaminD).extracting(c -> c.document().id()).containsExactly("A99001"); // A99002 retired 2015-06-30
        Crosswalk.ForProcedure article = vitaminD.get(0);
        assertThat(article.document().title()).contains("version 2");
        assertThat(article.document().citation()).contains(", under LCD L99001 Vitamin D Assay Testing (fixture LCD)");
        assertThat(article.groups()).extracting(Crosswalk.Group::paragraph).first().asString().startsWith("Group 1: deficiency states");
        assertThat(article.groups()).flatExtracting(Crosswalk.Group::codes).extracting(Crosswalk.Diagnosis::code)
                .contains("E55.9", "S72.001A", "Z00.00").doesNotContain("T36.0X1A");
        assertThat(coverage.diagnosesFor("82307", DOS)).isEmpty(); // only version 1 listed it
        assertThat(coverage.diagnosesFor("82306", LocalDate.of(2015, 3, 1))).singleElement().satisfies(retired -> {
            assertThat(retired.document().id()).isEqualTo("A99002");
            assertThat(retired.document().related()).isNull(); // its LCD relation is of an older LCD version
        });
    }

    @Test
    void diagnosisCrosswalkListsTheProceduresItSupports() {
        List<Crosswalk.ForDiagnosis> visualLoss = coverage.proceduresFor("H54.7", DOS);
        assertThat(visualLoss).extracting(d -> d.document().id(), Crosswalk.ForDiagnosis::resolution)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("190.23A", Resolution.COVERED),
                        org.assertj.core.groups.Tuple.tuple("A99001", Resolution.COVERED));
        assertThat(visualLoss).filteredOn(d -> d.document().id().equals("190.23A")).singleElement()
                .satisfies(d -> assertThat(d.procedures()).containsExactly("80061", "83718"));
    }

    @Test
    void necessityIsSupportedDeniedNotReasonableOrNotGoverned() {
        assertThat(coverage.necessity("80061", List.of("Z00.00", "E78.5"), DOS).outcome()).isEqualTo(Necessity.Outcome.SUPPORTED);
        Necessity denied = coverage.necessity("80061", List.of("Z00.00"), DOS);
        assertThat(denied.outcome()).isEqualTo(Necessity.Outcome.DENIED);
        assertThat(denied.message()).contains("Z00.00").contains("NCD 190.23A");
        Necessity notListed = coverage.necessity("80061", List.of("S72.001A"), DOS);
        assertThat(notListed.outcome()).isEqualTo(Necessity.Outcome.NOT_REASONABLE_AND_NECESSARY);
        assertThat(notListed.message()).contains("/crosswalk?code=80061");
        // Blood counts: every code not listed is covered; Z00.00 is denied
        assertThat(coverage.necessity("85025", List.of("S72.001A"), DOS).outcome()).isEqualTo(Necessity.Outcome.SUPPORTED);
        assertThat(coverage.necessity("85025", List.of("Z00.00"), DOS).outcome()).isEqualTo(Necessity.Outcome.DENIED);
        assertThat(coverage.necessity("82306", List.of("Z00.00"), DOS).outcome()).isEqualTo(Necessity.Outcome.NOT_REASONABLE_AND_NECESSARY);
        assertThat(coverage.necessity("99213", List.of("E55.9"), DOS).outcome()).isEqualTo(Necessity.Outcome.NOT_GOVERNED);
    }

    @Test
    void mceAgeConflictsAtTheBoundariesOfEachList() {
        assertThat(outcome(mce.check(List.of("Z38.00"), 0, null, DOS), "mce_age")).isEqualTo("PASS");
        assertThat(outcome(mce.check(List.of("Z38.00"), 1, null, DOS), "mce_age")).isEqualTo("FAIL");
        assertThat(outcome(mce.check(List.of("H54.7"), 17, null, DOS), "mce_age")).isEqualTo("PASS");
        assertThat(outcome(mce.check(List.of("H54.7"), 18, null, DOS), "mce_age")).isEqualTo("FAIL");
        assertThat(outcome(mce.check(List.of("O09.00"), 9, null, DOS), "mce_age")).isEqualTo("PASS");
        assertThat(outcome(mce.check(List.of("O09.00"), 8, null, DOS), "mce_age")).isEqualTo("FAIL");
        assertThat(outcome(mce.check(List.of("O09.00"), 64, null, DOS), "mce_age")).isEqualTo("PASS");
        assertThat(outcome(mce.check(List.of("O09.00"), 65, null, DOS), "mce_age")).isEqualTo("FAIL");
        assertThat(outcome(mce.check(List.of("S72.001A"), 15, null, DOS), "mce_age")).isEqualTo("PASS");
        assertThat(outcome(mce.check(List.of("S72.001A"), 14, null, DOS), "mce_age")).isEqualTo("FAIL");
        assertThat(mce.check(List.of("S72.001A"), 14, null, DOS)).filteredOn(r -> r.check().equals("mce_age")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("adult diagnosis (age 15 through 124)").contains("age 14"));
        assertThat(mce.check(List.of("S72.001A"), null, null, DOS)).extracting(MedicareCodeEditor.Result::check).doesNotContain("mce_age");
    }

    @Test
    void mceSexManifestationAndUnacceptablePrincipal() {
        assertThat(outcome(mce.check(List.of("N40.0"), null, "F", DOS), "mce_sex")).isEqualTo("FAIL");
        assertThat(outcome(mce.check(List.of("N40.0"), null, "M", DOS), "mce_sex")).isEqualTo("PASS");
        assertThat(outcome(mce.check(List.of("O09.00"), null, "M", DOS), "mce_sex")).isEqualTo("FAIL");
        assertThat(outcome(mce.check(List.of("H36"), null, null, DOS), "mce_manifestation")).isEqualTo("FAIL");
        assertThat(outcome(mce.check(List.of("E78.5", "H36"), null, null, DOS), "mce_manifestation")).isEqualTo("PASS");
        assertThat(outcome(mce.check(List.of("Z00.00"), null, null, DOS), "mce_unacceptable_principal")).isEqualTo("FAIL");
        assertThat(outcome(mce.check(List.of("Z51.89"), null, null, DOS), "mce_unacceptable_principal")).isEqualTo("FAIL");
        assertThat(outcome(mce.check(List.of("Z51.89", "E78.5"), null, null, DOS), "mce_unacceptable_principal")).isEqualTo("PASS");
        assertThat(mce.listings("Z51.89", DOS)).extracting(MedicareCodeEditor.Listing::words)
                .containsExactly("Unacceptable principal diagnosis, acceptable with a secondary diagnosis");
        // the conditional lists and chapter 2 are not read: 10D00Z0 (questionable obstetric), E10.10 (11.B), Z99.99 (changes)
        assertThat(mce.listings("10D00Z0", DOS)).isEmpty();
        assertThat(mce.listings("E10.10", DOS)).isEmpty();
        assertThat(mce.listings("Z99.99", DOS)).isEmpty();
        assertThat(mce.listings("R03.0", DOS)).extracting(MedicareCodeEditor.Listing::list).containsExactly("QUESTIONABLE_ADMISSION");
        assertThat(mce.listings("0FYG0Z0", DOS)).extracting(MedicareCodeEditor.Listing::list).containsExactly("NONCOVERED_PROCEDURE");
        assertThat(mce.check(List.of("E78.5"), null, null, LocalDate.of(2015, 6, 1))).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(MedicareCodeEditor.Outcome.NO_DATA));
    }

    private static String outcome(List<MedicareCodeEditor.Result> results, String check) {
        List<String> outcomes = results.stream().filter(r -> r.check().equals(check)).map(r -> r.outcome().name()).distinct().toList();
        return outcomes.contains("FAIL") ? "FAIL" : outcomes.size() == 1 ? outcomes.get(0) : outcomes.toString();
    }
}
