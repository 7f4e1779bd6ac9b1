package org.codedesk.fhir;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;

import org.codedesk.EditsFixtureData;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.catalog.importing.CatalogImporter;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** FHIR calls count against the plan's API quota like /api/v1 calls; metadata does not count. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codedesk.metering.enabled=true", "codedesk.plans.free.api-calls=3"})
class FhirMeteringTest {

    /** Registration sends the verification mail. */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;

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
