package org.codedesk.fhir.terminology;

import java.util.Date;
import java.util.List;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemHierarchyMeaning;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.springframework.stereotype.Component;

/**
 * The CodeSystem resource of each code set CodeDesk serves, describing its newest loaded release. Concepts are not
 * listed in the resource (tens of thousands): they are reached through $lookup, $validate-code and $expand.
 */
@Component
class CodeSystemResources {

    private final Catalog catalog;
    private final TerminologyReleases releases;

    CodeSystemResources(Catalog catalog, TerminologyReleases releases) {
        this.catalog = catalog;
        this.releases = releases;
    }

    List<org.hl7.fhir.r4.model.CodeSystem> all() {
        return java.util.Arrays.stream(FhirCodeSystem.values()).map(this::resource).toList();
    }

    org.hl7.fhir.r4.model.CodeSystem resource(FhirCodeSystem fhir) {
        CodeSystem system = fhir.system();
        var resource = new org.hl7.fhir.r4.model.CodeSystem();
        resource.setId(fhir.id());
        resource.setUrl(fhir.url());
        resource.setName(system.title().replaceAll("[^A-Za-z0-9]", ""));
        resource.setTitle(system.title());
        resource.setPublisher(system.publisher());
        resource.setCaseSensitive(false);
        resource.setValueSet(fhir.url() + "?fhir_vs");
        resource.setContent(CodeSystemContentMode.NOTPRESENT);
        resource.setHierarchyMeaning(CodeSystemHierarchyMeaning.ISA);
        List<Release> loaded = releases.loaded(fhir);
        if (loaded.isEmpty()) {
            resource.setStatus(PublicationStatus.UNKNOWN);
            resource.setDescription(TerminologyReleases.notLoaded(system));
        } else {
            Release newest = loaded.get(loaded.size() - 1);
            resource.setStatus(PublicationStatus.ACTIVE);
            resource.setVersion(newest.version());
            resource.setDate(Date.from(newest.importedAt()));
            resource.setCount(catalog.countCodes(newest, "", false));
            resource.setDescription(system.title() + " as loaded on this CodeDesk server. Versions: " + String.join(", ", loaded.stream()
                    .map(r -> r.version() + " (in force from " + r.effectiveFrom() + ")").toList())
                    + ". Pass version, or date for the release in force on a date of service; the newest is described here.");
        }
        resource.setCopyright(system == CodeSystem.CPT
                ? "CPT is copyright American Medical Association. All rights reserved. Descriptors are served only from the licensed file the operator imported."
                : system.title() + " is a work of the US government (" + system.publisher() + "), in the public domain.");
        property(resource, "parent", PropertyType.CODE, "The code directly above in the hierarchy.");
        property(resource, "child", PropertyType.CODE, "A code directly below in the hierarchy.");
        property(resource, "billable", PropertyType.BOOLEAN, "Whether the code may be reported on a claim (false for ICD-10 headers).");
        property(resource, "notSelectable", PropertyType.BOOLEAN, "A header used for navigation, not reportable.");
        property(resource, "inactive", PropertyType.BOOLEAN, "Always false: only codes of the release asked for are looked up.");
        property(resource, "releaseNotImported", PropertyType.STRING, "Present when the release in force on the date asked for is not"
                + " imported here: the sentence that says so and which older release answered.");
        if (system == CodeSystem.ICD10CM) {
            for (String note : List.of("inclusionTerm", "includes", "excludes1", "excludes2", "codeFirst", "useAdditionalCode", "codeAlso",
                    "notes", "seventhCharacterNote")) {
                property(resource, note, PropertyType.STRING, "Tabular instructional note (" + note + "), at the code or inherited from above"
                        + " (the property's description says from where).");
            }
            property(resource, "seventhCharacter", PropertyType.STRING, "A 7th character that applies, with its meaning.");
        }
        if (system == CodeSystem.ICD10PCS) {
            property(resource, "pcsAxis", PropertyType.STRING, "The meaning of one character: position, axis, value and its name.");
        }
        if (system == CodeSystem.HCPCS) {
            property(resource, "coverageCode", PropertyType.STRING, "Each field of the HCPCS record is a property named after its label"
                    + " (coverageCode, pricingIndicator...), with its value and meaning.");
        }
        return resource;
    }

    private static void property(org.hl7.fhir.r4.model.CodeSystem resource, String code, PropertyType type, String description) {
        resource.addProperty().setCode(code).setType(type).setDescription(description);
    }
}
