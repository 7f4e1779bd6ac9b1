package org.codedesk.fhir.terminology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.FilterOperator;

/**
 * The value sets CodeDesk can expand: every code of a system (the implicit {@code [system]?fhir_vs}), a code and the
 * codes below it ({@code [system]?fhir_vs=isa/[code]}), and the billable codes of a system
 * ({@code [base]/ValueSet/[system]-billable}).
 *
 * @param isA the key of the code whose descendants are meant (null: the whole system)
 */
record ValueSetDefinition(String id, String url, FhirCodeSystem system, String isA, boolean billableOnly) {

    /** The two named value sets of each system, with their canonical URLs under the server's base. */
    static List<ValueSetDefinition> named(String fhirBase) {
        List<ValueSetDefinition> all = new ArrayList<>();
        for (FhirCodeSystem system : FhirCodeSystem.values()) {
            all.add(new ValueSetDefinition(system.id(), system.url() + "?fhir_vs", system, null, false));
            all.add(new ValueSetDefinition(system.id() + "-billable", fhirBase + "/ValueSet/" + system.id() + "-billable", system, null, true));
        }
        return all;
    }

    static Optional<ValueSetDefinition> ofId(String id, String fhirBase) {
        return named(fhirBase).stream().filter(d -> d.id.equalsIgnoreCase(id)).findFirst();
    }

    static Optional<ValueSetDefinition> ofUrl(String url, String fhirBase) {
        String bare = url.split("\\|")[0].trim();
        Optional<ValueSetDefinition> named = named(fhirBase).stream().filter(d -> d.url.equals(bare)).findFirst();
        if (named.isPresent()) {
            return named;
        }
        int query = bare.indexOf("?fhir_vs=isa/");
        if (query > 0) {
            Optional<FhirCodeSystem> system = FhirCodeSystem.ofUrl(bare.substring(0, query));
            String code = bare.substring(query + "?fhir_vs=isa/".length());
            return system.filter(s -> !code.isBlank()).map(s -> new ValueSetDefinition(null, bare, s, s.system().key(code), false));
        }
        return Optional.empty();
    }

    String title() {
        String name = system.system().title();
        return isA != null ? system.system().display(isA) + " and the " + name + " codes below it"
                : billableOnly ? "Billable " + name + " codes" : "All " + name + " codes";
    }

    ValueSet resource() {
        ValueSet resource = new ValueSet();
        if (id != null) {
            resource.setId(id);
        }
        resource.setUrl(url);
        resource.setName(title().replaceAll("[^A-Za-z0-9]", ""));
        resource.setTitle(title());
        resource.setStatus(PublicationStatus.ACTIVE);
        resource.setPublisher("CodeDesk");
        resource.setDescription(title() + " of the release in force on the date asked (today by default), or of the version asked.");
        var include = resource.getCompose().addInclude().setSystem(system.url());
        if (isA != null) {
            include.addFilter().setProperty("concept").setOp(FilterOperator.ISA).setValue(system.system().display(isA));
        }
        if (billableOnly) {
            include.addFilter().setProperty("billable").setOp(FilterOperator.EQUAL).setValue("true");
        }
        return resource;
    }
}
