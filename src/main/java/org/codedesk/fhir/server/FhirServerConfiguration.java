package org.codedesk.fhir.server;

import java.util.List;

import org.codedesk.fhir.terminology.CodeSystemProvider;
import org.codedesk.fhir.terminology.ConceptMapProvider;
import org.codedesk.fhir.terminology.ValueSetProvider;
import org.codedesk.metering.CodePageViews;
import org.codedesk.metering.Viewers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ca.uhn.fhir.context.FhirContext;

/** Mounts the FHIR terminology server at {@code /fhir/*} (beside Spring MVC, behind the same security filters). */
@Configuration
@ConditionalOnWebApplication
class FhirServerConfiguration {

    @Bean
    ServletRegistrationBean<TerminologyServer> fhirServlet(CodeSystemProvider codeSystems, ValueSetProvider valueSets,
                                                          ConceptMapProvider conceptMaps, CodePageViews quotas, Viewers viewers,
                                                          TerminologyCapabilitiesResource terminologyCapabilities) {
        // the R4 context is costly to build and safe to share: the cached one serves every server in the JVM
        TerminologyServer server = new TerminologyServer(FhirContext.forR4Cached(), List.of(codeSystems, valueSets, conceptMaps),
                List.of(new FhirCallMeter(quotas, viewers), new CapabilityStatementDetails(), new UnreadableParameters(),
                        new DatabaseUnavailable()), terminologyCapabilities);
        ServletRegistrationBean<TerminologyServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
