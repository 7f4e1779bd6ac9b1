package org.codedesk.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.codedesk.TestMembers;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The terminology operations on the official files of {@code CODEDESK_DATA_DIR} (skipped when it is unset):
 * FY2026 ICD-10-CM and ICD-10-PCS, HCPCS 2020, the 2018 GEMs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirFullDataTest {

    static final String CM = FhirTerminologyTest.CM;
    static final String PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    static final String FY2026 = "&date=2026-06-01";

    /** Registration sends the verification mail. */
    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;
    FhirHttp fhir;

    @BeforeAll
    void importOfficialData() {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null && !dir.isBlank(), "CODEDESK_DATA_DIR is not set: FHIR full-data test skipped");
        ImportReport report = importer.importPaths(List.of(Path.of(dir)));
        assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        fhir = new FhirHttp(port);
    }

    @Test
    void lookupOfAnOfficialCodeGivesItsNotesAndHierarchy() {
        Parameters diabetes = fhir.get("/CodeSystem/$lookup?system=" + CM + "&code=E11.9" + FY2026).as(Parameters.class);
        assertThat(FhirTerminologyTest.value(diabetes, "display")).isEqualTo("Type 2 diabetes mellitus without complications");
        assertThat(FhirTerminologyTest.value(diabetes, "version")).isEqualTo("FY2026");
        assertThat(FhirTerminologyTest.property(diabetes, "parent")).containsExactly("E11");
        assertThat(FhirTerminologyTest.property(diabetes, "useAdditionalCode")).anyMatch(note -> note.contains("Z79.4"));

        Parameters appendectomy = fhir.get("/CodeSystem/$lookup?system=" + PCS + "&code=0DTJ4ZZ" + FY2026).as(Parameters.class);
        assertThat(FhirTerminologyTest.value(appendectomy, "display")).isEqualTo("Resection of Appendix, Percutaneous Endoscopic Approach");
        assertThat(FhirTerminologyTest.property(appendectomy, "pcsAxis")).anyMatch(axis -> axis.contains("Resection"));

        Parameters dexamethasone = fhir.get("/CodeSystem/$lookup?system=http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets&code=J1100"
                + "&date=2020-06-01").as(Parameters.class);
        assertThat(FhirTerminologyTest.value(dexamethasone, "display")).startsWith("Injection, dexamethasone sodium phosphate");
    }

    @Test
    void validateCodeKnowsHeadersAndDates() {
        assertThat(validate("I21.4" + FY2026)).isEqualTo("true");
        assertThat(validate("I21" + FY2026)).isEqualTo("false");
        // COVID-19 (U07.1) entered ICD-10-CM in April 2020: not a code on a 2018 date of service
        assertThat(validate("U07.1&date=2018-06-01")).isEqualTo("false");
        assertThat(validate("U07.1" + FY2026)).isEqualTo("true");
    }

    @Test
    void expandFiltersWithTheSearchIndexAndCountsBillableCodes() {
        ValueSet heartAttack = fhir.get("/ValueSet/$expand?url=" + CM + "?fhir_vs" + FY2026 + "&filter=heart%20attack&count=20").as(ValueSet.class);
        assertThat(heartAttack.getExpansion().getContains()).extracting(ValueSetExpansionContainsComponent::getCode)
                .anyMatch(code -> code.startsWith("I21"));
        ValueSet billable = fhir.get("/ValueSet/icd10cm-billable/$expand?count=1" + FY2026).as(ValueSet.class);
        assertThat(billable.getExpansion().getTotal()).isEqualTo(74719); // lines of icd10cm_codes_2026.txt
    }

    @Test
    void translateFollowsTheOfficialGems() {
        String[] member = {"Authorization", "Bearer " + tokens.create(TestMembers.verified(accounts, jdbc, "fhir-gems"), "EHR")};
        Parameters diabetes = fhir.get("/ConceptMap/$translate?system=http://hl7.org/fhir/sid/icd-9-cm&code=250.00&targetsystem=" + CM, member)
                .as(Parameters.class);
        assertThat(FhirTerminologyTest.matches(diabetes)).contains("E11.9 inexact");
        Parameters appendectomy = fhir.get("/ConceptMap/$translate?system=" + PCS + "&code=0DTJ4ZZ", member).as(Parameters.class);
        assertThat(FhirTerminologyTest.matches(appendectomy)).containsExactly("47.01 inexact");
    }

    private String validate(String codeAndDate) {
        return FhirTerminologyTest.value(fhir.get("/CodeSystem/$validate-code?url=" + CM + "&code=" + codeAndDate).as(Parameters.class), "result");
    }
}
