package org.codedesk.fhir.server;

import java.util.Date;
import java.util.List;

import org.codedesk.catalog.Release;
import org.codedesk.fhir.terminology.FhirCodeSystem;
import org.codedesk.fhir.terminology.TerminologyReleases;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.TerminologyCapabilities;
import org.hl7.fhir.r4.model.TerminologyCapabilities.CapabilityStatementKind;
import org.springframework.stereotype.Component;

/** The answer to {@code metadata?mode=terminology}: the code systems and versions loaded, and what the operations support. */
@Component
class TerminologyCapabilitiesResource {

    private final TerminologyReleases releases;

    TerminologyCapabilitiesResource(TerminologyReleases releases) {
        this.releases = releases;
    }

    TerminologyCapabilities build(String serverBase) {
        TerminologyCapabilities capabilities = new TerminologyCapabilities();
        capabilities.setStatus(PublicationStatus.ACTIVE);
        capabilities.setDate(new Date());
        capabilities.setKind(CapabilityStatementKind.INSTANCE);
        capabilities.setName("CodeDeskTerminologyCapabilities");
        capabilities.setTitle("CodeDesk terminology capabilities");
        capabilities.setPublisher("CodeDesk");
        capabilities.getSoftware().setName("CodeDesk");
        capabilities.getImplementation().setDescription("CodeDesk FHIR R4 terminology service").setUrl(serverBase);
        for (FhirCodeSystem system : FhirCodeSystem.values()) {
            var entry = capabilities.addCodeSystem().setUri(system.url());
            List<Release> loaded = releases.loaded(system);
            for (int i = 0; i < loaded.size(); i++) {
                entry.addVersion().setCode(loaded.get(i).version()).setIsDefault(i == loaded.size() - 1).setCompositional(false);
            }
        }
        capabilities.getExpansion().setHierarchical(false).setPaging(true).setIncomplete(false)
                .setTextFilter("filter is matched as on CodeDesk's search: codes, words, lay terms, abbreviations and misspellings;"
                        + " the best " + 100 + " matches, best first.");
        capabilities.getValidateCode().setTranslations(false);
        capabilities.getTranslation().setNeedsMap(false);
        capabilities.getClosure().setTranslation(false);
        return capabilities;
    }
}
