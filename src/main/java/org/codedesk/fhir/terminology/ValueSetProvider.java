package org.codedesk.fhir.terminology;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.Release;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionComponent;
import org.springframework.beans.factory.annotation.Value;
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

/**
 * {@code ValueSet}: read and search the named value sets, and {@code $expand} (by url or by id) with paging
 * ({@code offset}, {@code count}: 100 by default, at most 1,000) and a text {@code filter} answered by the search
 * module, so lay words, abbreviations and misspellings find codes as on the site. A filtered expansion holds the
 * {@value #FILTER_LIMIT} best matches, best first; an unfiltered one lists codes in book order.
 */
@Component
public class ValueSetProvider implements IResourceProvider {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;
    static final int FILTER_LIMIT = 100;

    private final Catalog catalog;
    private final org.codedesk.search.Search search;
    private final TerminologyReleases releases;
    private final CodeSystemProvider codeSystems;
    private final String fhirBase;

    ValueSetProvider(Catalog catalog, org.codedesk.search.Search search, TerminologyReleases releases, CodeSystemProvider codeSystems,
                     @Value("${codedesk.base-url}") String baseUrl) {
        this.catalog = catalog;
        this.search = search;
        this.releases = releases;
        this.codeSystems = codeSystems;
        this.fhirBase = baseUrl.replaceAll("/+$", "") + "/fhir";
    }

    @Override
    public Class<ValueSet> getResourceType() {
        return ValueSet.class;
    }

    @Read
    public ValueSet read(@IdParam IdType id) {
        return ValueSetDefinition.ofId(id.getIdPart(), fhirBase).map(ValueSetDefinition::resource)
                .orElseThrow(() -> new ResourceNotFoundException("No ValueSet " + id.getIdPart() + " here; the ids are the code system"
                        + " (icd10cm: all codes) and the code system with -billable (icd10cm-billable)."));
    }

    @Search
    public List<ValueSet> search(@OptionalParam(name = ValueSet.SP_URL) UriParam url) {
        return ValueSetDefinition.named(fhirBase).stream().filter(d -> url == null || d.url().equals(url.getValue()))
                .map(ValueSetDefinition::resource).toList();
    }

    @Operation(name = "$expand", idempotent = true)
    public ValueSet expand(@OperationParam(name = "url") UriType url,
                           @OperationParam(name = "valueSet") ValueSet inline,
                           @OperationParam(name = "filter") StringType filter,
                           @OperationParam(name = "date") DateTimeType date,
                           @OperationParam(name = "offset") IntegerType offset,
                           @OperationParam(name = "count") IntegerType count,
                           @OperationParam(name = "system-version") UriType systemVersion) {
        if (inline != null) {
            throw new InvalidRequestException("Expanding a value set sent in the request is not supported; name one by url.");
        }
        String canonical = TerminologyReleases.text(url);
        if (canonical == null) {
            throw new InvalidRequestException("Name the value set to expand (parameter url), e.g. " + FhirCodeSystem.ICD10CM.url() + "?fhir_vs");
        }
        ValueSetDefinition definition = ValueSetDefinition.ofUrl(canonical, fhirBase).orElseThrow(() -> new ResourceNotFoundException(
                "CodeDesk has no value set " + canonical + ". It expands [system]?fhir_vs, [system]?fhir_vs=isa/[code] and "
                        + fhirBase + "/ValueSet/[icd10cm|icd10pcs|hcpcs|cpt]-billable."));
        return expand(definition, filter, date, offset, count, systemVersion);
    }

    @Operation(name = "$expand", idempotent = true)
    public ValueSet expandById(@IdParam IdType id,
                               @OperationParam(name = "filter") StringType filter,
                               @OperationParam(name = "date") DateTimeType date,
                               @OperationParam(name = "offset") IntegerType offset,
                               @OperationParam(name = "count") IntegerType count,
                               @OperationParam(name = "system-version") UriType systemVersion) {
        ValueSetDefinition definition = ValueSetDefinition.ofId(id.getIdPart(), fhirBase)
                .orElseThrow(() -> new ResourceNotFoundException("No ValueSet " + id.getIdPart() + " here."));
        return expand(definition, filter, date, offset, count, systemVersion);
    }

    /**
     * Whether a code is in the value set: of its system, below its isa code, valid in the release in force (or of
     * {@code systemVersion}); headers only where the value set is not the billable one and {@code abstract=true}.
     */
    @Operation(name = "$validate-code", idempotent = true)
    public org.hl7.fhir.r4.model.Parameters validateCode(@OperationParam(name = "url") UriType url,
                                                        @OperationParam(name = "code") org.hl7.fhir.r4.model.CodeType code,
                                                        @OperationParam(name = "system") UriType system,
                                                        @OperationParam(name = "systemVersion") StringType systemVersion,
                                                        @OperationParam(name = "display") StringType display,
                                                        @OperationParam(name = "coding") org.hl7.fhir.r4.model.Coding coding,
                                                        @OperationParam(name = "date") DateTimeType date,
                                                        @OperationParam(name = "abstract") org.hl7.fhir.r4.model.BooleanType abstractAllowed) {
        String canonical = TerminologyReleases.text(url);
        if (canonical == null) {
            throw new InvalidRequestException("Name the value set (parameter url), e.g. " + fhirBase + "/ValueSet/icd10cm-billable");
        }
        ValueSetDefinition definition = ValueSetDefinition.ofUrl(canonical, fhirBase)
                .orElseThrow(() -> new ResourceNotFoundException("CodeDesk has no value set " + canonical + "."));
        return validateIn(definition, code, system, systemVersion, display, coding, date, abstractAllowed);
    }

    @Operation(name = "$validate-code", idempotent = true)
    public org.hl7.fhir.r4.model.Parameters validateCodeById(@IdParam IdType id,
                                                            @OperationParam(name = "code") org.hl7.fhir.r4.model.CodeType code,
                                                            @OperationParam(name = "system") UriType system,
                                                            @OperationParam(name = "systemVersion") StringType systemVersion,
                                                            @OperationParam(name = "display") StringType display,
                                                            @OperationParam(name = "coding") org.hl7.fhir.r4.model.Coding coding,
                                                            @OperationParam(name = "date") DateTimeType date,
                                                            @OperationParam(name = "abstract") org.hl7.fhir.r4.model.BooleanType abstractAllowed) {
        ValueSetDefinition definition = ValueSetDefinition.ofId(id.getIdPart(), fhirBase)
                .orElseThrow(() -> new ResourceNotFoundException("No ValueSet " + id.getIdPart() + " here."));
        return validateIn(definition, code, system, systemVersion, display, coding, date, abstractAllowed);
    }

    private org.hl7.fhir.r4.model.Parameters validateIn(ValueSetDefinition definition, org.hl7.fhir.r4.model.CodeType code, UriType system,
                                                       StringType systemVersion, StringType display, org.hl7.fhir.r4.model.Coding coding,
                                                       DateTimeType date, org.hl7.fhir.r4.model.BooleanType abstractAllowed) {
        CodeSystemProvider.Concept concept = CodeSystemProvider.Concept.of(code, system, coding, display);
        String key = definition.system().system().key(concept.code());
        String outside = concept.system() != null && !concept.system().equals(definition.system().url())
                ? concept.system() + " is not the code system of " + definition.title() + " (" + definition.system().url() + ")"
                : definition.isA() != null && !key.startsWith(definition.isA())
                ? definition.system().system().display(key) + " is not " + definition.system().system().display(definition.isA()) + " or below it"
                : null;
        if (outside != null) {
            org.hl7.fhir.r4.model.Parameters out = new org.hl7.fhir.r4.model.Parameters();
            out.addParameter("result", false);
            out.addParameter("message", outside + ": not in the value set.");
            return out;
        }
        boolean headers = !definition.billableOnly() && abstractAllowed != null && abstractAllowed.booleanValue();
        return codeSystems.validate(definition.system(), TerminologyReleases.text(systemVersion), TerminologyReleases.date(date),
                new CodeSystemProvider.Concept(definition.system().url(), concept.code(), concept.display()), headers);
    }

    private ValueSet expand(ValueSetDefinition definition, StringType filter, DateTimeType date, IntegerType offsetParam,
                            IntegerType countParam, UriType systemVersion) {
        int offset = offsetParam == null || offsetParam.getValue() == null ? 0 : offsetParam.getValue();
        int count = countParam == null || countParam.getValue() == null ? DEFAULT_COUNT : countParam.getValue();
        if (offset < 0 || count < 0 || count > MAX_COUNT) {
            throw new InvalidRequestException("offset must be 0 or more and count between 0 and " + MAX_COUNT + ".");
        }
        LocalDate day = TerminologyReleases.date(date);
        Release release = releases.release(definition.system(), version(definition.system(), systemVersion), day);
        LocalDate on = releases.dayOf(release, day);
        String text = TerminologyReleases.text(filter);
        String prefix = definition.isA() == null ? "" : definition.isA();
        List<CodeSummary> codes;
        int total;
        if (text == null) {
            total = catalog.countCodes(release, prefix, definition.billableOnly());
            codes = catalog.codes(release, prefix, definition.billableOnly(), offset, count);
        } else {
            List<org.codedesk.search.Search.Hit> hits = search.search(new org.codedesk.search.Search.Request(text, release.system(), definition.billableOnly(), null, null, on, FILTER_LIMIT))
                    .hits().stream().filter(h -> release.system().key(h.code()).startsWith(prefix)).toList();
            total = hits.size();
            codes = hits.stream().skip(offset).limit(count)
                    .map(h -> new CodeSummary(h.system(), h.system().key(h.code()), h.code(), h.title(), h.billable())).toList();
        }
        ValueSet result = definition.resource();
        ValueSetExpansionComponent expansion = result.getExpansion();
        expansion.setIdentifier("urn:uuid:" + UUID.randomUUID());
        expansion.setTimestamp(new Date());
        expansion.setTotal(total);
        expansion.setOffset(offset);
        expansion.addParameter().setName("version").setValue(new UriType(definition.system().url() + "|" + release.version()));
        expansion.addParameter().setName("offset").setValue(new IntegerType(offset));
        expansion.addParameter().setName("count").setValue(new IntegerType(count));
        if (text != null) {
            expansion.addParameter().setName("filter").setValue(new StringType(text));
        }
        for (CodeSummary code : codes) {
            var contains = expansion.addContains().setSystem(definition.system().url()).setVersion(release.version()).setCode(code.code())
                    .setDisplay(code.title());
            if (!code.billable()) {
                contains.setAbstract(true);
            }
        }
        return result;
    }

    /** The version asked for by {@code system-version} ("[system]|[version]") for this system, else null. */
    private static String version(FhirCodeSystem system, UriType systemVersion) {
        String value = TerminologyReleases.text(systemVersion);
        if (value == null) {
            return null;
        }
        int bar = value.indexOf('|');
        if (bar < 0) {
            throw new InvalidRequestException("system-version takes the form [system]|[version].");
        }
        return value.substring(0, bar).equals(system.url()) ? value.substring(bar + 1) : null;
    }
}
