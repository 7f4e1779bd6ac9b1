package org.codedesk.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.codedesk.EditsFixtureData;
import org.codedesk.TestMembers;
import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.ApiTokens;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.content.Explanations;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/** {@code $lookup} gives members the plain-language explanation as a designation of its own use; guests do not get it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirPlainLanguageTest {

    private static final String LOOKUP = "/CodeSystem/$lookup?system=http://hl7.org/fhir/sid/icd-10-cm&code=S72.001A&date=2016-06-01";

    @RegisterExtension
    static GreenMailExtension mail = org.codedesk.TestMail.greenMail();

    @LocalServerPort int port;
    @Autowired CatalogImporter importer;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;
    @Autowired Explanations explanations;
    FhirHttp fhir;

    @BeforeEach
    void setUp() {
        EditsFixtureData.importAll(importer);
        fhir = new FhirHttp(port);
    }

    @Test
    void membersGetTheGeneratedThenTheEditorsExplanationAsADesignation() {
        String email = TestMembers.verified(accounts, jdbc, "fhir-plain");
        String[] bearer = {"Authorization", "Bearer " + tokens.create(email, "EHR")};
        explanations.unpublish("icd10cm", "S72.001A");

        List<ParametersParameterComponent> generated = plainDesignations(fhir.get(LOOKUP, bearer).as(Parameters.class));
        assertThat(generated).hasSize(1);
        Coding use = (Coding) part(generated.get(0), "use").getValue();
        assertThat(use.getSystem()).isEqualTo("https://codedesk.org/fhir/CodeSystem/designation-use");
        assertThat(use.getDisplay()).contains("written by codedesk from the official definitions").contains("source: generated");
        assertThat(part(generated.get(0), "value").getValue().primitiveValue()).contains("It is for the right side.")
                .contains("It is a complete code that can be used on a claim.");

        assertThat(plainDesignations(fhir.get(LOOKUP).as(Parameters.class))).as("guests").isEmpty();

        explanations.save("editor@example.org", "icd10cm", "S72.001A", "A broken hip bone, **right side**, first visit.");
        explanations.publish("editor@example.org", "icd10cm", "S72.001A", explanations.revisions("icd10cm", "S72.001A").get(0).id());
        List<ParametersParameterComponent> editor = plainDesignations(fhir.get(LOOKUP, bearer).as(Parameters.class));
        assertThat(editor).hasSize(1);
        assertThat(((Coding) part(editor.get(0), "use").getValue()).getDisplay()).contains("source: editor");
        assertThat(part(editor.get(0), "value").getValue().primitiveValue()).isEqualTo("A broken hip bone, right side, first visit.");
        explanations.unpublish("icd10cm", "S72.001A");
    }

    private static List<ParametersParameterComponent> plainDesignations(Parameters lookup) {
        return lookup.getParameter().stream().filter(p -> p.getName().equals("designation"))
                .filter(p -> part(p, "use").getValue() instanceof Coding c && "plain-language".equals(c.getCode())).toList();
    }

    private static ParametersParameterComponent part(ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }
}
