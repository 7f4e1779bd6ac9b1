package org.codedesk.fhir.terminology;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeStatus;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code CodeSystem}: read and search the four code systems, and the operations {@code $lookup},
 * {@code $validate-code} and {@code $subsumes}. Codes are accepted in any spelling ("i214", "I21.4") and returned
 * as coders write them. A version picks a release; otherwise the date of service (today when absent) does.
 */
@Component
public class CodeSystemProvider implements IResourceProvider {

    private final Catalog catalog;
    private final TerminologyReleases releases;
    private final CodeSystemResources resources;
    private final PlanRules plans;

    private final org.codedesk.content.Explanations explanations;

    CodeSystemProvider(Catalog catalog, TerminologyReleases releases, CodeSystemResources resources, PlanRules plans,
                       org.codedesk.content.Explanations explanations) {
        this.explanations = explanations;
        this.catalog = catalog;
        this.releases = releases;
        this.resources = resources;
        this.plans = plans;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.CodeSystem> getResourceType() {
        return org.hl7.fhir.r4.model.CodeSystem.class;
    }

    @Read
    public org.hl7.fhir.r4.model.CodeSystem read(@IdParam IdType id) {
        return FhirCodeSystem.ofId(id.getIdPart()).map(resources::resource)
                .orElseThrow(() -> new ResourceNotFoundException("No CodeSystem " + id.getIdPart() + " here; the ids are icd10cm, icd10pcs, hcpcs and cpt."));
    }

    @Search
    public List<org.hl7.fhir.r4.model.CodeSystem> search(@OptionalParam(name = org.hl7.fhir.r4.model.CodeSystem.SP_URL) UriParam url) {
        return resources.all().stream().filter(cs -> url == null || cs.getUrl().equals(url.getValue())).toList();
    }

    /**
     * A code's page as properties: counted as a view of that code page (the caller's plan decides how many per period;
     * over it, 403). Everything given here the code page shows guests too; what it shows members only (edits, fee
     * schedule, GEMs, coverage) is not part of {@code $lookup}, except the plain-language explanation: a member gets it as a
     * designation of its own use (the editors' published one, else the one generated from the official definitions).
     */
    @Operation(name = "$lookup", idempotent = true)
    public Parameters lookup(@OperationParam(name = "code") CodeType code,
                             @OperationParam(name = "system") UriType system,
                             @OperationParam(name = "version") StringType version,
                             @OperationParam(name = "coding") Coding coding,
                             @OperationParam(name = "date") DateTimeType date,
                             @OperationParam(name = "property", max = OperationParam.MAX_UNLIMITED) List<CodeType> properties,
                             HttpServletRequest request, HttpServletResponse response) {
        Concept concept = Concept.of(code, system, coding, null);
        FhirCodeSystem fhir = releases.system(concept.system());
        Release release = releases.release(fhir, TerminologyReleases.text(version), TerminologyReleases.date(date));
        // the quota first: a caller over it costs one indexed lookup, not a page
        var found = catalog.find(fhir.system(), concept.code(), releases.dayOf(release, TerminologyReleases.date(date)))
                .orElseThrow(() -> new ResourceNotFoundException(notInRelease(fhir.system(), concept.code(), release)));
        plans.view(found, request, response);
        CodePage page = page(fhir, release, found.code(), TerminologyReleases.date(date))
                .orElseThrow(() -> new ResourceNotFoundException(notInRelease(fhir.system(), concept.code(), release)));
        Set<String> wanted = new LinkedHashSet<>();
        if (properties != null) {
            properties.forEach(p -> wanted.add(p.getValue()));
        }
        Parameters out = ConceptProperties.lookup(fhir, page, wanted);
        if (request.getUserPrincipal() != null) {
            PlainLanguageDesignation.add(out, page, explanations.published(page.system().slug(), page.code()));
        }
        return out;
    }

    @Operation(name = "$validate-code", idempotent = true)
    public Parameters validateCode(@OperationParam(name = "url") UriType url,
                                   @OperationParam(name = "system") UriType system,
                                   @OperationParam(name = "code") CodeType code,
                                   @OperationParam(name = "version") StringType version,
                                   @OperationParam(name = "display") StringType display,
                                   @OperationParam(name = "coding") Coding coding,
                                   @OperationParam(name = "date") DateTimeType date,
                                   @OperationParam(name = "abstract") BooleanType abstractAllowed) {
        Concept concept = Concept.of(code, url != null && url.hasValue() ? url : system, coding, display);
        return validate(releases.system(concept.system()), TerminologyReleases.text(version), TerminologyReleases.date(date), concept,
                abstractAllowed != null && abstractAllowed.booleanValue());
    }

    /**
     * The answer of $validate-code for a concept of a code system (also for ValueSet/$validate-code): valid when the
     * release in force (or of the version) has the code billable, or as a header when headers are allowed, and the
     * display, if sent, is the official long or short description.
     */
    Parameters validate(FhirCodeSystem fhir, String version, LocalDate day, Concept concept, boolean headerAllowed) {
        CodeSystem codeSystem = fhir.system();
        Release release = releases.release(fhir, version, day);
        String key = codeSystem.key(concept.code());
        LocalDate on = releases.dayOf(release, day);
        CodeStatus status = catalog.status(codeSystem, List.of(key), on).get(key);
        // a version named by the client is its choice; a date (or today) gets the release in force, or says which older one answered
        org.codedesk.catalog.Currency currency = catalog.currency(codeSystem, on);
        String stale = (version == null || version.isBlank()) && currency.stale() ? " " + currency.sentence() : "";
        Parameters out = new Parameters();
        boolean header = status.validity() == CodeStatus.Validity.NOT_BILLABLE && codeSystem != CodeSystem.HCPCS;
        if (status.validity() == CodeStatus.Validity.VALID || (header && headerAllowed)) {
            Optional<CodePage> page = concept.display() == null ? Optional.empty() : page(fhir, release, key, day);
            String official = page.map(ConceptProperties::display)
                    .orElseGet(() -> catalog.summary(release, key).map(s -> s.title()).orElse(null));
            if (page.isPresent() && !displayMatches(concept.display(), page.get())) {
                out.addParameter("result", false);
                out.addParameter("message", "The display \"" + concept.display() + "\" is not the official one for " + codeSystem.display(key)
                        + " in " + release.label() + ": \"" + official + "\".");
            } else {
                out.addParameter("result", true);
                out.addParameter("message", (header ? status.detail() + "; accepted because abstract=true" : status.detail()) + stale);
            }
            if (official != null) {
                out.addParameter("display", official);
            }
            return out;
        }
        out.addParameter("result", false);
        out.addParameter("message", why(codeSystem, key, status) + stale);
        return out;
    }

    @Operation(name = "$subsumes", idempotent = true)
    public Parameters subsumes(@OperationParam(name = "codeA") CodeType codeA,
                               @OperationParam(name = "codeB") CodeType codeB,
                               @OperationParam(name = "system") UriType system,
                               @OperationParam(name = "version") StringType version,
                               @OperationParam(name = "codingA") Coding codingA,
                               @OperationParam(name = "codingB") Coding codingB) {
        Concept a = Concept.of(codeA, system, codingA, null);
        Concept b = Concept.of(codeB, system, codingB, null);
        FhirCodeSystem fhir = releases.system(a.system());
        if (!fhir.url().equals(releases.system(b.system()).url())) {
            throw new InvalidRequestException("codeA and codeB must be of the same code system.");
        }
        CodeSystem codeSystem = fhir.system();
        Release release = releases.release(fhir, TerminologyReleases.text(version), null);
        String keyA = codeSystem.key(a.code());
        String keyB = codeSystem.key(b.code());
        var statuses = catalog.status(codeSystem, List.of(keyA, keyB), release.effectiveFrom());
        for (String key : List.of(keyA, keyB)) {
            if (statuses.get(key).validity() == CodeStatus.Validity.NOT_IN_RELEASE) {
                throw new InvalidRequestException(notInRelease(codeSystem, key, release));
            }
        }
        // ICD-10-CM and ICD-10-PCS are hierarchical by their characters; HCPCS and CPT are flat lists
        boolean hierarchical = codeSystem == CodeSystem.ICD10CM || codeSystem == CodeSystem.ICD10PCS;
        String outcome = keyA.equals(keyB) ? "equivalent"
                : hierarchical && keyB.startsWith(keyA) ? "subsumes"
                : hierarchical && keyA.startsWith(keyB) ? "subsumed-by"
                : "not-subsumed";
        Parameters out = new Parameters();
        out.addParameter("outcome", new CodeType(outcome));
        return out;
    }

    private Optional<CodePage> page(FhirCodeSystem fhir, Release release, String code, LocalDate day) {
        return catalog.page(fhir.system(), code, releases.dayOf(release, day));
    }


    private static boolean displayMatches(String display, CodePage page) {
        String given = normal(display);
        return given.equals(normal(page.longDescription())) || given.equals(normal(page.shortDescription()));
    }

    private static String normal(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private String why(CodeSystem system, String key, CodeStatus status) {
        if (!system.isWellFormed(key)) {
            return "\"" + key + "\" is not a well-formed " + system.title() + " code; " + status.detail() + ".";
        }
        if (status.validity() == CodeStatus.Validity.NOT_IN_RELEASE) {
            String replaced = catalog.former(system, key).filter(f -> !f.replacedBy().isEmpty())
                    .map(f -> "; replaced by " + String.join(", ", f.replacedBy())).orElse("");
            return system.display(key) + " is " + status.detail() + replaced + ".";
        }
        return system.display(key) + ": " + status.detail() + ".";
    }

    private static String notInRelease(CodeSystem system, String code, Release release) {
        return system.display(system.key(code)) + " is not a code of " + release.label() + ".";
    }

    /** A code given as code + system or as a Coding, with its display when one was sent. */
    record Concept(String system, String code, String display) {

        static Concept of(CodeType code, UriType system, Coding coding, StringType display) {
            String c = TerminologyReleases.text(code);
            String s = TerminologyReleases.text(system);
            String d = TerminologyReleases.text(display);
            if (coding != null) {
                c = c == null ? coding.getCode() : c;
                s = s == null ? coding.getSystem() : s;
                d = d == null ? coding.getDisplay() : d;
            }
            if (c == null || c.isBlank()) {
                throw new InvalidRequestException("Give the code to look at (parameter code, or coding).");
            }
            return new Concept(s, c.trim(), d == null || d.isBlank() ? null : d);
        }
    }
}
