package org.codedesk.fhir.terminology;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/**
 * Turns the system, version and date parameters of a terminology operation into the catalog release that answers
 * it, or the error (as an OperationOutcome, by HAPI) that says plainly why none does.
 */
@Component
public class TerminologyReleases {

    private final Catalog catalog;

    TerminologyReleases(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The code system named by a canonical URL; 400 when none is given, 404 when it is not one CodeDesk serves. */
    public FhirCodeSystem system(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException("Name the code system (parameter system or url), e.g. " + FhirCodeSystem.ICD10CM.url());
        }
        return FhirCodeSystem.ofUrl(url).orElseThrow(() -> new ResourceNotFoundException("CodeDesk does not serve the code system " + url
                + ". It serves " + String.join(", ", java.util.Arrays.stream(FhirCodeSystem.values()).map(FhirCodeSystem::url).toList()) + "."));
    }

    /** The release of the version asked for, else the one in force on the date (today when none is given). */
    public Release release(FhirCodeSystem fhir, String version, LocalDate date) {
        CodeSystem system = fhir.system();
        List<Release> loaded = catalog.releases(system).stream().filter(r -> r.has("codes")).toList();
        if (loaded.isEmpty()) {
            throw new ResourceNotFoundException(notLoaded(system));
        }
        if (version != null && !version.isBlank()) {
            return loaded.stream().filter(r -> r.version().equalsIgnoreCase(version.trim())).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(system.title() + " version " + version + " is not loaded. Loaded versions: "
                            + String.join(", ", loaded.stream().map(Release::version).toList()) + "."));
        }
        LocalDate on = date == null ? LocalDate.now() : date;
        return catalog.releaseInForce(system, on).orElseThrow(() -> new ResourceNotFoundException(catalog.noReleaseSentence(system, on)));
    }

    /**
     * The date of service that selects {@code release} in the catalog: the one asked for (today when none) when that
     * release is in force on it, else the release's effective date (a version asked for by name).
     */
    public LocalDate dayOf(Release release, LocalDate day) {
        LocalDate asked = day == null ? LocalDate.now() : day;
        return catalog.releaseInForce(release.system(), asked).filter(r -> r.id() == release.id()).isPresent() ? asked : release.effectiveFrom();
    }

    /** The newest release with codes, for describing a code system; empty when none is loaded. */
    public Optional<Release> newest(FhirCodeSystem fhir) {
        List<Release> loaded = catalog.releases(fhir.system()).stream().filter(r -> r.has("codes")).toList();
        return loaded.isEmpty() ? Optional.empty() : Optional.of(loaded.get(loaded.size() - 1));
    }

    public List<Release> loaded(FhirCodeSystem fhir) {
        return catalog.releases(fhir.system()).stream().filter(r -> r.has("codes")).toList();
    }

    static String notLoaded(CodeSystem system) {
        return system == CodeSystem.CPT
                ? "CPT is not loaded on this server: its descriptors are the AMA's and come only from a licensed file the operator imports."
                : "No " + system.title() + " release is loaded on this server.";
    }

    /** A FHIR date or dateTime parameter ("2026", "2026-03", "2026-03-15", "2026-03-15T10:00:00Z") as the day it starts. */
    public static LocalDate date(IPrimitiveType<?> value) {
        if (value == null || value.getValueAsString() == null || value.getValueAsString().isBlank()) {
            return null;
        }
        String text = value.getValueAsString().trim();
        try {
            return switch (text.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1);
                case 7 -> LocalDate.parse(text + "-01");
                default -> LocalDate.parse(text.substring(0, Math.min(10, text.length())));
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidRequestException("The date " + text + " is not a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD).");
        }
    }

    /** A parameter's text, or null when absent or blank. */
    public static String text(IPrimitiveType<?> value) {
        return value == null || value.getValueAsString() == null || value.getValueAsString().isBlank() ? null : value.getValueAsString().trim();
    }
}
