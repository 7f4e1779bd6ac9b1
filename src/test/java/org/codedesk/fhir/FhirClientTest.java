package org.codedesk.fhir;

import org.codedesk.TestMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.codedesk.EditsFixtureData;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.catalog.importing.CatalogImporter;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/**
 * An integrator's view: HAPI FHIR's own generic client ({@link IGenericClient}), unchanged, against the running
 * server: capabilities, reads, each operation by GET and by POST, errors as the client's exceptions with their
 * OperationOutcome, and an API token sent as a bearer token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirClientTest {

    static final String CM = FhirTerminologyTest.CM;

    /** Registration sends the verification mail. */
    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;
    IGenericClient client;

    @BeforeEach
    void setUp() {
        EditsFixtureData.importAll(importer);
        FhirHttp.R4.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = FhirHttp.R4.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    }

    @Test
    void theClientReadsCapabilitiesAndResources() {
        CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(statement.getSoftware().getName()).isEqualTo("CodeDesk");
        CodeSystem pcs = client.read().resource(CodeSystem.class).withId("icd10pcs").execute();
        assertThat(pcs.getUrl()).isEqualTo("http://www.cms.gov/Medicare/Coding/ICD10");
        ConceptMap gem = client.read().resource(ConceptMap.class).withId("icd10cm-to-icd9cm").execute();
        assertThat(gem.getVersion()).isNotBlank();
        assertThat(gem.getGroupFirstRep().getSource()).isEqualTo(CM);
        assertThatThrownBy(() -> client.read().resource(ValueSet.class).withId("nothing").execute())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theClientCallsEveryOperation() {
        Parameters lookup = client.operation().onType(CodeSystem.class).named("$lookup")
                .withParameter(Parameters.class, "system", new UriType(CM))
                .andParameter("code", new CodeType("T36.0X1A"))
                .andParameter("date", new DateTimeType("2016-06-01"))
                .useHttpGet().execute();
        assertThat(FhirTerminologyTest.value(lookup, "display")).startsWith("Poisoning by penicillins, accidental");

        Parameters validation = client.operation().onType(CodeSystem.class).named("$validate-code")
                .withParameter(Parameters.class, "url", new UriType("http://www.cms.gov/Medicare/Coding/ICD10"))
                .andParameter("code", new CodeType("0X500ZX"))
                .andParameter("date", new DateTimeType("2016-06-01"))
                .execute(); // POST
        assertThat(FhirTerminologyTest.value(validation, "result")).isEqualTo("true");

        Parameters subsumes = client.operation().onType(CodeSystem.class).named("$subsumes")
                .withParameter(Parameters.class, "system", new UriType(CM))
                .andParameter("codeA", new CodeType("T36"))
                .andParameter("codeB", new CodeType("T36.0X1A"))
                .andParameter("version", new StringType("FY2016"))
                .execute();
        assertThat(FhirTerminologyTest.value(subsumes, "outcome")).isEqualTo("subsumes");

        ValueSet expansion = client.operation().onInstance(new IdType("ValueSet", "icd10cm-billable")).named("$expand")
                .withParameter(Parameters.class, "date", new DateTimeType("2016-06-01"))
                .andParameter("count", new IntegerType(3))
                .returnResourceType(ValueSet.class).execute();
        assertThat(expansion.getExpansion().getContains()).hasSize(3);

        // GEMs are for members, as on the code pages
        assertThatThrownBy(() -> client.operation().onType(ConceptMap.class).named("$translate")
                .withParameter(Parameters.class, "system", new UriType(CM)).andParameter("code", new CodeType("T36.0X1A")).useHttpGet().execute())
                .isInstanceOf(AuthenticationException.class);
        client.registerInterceptor(new BearerTokenAuthInterceptor(tokens.create(TestMembers.verified(accounts, jdbc, "fhir-gems"), "EHR")));
        Parameters translation = client.operation().onType(ConceptMap.class).named("$translate")
                .withParameter(Parameters.class, "system", new UriType(CM))
                .andParameter("code", new CodeType("T36.0X1A"))
                .andParameter("conceptMapVersion", new StringType("FY2016"))
                .andParameter("reverse", new BooleanType(false))
                .useHttpGet().execute();
        assertThat(FhirTerminologyTest.matches(translation)).hasSize(2);
    }

    @Test
    void errorsReachTheClientWithTheirOperationOutcome() {
        assertThatThrownBy(() -> client.operation().onType(CodeSystem.class).named("$lookup")
                .withParameter(Parameters.class, "system", new UriType(CM)).useHttpGet().execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(((OperationOutcome) e.getOperationOutcome())
                        .getIssueFirstRep().getDiagnostics()).contains("Give the code"));
    }

    @Test
    void anApiTokenIsSentAsABearerToken() {
        String email = TestMembers.verified(accounts, jdbc, "fhir");
        String token = tokens.create(email, "EHR");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        Parameters lookup = client.operation().onType(CodeSystem.class).named("$lookup")
                .withParameter(Parameters.class, "system", new UriType(CM))
                .andParameter("code", new CodeType("H54.7"))
                .andParameter("date", new DateTimeType("2016-06-01")).useHttpGet().execute();
        assertThat(FhirTerminologyTest.value(lookup, "display")).isEqualTo("Unspecified visual loss");
        assertThat(tokens.of(email).get(0).lastUsedAt()).isNotNull();

        IGenericClient forged = FhirHttp.R4.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        forged.registerInterceptor(new BearerTokenAuthInterceptor("cdk_not-a-token"));
        assertThatThrownBy(() -> forged.read().resource(CodeSystem.class).withId("icd10cm").execute())
                .isInstanceOf(AuthenticationException.class);
    }
}
