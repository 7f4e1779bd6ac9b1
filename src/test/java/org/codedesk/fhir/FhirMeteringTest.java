package org.codedesk.fhir;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;

import org.codedesk.EditsFixtureData;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.catalog.importing.CatalogImporter;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * FHIR calls count against the plan's API quota like /api/v1 calls; metadata does not count. The code pages' plan
 * rules hold too: a $lookup is a code page view, and $translate (GEMs) is for members.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codedesk.metering.enabled=true", "codedesk.plans.free.api-calls=3"})
class FhirMeteringTest {

    /** Registration sends the verification mail. */
    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;

    /** Guests here all come from this machine's address: their views start from nothing and leave nothing for other tests. */
    @BeforeEach
    @AfterEach
    void forgetLocalGuests() {
        jdbc.update("delete from metering_view where viewer_key like 'ip:%'");
        jdbc.update("delete from metering_counter where viewer_key like 'ip:%' or viewer_key like 'api|ip:%'");
    }

    @Test
    void aGuestsLookupIsTheirCodePageViewAndPastItTheAnswerIs403WithoutTheContent() throws Exception {
        EditsFixtureData.importAll(importer);
        FhirHttp fhir = new FhirHttp(port);
        String lookup = "/CodeSystem/$lookup?system=" + FhirTerminologyTest.CM + "&date=2016-06-01&code=";

        FhirHttp.Reply first = fhir.get(lookup + "S72.001A");
        assertThat(first.status()).isEqualTo(200);
        assertThat(FhirTerminologyTest.value(first.as(Parameters.class), "display")).startsWith("Fracture of unspecified part of neck of right femur");
        assertThat(fhir.get(lookup + "s72001a").status()).as("the same code again is free").isEqualTo(200);
        assertThat(page("/codes/icd10cm/S72.001A?date=2016-06-01")).as("and so is its page").contains("Fracture of unspecified part of neck");

        FhirHttp.Reply over = fhir.get(lookup + "T36.0X1A");
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.as(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("Code page view limit reached")
                .contains("1 code page view of the GUEST plan").contains("Register or log in for more");
        assertThat(over.body()).doesNotContain("Poisoning by penicillins").doesNotContain("excludes");
        assertThat(fhir.get(lookup + "H54.7").status()).isEqualTo(403);
        // the code pages count the same views: the guest's one is spent
        assertThat(page("/codes/icd10cm/H54.7?date=2016-06-01")).contains("Register to view content").doesNotContain("Unspecified visual loss");
        assertThat(fhir.get(lookup + "S72.009").status()).as("an unknown code is still 404").isEqualTo(404);
    }

    @Test
    void translateIsForMembersLikeTheGemsOnCodePages() {
        EditsFixtureData.importAll(importer);
        FhirHttp fhir = new FhirHttp(port);
        String translate = "/ConceptMap/$translate?conceptMapVersion=FY2016&system=" + FhirTerminologyTest.CM + "&code=S72.001A";

        FhirHttp.Reply guest = fhir.get(translate);
        assertThat(guest.status()).isEqualTo(401);
        assertThat(guest.as(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("GEMs").contains("for members")
                .contains("Authorization: Bearer");
        assertThat(guest.body()).doesNotContain("820.00");
        assertThat(fhir.post("/ConceptMap/$translate", new Parameters().addParameter("system", new org.hl7.fhir.r4.model.UriType(FhirTerminologyTest.CM))
                .addParameter("code", new org.hl7.fhir.r4.model.CodeType("S72.001A"))).status()).as("by POST too").isEqualTo(401);
        assertThat(fhir.get("/ConceptMap/icd10cm-to-icd9cm").status()).as("the map's description stays public").isEqualTo(200);

        String email = TestMembers.verified(accounts, jdbc, "fhir-gems");
        FhirHttp.Reply member = fhir.get(translate, "Authorization", "Bearer " + tokens.create(email, "EHR"));
        assertThat(member.status()).isEqualTo(200);
        assertThat(FhirTerminologyTest.matches(member.as(Parameters.class))).containsExactly("820.00 inexact");
    }

    private String page(String path) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aTokenGetsItsPlansCallsThenA429OperationOutcome() {
        EditsFixtureData.importAll(importer);
        String email = TestMembers.verified(accounts, jdbc, "fhir-quota");
        String[] bearer = {"Authorization", "Bearer " + tokens.create(email, "EHR")};
        FhirHttp fhir = new FhirHttp(port);
        String lookup = "/CodeSystem/$validate-code?url=" + FhirTerminologyTest.CM + "&code=S72.001A&date=2016-06-01";

        for (int call = 1; call <= 3; call++) {
            assertThat(fhir.get(lookup, bearer).status()).as("call " + call).isEqualTo(200);
            assertThat(fhir.get("/metadata", bearer).status()).as("metadata is free").isEqualTo(200);
        }
        FhirHttp.Reply over = fhir.get(lookup, bearer);
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.as(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("API call limit reached");
        assertThat(fhir.get("/metadata", bearer).as(CapabilityStatement.class).getSoftware().getName()).isEqualTo("CodeDesk");
    }
}
