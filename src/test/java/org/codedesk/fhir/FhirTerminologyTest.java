package org.codedesk.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.codedesk.EditsFixtureData;
import org.codedesk.TestMembers;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.catalog.importing.CatalogImporter;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.TerminologyCapabilities;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * The FHIR terminology service over the hand-written releases (ICD-10-CM FY2015 and FY2016, PCS, HCPCS and a CPT
 * file of 2016, the 2016 fixture GEMs), by plain HTTP, every answer read back with HAPI's parsers. Dates of service
 * are explicit so that real releases in the same database (PostgreSQL run) do not change the answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirTerminologyTest {

    static final String CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String ICD9 = "http://hl7.org/fhir/sid/icd-9-cm";
    static final String DOS = "&date=2016-06-01";

    /** Registration sends the verification mail. */
    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;
    FhirHttp fhir;

    @BeforeEach
    void setUp() {
        EditsFixtureData.importAll(importer);
        fhir = new FhirHttp(port);
    }

    @Test
    void metadataIsATerminologyServerCapabilityStatementInJsonAndXml() {
        FhirHttp.Reply json = fhir.get("/metadata");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).contains("application/fhir+json");
        CapabilityStatement statement = json.as(CapabilityStatement.class);
        assertThat(statement.getInstantiates()).extracting(i -> i.getValue()).contains("http://hl7.org/fhir/CapabilityStatement/terminology-server");
        assertThat(operations(statement, "CodeSystem")).contains("lookup", "validate-code", "subsumes");
        assertThat(operations(statement, "ValueSet")).contains("expand", "validate-code");
        assertThat(operations(statement, "ConceptMap")).contains("translate");

        FhirHttp.Reply xml = fhir.get("/metadata?_format=xml");
        assertThat(xml.contentType()).contains("xml");
        assertThat(xml.as(CapabilityStatement.class).getFhirVersion().toCode()).startsWith("4.0");
    }

    @Test
    void terminologyModeListsTheLoadedVersions() {
        TerminologyCapabilities capabilities = fhir.get("/metadata?mode=terminology").as(TerminologyCapabilities.class);
        var icd10cm = capabilities.getCodeSystem().stream().filter(c -> c.getUri().equals(CM)).findFirst().orElseThrow();
        assertThat(icd10cm.getVersion()).extracting(v -> v.getCode()).contains("FY2015", "FY2016");
        assertThat(capabilities.getExpansion().getPaging()).isTrue();
        assertThat(fhir.get("/metadata?mode=terminology", "Accept", "application/fhir+xml").as(TerminologyCapabilities.class)
                .getCodeSystem()).hasSize(4);
    }

    @Test
    void codeSystemsCanBeReadAndFoundByUrl() {
        CodeSystem icd10cm = fhir.get("/CodeSystem/icd10cm").as(CodeSystem.class);
        assertThat(icd10cm.getUrl()).isEqualTo(CM);
        assertThat(icd10cm.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.NOTPRESENT);
        assertThat(icd10cm.getProperty()).extracting(CodeSystem.PropertyComponent::getCode).contains("parent", "billable", "excludes1");
        var bundle = fhir.get("/CodeSystem?url=http://www.cms.gov/Medicare/Coding/ICD10").as(org.hl7.fhir.r4.model.Bundle.class);
        assertThat(bundle.getEntry()).singleElement().satisfies(e -> assertThat(e.getResource().getIdElement().getIdPart()).isEqualTo("icd10pcs"));
        assertThat(fhir.get("/CodeSystem/snomed").status()).isEqualTo(404);
    }

    @Test
    void lookupGivesDisplayDesignationHierarchyAndInheritedNotes() {
        Parameters result = fhir.get("/CodeSystem/$lookup?system=" + CM + "&code=s72001a" + DOS).as(Parameters.class);
        assertThat(value(result, "version")).isEqualTo("FY2016");
        assertThat(value(result, "display")).isEqualTo("Fracture of unspecified part of neck of right femur, initial encounter for closed fracture");
        assertThat(part(result.getParameter("designation"), "value")).isEqualTo("Fx unsp part of neck of right femur, init for clos fx");
        assertThat(property(result, "parent")).containsExactly("S72.001");
        assertThat(property(result, "billable")).containsExactly("true");
        assertThat(property(result, "excludes1")).anyMatch(text -> text.contains("traumatic amputation of hip and thigh"));

        Parameters header = fhir.get("/CodeSystem/$lookup?system=" + CM + "&code=S72.0" + DOS + "&property=child&property=billable")
                .as(Parameters.class);
        assertThat(property(header, "child")).containsExactly("S72.00");
        assertThat(property(header, "billable")).containsExactly("false");
        assertThat(property(header, "excludes1")).isEmpty();

        // the same by POST, the code given as a Coding, on the older release by its version
        Parameters request = new Parameters();
        request.addParameter().setName("coding").setValue(new Coding(CM, "S72.9", null));
        request.addParameter("version", "FY2015");
        Parameters older = fhir.post("/CodeSystem/$lookup", request).as(Parameters.class);
        assertThat(value(older, "display")).isEqualTo("Unspecified fracture of femur");
    }

    @Test
    void lookupErrorsAreOperationOutcomesWithTheRightStatus() {
        FhirHttp.Reply unknownCode = fhir.get("/CodeSystem/$lookup?system=" + CM + "&code=S72.009" + DOS);
        assertThat(unknownCode.status()).isEqualTo(404);
        assertThat(diagnostics(unknownCode)).isEqualTo("S72.009 is not a code of ICD-10-CM FY2016.");
        FhirHttp.Reply unknownSystem = fhir.get("/CodeSystem/$lookup?system=http://snomed.info/sct&code=22298006");
        assertThat(unknownSystem.status()).isEqualTo(404);
        assertThat(diagnostics(unknownSystem)).contains("does not serve the code system http://snomed.info/sct");
        FhirHttp.Reply noCode = fhir.get("/CodeSystem/$lookup?system=" + CM);
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(diagnostics(noCode)).contains("Give the code");
        FhirHttp.Reply badDate = fhir.get("/CodeSystem/$lookup?system=" + CM + "&code=S72.001A&date=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        FhirHttp.Reply tooEarly = fhir.get("/CodeSystem/$lookup?system=" + CM + "&code=S72.001A&date=2001-01-01");
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(diagnostics(tooEarly)).contains("ICD-10-CM was not in force on 2001-01-01");
        assertThat(fhir.get("/CodeSystem/$lookup?system=" + CM + "&code=S72.001A&version=FY1999").status()).isEqualTo(404);
    }

    @Test
    void aDateWhoseReleaseIsNotImportedSaysSoInLookupAndValidateCode() {
        // HCPCS is quarterly: 2016-06-01 is in 2016-Q2, and only the 2016-01 file is imported
        String hcpcs = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
        String sentence = "HCPCS Level II 2016-Q2 is in force since 2016-04-01 and is not imported; shown: 2016-01.";
        Parameters validated = fhir.get("/CodeSystem/$validate-code?url=" + hcpcs + "&code=X1001" + DOS).as(Parameters.class);
        assertThat(value(validated, "result")).isEqualTo("true");
        assertThat(value(validated, "message")).endsWith(sentence);
        Parameters looked = fhir.get("/CodeSystem/$lookup?system=" + hcpcs + "&code=X1001" + DOS + "&property=releaseNotImported")
                .as(Parameters.class);
        assertThat(looked.getParameter().stream().filter(p -> p.getName().equals("property"))
                .flatMap(p -> p.getPart().stream()).filter(part -> part.getName().equals("value")).map(part -> part.getValue().primitiveValue()))
                .contains(sentence);
        // a version named by the client is its choice: nothing to add
        assertThat(value(fhir.get("/CodeSystem/$validate-code?url=" + hcpcs + "&code=X1001&version=2016-01").as(Parameters.class), "message"))
                .doesNotContain("is in force since");
    }

    @Test
    void validateCodeSaysWhyACodeIsInvalid() {
        Parameters valid = validate("&code=S72.001A" + DOS);
        assertThat(value(valid, "result")).isEqualTo("true");
        assertThat(value(valid, "display")).startsWith("Fracture of unspecified part of neck of right femur");

        Parameters header = validate("&code=S72.00" + DOS);
        assertThat(value(header, "result")).isEqualTo("false");
        assertThat(value(header, "message")).contains("header code, not billable");
        assertThat(value(validate("&code=S72.00&abstract=true" + DOS), "result")).isEqualTo("true");

        Parameters deleted = validate("&code=S72.9" + DOS);
        assertThat(value(deleted, "result")).isEqualTo("false");
        assertThat(value(deleted, "message")).contains("not in ICD-10-CM FY2016").contains("last in");
        assertThat(value(validate("&code=S72.9&date=2015-06-01"), "result")).isEqualTo("true");
        assertThat(value(validate("&code=S72.9&version=FY2015"), "result")).isEqualTo("true");

        Parameters wrongDisplay = validate("&code=S72.001A&display=Broken%20leg" + DOS);
        assertThat(value(wrongDisplay, "result")).isEqualTo("false");
        assertThat(value(wrongDisplay, "message")).contains("is not the official one");
        assertThat(value(validate("&code=S72.001A&display=fx%20unsp%20part%20of%20neck%20of%20right%20femur,%20init%20for%20clos%20fx" + DOS), "result"))
                .isEqualTo("true");
        assertThat(value(validate("&code=1234" + DOS), "message")).contains("not a well-formed ICD-10-CM code");

        Parameters cpt = fhir.get("/CodeSystem/$validate-code?url=http://www.ama-assn.org/go/cpt&code=27447" + DOS).as(Parameters.class);
        assertThat(value(cpt, "result")).isEqualTo("true");
        assertThat(value(cpt, "display")).isEqualTo("Invented fixture descriptor for a knee procedure, not AMA text");
    }

    @Test
    void valueSetValidateCodeChecksMembership() {
        assertThat(value(fhir.get("/ValueSet/icd10cm-billable/$validate-code?code=S72.001A" + DOS).as(Parameters.class), "result")).isEqualTo("true");
        Parameters header = fhir.get("/ValueSet/icd10cm-billable/$validate-code?code=S72.00&abstract=true" + DOS).as(Parameters.class);
        assertThat(value(header, "result")).isEqualTo("false");
        assertThat(value(header, "message")).contains("header code");
        assertThat(value(fhir.get("/ValueSet/$validate-code?url=" + CM + "?fhir_vs&code=S72.00&abstract=true" + DOS).as(Parameters.class), "result"))
                .isEqualTo("true");
        Parameters outside = fhir.get("/ValueSet/$validate-code?url=" + CM + "?fhir_vs=isa/S72.00&code=T36.0X1A" + DOS).as(Parameters.class);
        assertThat(value(outside, "result")).isEqualTo("false");
        assertThat(value(outside, "message")).contains("T36.0X1A is not S72.00 or below it");
        Parameters otherSystem = fhir.get("/ValueSet/icd10cm-billable/$validate-code?system=http://www.cms.gov/Medicare/Coding/ICD10&code=0X500ZX"
                + DOS).as(Parameters.class);
        assertThat(value(otherSystem, "result")).isEqualTo("false");
        assertThat(fhir.get("/ValueSet/$validate-code?url=http://example.org/vs&code=S72.001A").status()).isEqualTo(404);
    }

    @Test
    void subsumesFollowsTheHierarchy() {
        assertThat(subsumes("S72", "S72.001A")).isEqualTo("subsumes");
        assertThat(subsumes("S72.001A", "S72.00")).isEqualTo("subsumed-by");
        assertThat(subsumes("S72.001A", "s72001a")).isEqualTo("equivalent");
        assertThat(subsumes("S72.001A", "T36.0X1A")).isEqualTo("not-subsumed");
        FhirHttp.Reply unknown = fhir.get("/CodeSystem/$subsumes?system=" + CM + "&codeA=S72&codeB=S72.7777&version=FY2016");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(diagnostics(unknown)).contains("S72.7777 is not a code of ICD-10-CM FY2016");
    }

    @Test
    void expandPagesThroughAValueSetInBookOrder() {
        ValueSet first = fhir.get("/ValueSet/$expand?url=" + CM + "?fhir_vs" + DOS + "&count=5").as(ValueSet.class);
        int total = first.getExpansion().getTotal();
        assertThat(total).isEqualTo(17); // lines of icd10cm_order_2016.txt
        assertThat(first.getExpansion().getContains()).extracting(ValueSetExpansionContainsComponent::getCode)
                .containsExactly("S72", "S72.0", "S72.00", "S72.001", "S72.001A");
        assertThat(first.getExpansion().getContains().get(0).getAbstract()).isTrue();
        assertThat(first.getExpansion().getContains().get(4).getVersion()).isEqualTo("FY2016");
        ValueSet last = fhir.get("/ValueSet/$expand?url=" + CM + "?fhir_vs" + DOS + "&count=5&offset=15").as(ValueSet.class);
        assertThat(last.getExpansion().getContains()).extracting(ValueSetExpansionContainsComponent::getCode).containsExactly("H54", "H54.7");
        assertThat(last.getExpansion().getOffset()).isEqualTo(15);

        ValueSet below = fhir.get("/ValueSet/$expand?url=" + CM + "?fhir_vs=isa/S72.00" + DOS).as(ValueSet.class);
        assertThat(below.getExpansion().getContains()).extracting(ValueSetExpansionContainsComponent::getCode)
                .containsExactly("S72.00", "S72.001", "S72.001A", "S72.001D", "S72.001S");

        ValueSet billable = fhir.get("/ValueSet/icd10cm-billable/$expand?date=2016-06-01").as(ValueSet.class);
        assertThat(billable.getExpansion().getContains()).isNotEmpty().allSatisfy(c -> assertThat(c.getAbstract()).isFalse());
        assertThat(billable.getExpansion().getTotal()).isLessThan(total);
        assertThat(fhir.get("/ValueSet/icd10cm-billable").as(ValueSet.class).getCompose().getIncludeFirstRep().getFilterFirstRep()
                .getProperty()).isEqualTo("billable");
    }

    @Test
    void expandFilterSearchesLikeTheSite() {
        ValueSet femur = fhir.get("/ValueSet/$expand?url=" + CM + "?fhir_vs" + DOS + "&filter=fracture%20of%20femur").as(ValueSet.class);
        List<String> codes = femur.getExpansion().getContains().stream().map(ValueSetExpansionContainsComponent::getCode).toList();
        assertThat(codes).contains("S72.001A").doesNotContain("H54.7", "T36.0X1A");
        assertThat(femur.getExpansion().getParameter()).anyMatch(p -> p.getName().equals("filter"));
        ValueSet paged = fhir.get("/ValueSet/$expand?url=" + CM + "?fhir_vs" + DOS + "&filter=fracture%20of%20femur&count=1&offset=1")
                .as(ValueSet.class);
        assertThat(paged.getExpansion().getContains()).extracting(ValueSetExpansionContainsComponent::getCode).containsExactly(codes.get(1));
        FhirHttp.Reply unknown = fhir.get("/ValueSet/$expand?url=http://example.org/ValueSet/nothing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(fhir.get("/ValueSet/$expand?url=" + CM + "?fhir_vs&count=5000").status()).isEqualTo(400);
        FhirHttp.Reply notANumber = fhir.get("/ValueSet/$expand?url=" + CM + "?fhir_vs&count=ten");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(diagnostics(notANumber)).contains("could not be read");
    }

    @Test
    void translateUsesTheGemsBothWays() { // the fixture GEMs by their version: the official FY2018 ones may be loaded too
        String[] member = {"Authorization", "Bearer " + tokens.create(TestMembers.verified(accounts, jdbc, "fhir-gems"), "EHR")};
        Parameters approximate = fhir.get("/ConceptMap/$translate?conceptMapVersion=FY2016&system=" + CM + "&code=S72.001A&targetsystem=" + ICD9, member).as(Parameters.class);
        assertThat(value(approximate, "result")).isEqualTo("true");
        assertThat(matches(approximate)).containsExactly("820.00 inexact");

        Parameters combination = fhir.get("/ConceptMap/$translate?conceptMapVersion=FY2016&system=" + CM + "&code=T36.0X1A", member).as(Parameters.class);
        assertThat(matches(combination)).containsExactly("960.0 inexact", "E930.0 inexact");
        assertThat(value(combination, "message")).contains("Scenario 1").contains("choice list 2");

        Parameters noMap = fhir.get("/ConceptMap/$translate?conceptMapVersion=FY2016&system=" + CM + "&code=S72.8X1A", member).as(Parameters.class);
        assertThat(value(noMap, "result")).isEqualTo("false");
        assertThat(value(noMap, "message")).contains("no map for S72.8X1A");

        Parameters fromIcd9 = fhir.get("/ConceptMap/$translate?conceptMapVersion=FY2016&system=" + ICD9 + "&code=820.00&targetsystem=" + CM, member).as(Parameters.class);
        assertThat(matches(fromIcd9)).containsExactly("S72.001A inexact", "S72.091A inexact");
        assertThat(fromIcd9.getParameters("match").get(0).getPart().stream().filter(p -> p.getName().equals("concept")).findFirst()
                .map(p -> ((Coding) p.getValue()).getDisplay()).orElseThrow()).isNotBlank();

        Parameters reverse = fhir.get("/ConceptMap/$translate?conceptMapVersion=FY2016&url=" + fhir.base().replace("localhost:" + port, "localhost:8080")
                + "/ConceptMap/icd10cm-to-icd9cm&system=" + ICD9 + "&code=82000&reverse=true", member).as(Parameters.class);
        assertThat(matches(reverse)).containsExactly("S72.001A inexact");

        assertThat(fhir.get("/ConceptMap/icd9cm-to-icd10cm").as(ConceptMap.class).getGroupFirstRep().getTarget()).isEqualTo(CM);
        FhirHttp.Reply pcsToCm = fhir.get("/ConceptMap/$translate?conceptMapVersion=FY2016&system=http://www.cms.gov/Medicare/Coding/ICD10&code=0X500ZX&targetsystem=" + CM, member);
        assertThat(pcsToCm.status()).isEqualTo(400);
        assertThat(diagnostics(pcsToCm)).contains("No GEM translates");
    }

    @Test
    void theDeveloperPageLinksTheOpenApiAndTheCapabilityStatement() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/developers")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/api/v1/openapi\"").contains("href=\"/fhir/metadata\"")
                .contains("href=\"/fhir/metadata?mode=terminology\"").contains("/fhir/CodeSystem/icd10cm")
                .contains("/fhir/CodeSystem/$lookup?system=http://hl7.org/fhir/sid/icd-10-cm&amp;code=E11.9")
                .contains("new BearerTokenAuthInterceptor(&quot;cdk_")
                .contains("Code page views per period").contains("id=\"plan-rules\"");
        var openApi = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/openapi")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("\"openapi\"");
    }

    private Parameters validate(String query) {
        return fhir.get("/CodeSystem/$validate-code?url=" + CM + query).as(Parameters.class);
    }

    private String subsumes(String a, String b) {
        return value(fhir.get("/CodeSystem/$subsumes?system=" + CM + "&codeA=" + a + "&codeB=" + b + "&version=FY2016").as(Parameters.class), "outcome");
    }

    private static List<String> operations(CapabilityStatement statement, String type) {
        return statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type))
                .flatMap(r -> r.getOperation().stream()).map(o -> o.getName().replace("$", "")).toList();
    }

    static String value(Parameters parameters, String name) {
        ParametersParameterComponent parameter = parameters.getParameter(name);
        return parameter == null ? null : parameter.getValue().primitiveValue();
    }

    private static String part(ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().map(p -> p.getValue().primitiveValue()).orElse(null);
    }

    /** The values of the properties with this code. */
    static List<String> property(Parameters parameters, String code) {
        return parameters.getParameters("property").stream().filter(p -> code.equals(part(p, "code"))).map(p -> part(p, "value")).toList();
    }

    static List<String> matches(Parameters parameters) {
        return parameters.getParameters("match").stream().map(m -> {
            Coding concept = (Coding) m.getPart().stream().filter(p -> p.getName().equals("concept")).findFirst().orElseThrow().getValue();
            return concept.getCode() + " " + ((CodeType) m.getPart().get(0).getValue()).getValue();
        }).toList();
    }

    private static String diagnostics(FhirHttp.Reply reply) {
        assertThat(reply.contentType()).contains("fhir+json");
        return reply.as(OperationOutcome.class).getIssueFirstRep().getDiagnostics();
    }
}
