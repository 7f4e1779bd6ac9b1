package org.codedesk.fhir.terminology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.Release;
import org.codedesk.edits.Edits;
import org.codedesk.edits.EditsRelease;
import org.codedesk.edits.GemMapping;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
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
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code ConceptMap}: the GEMs, read and searched, and {@code $translate} between ICD-9-CM and ICD-10-CM/PCS. Without
 * a map url the maps are chosen by {@code system} and {@code targetsystem}; {@code reverse=true} finds the codes
 * that map to the code. Identical-meaning GEM lines are "equivalent"; approximate and combination lines "inexact"
 * (a combination needs one code from each choice list together, as the message says); "no map" lines give no match.
 * The resources carry no elements (the files hold over 100,000 lines): translate code by code. Reading and searching
 * the maps is public; {@code $translate} is for members, like the GEMs on the code pages.
 */
@Component
public class ConceptMapProvider implements IResourceProvider {

    private final Edits edits;
    private final Catalog catalog;
    private final String fhirBase;
    private final PlanRules plans;

    ConceptMapProvider(Edits edits, Catalog catalog, PlanRules plans, @Value("${codedesk.base-url}") String baseUrl) {
        this.edits = edits;
        this.catalog = catalog;
        this.plans = plans;
        this.fhirBase = baseUrl.replaceAll("/+$", "") + "/fhir";
    }

    @Override
    public Class<ConceptMap> getResourceType() {
        return ConceptMap.class;
    }

    @Read
    public ConceptMap read(@IdParam IdType id) {
        return GemMap.ofId(id.getIdPart()).map(this::resource).orElseThrow(() -> new ResourceNotFoundException("No ConceptMap "
                + id.getIdPart() + " here; the GEMs are " + String.join(", ", Arrays.stream(GemMap.values()).map(GemMap::id).toList()) + "."));
    }

    @Search
    public List<ConceptMap> search(@OptionalParam(name = ConceptMap.SP_URL) UriParam url) {
        return Arrays.stream(GemMap.values()).map(this::resource).filter(m -> url == null || m.getUrl().equals(url.getValue())).toList();
    }

    /** The GEM lines of a code: member content, as on the code pages and {@code /api/v1/gems} (a guest gets 401). */
    @Operation(name = "$translate", idempotent = true)
    public Parameters translate(@OperationParam(name = "url") UriType url,
                                @OperationParam(name = "conceptMapVersion") StringType conceptMapVersion,
                                @OperationParam(name = "code") CodeType code,
                                @OperationParam(name = "system") UriType system,
                                @OperationParam(name = "coding") Coding coding,
                                @OperationParam(name = "targetsystem") UriType targetSystem,
                                @OperationParam(name = "reverse") BooleanType reverse,
                                HttpServletRequest request) {
        plans.requireMember(request, "GEMs (ConceptMap/$translate)");
        CodeSystemProvider.Concept concept = CodeSystemProvider.Concept.of(code, system, coding, null);
        boolean backwards = reverse != null && reverse.booleanValue();
        String target = TerminologyReleases.text(targetSystem);
        List<GemMap> maps = maps(TerminologyReleases.text(url), concept.system(), target, backwards);
        Parameters out = new Parameters();
        List<String> notes = new ArrayList<>();
        int matches = 0;
        for (GemMap map : maps) {
            String from = backwards ? map.targetSystem() : map.sourceSystem();
            String to = backwards ? map.sourceSystem() : map.targetSystem();
            Optional<EditsRelease> release = release(map, TerminologyReleases.text(conceptMapVersion));
            if (release.isEmpty()) {
                notes.add(map.dataset().title() + (conceptMapVersion == null ? "" : " " + conceptMapVersion.getValue())
                        + ": not loaded on this server.");
                continue;
            }
            String key = map.fileForm(from, concept.code());
            for (GemMapping line : edits.gems(map.dataset(), key, !backwards, release.get().effectiveFrom())) {
                String other = backwards ? line.source() : line.target();
                String shown = map.fhirForm(to, other);
                if (line.noMap()) {
                    notes.add(release.get().citation() + ": no map for " + map.fhirForm(from, key) + ".");
                    continue;
                }
                var match = out.addParameter().setName("match");
                match.addPart().setName("equivalence").setValue(new CodeType(line.approximate() || line.combination() ? "inexact" : "equivalent"));
                match.addPart().setName("concept").setValue(new Coding(to, shown, display(map, to, other)));
                match.addPart().setName("source").setValue(new UriType(url(map)));
                notes.add(shown + ": " + line.flagsInWords() + " (" + release.get().citation() + ")");
                matches++;
            }
        }
        out.getParameter().add(0, new Parameters.ParametersParameterComponent().setName("result").setValue(new BooleanType(matches > 0)));
        out.getParameter().add(1, new Parameters.ParametersParameterComponent().setName("message").setValue(new StringType(
                matches == 0 && notes.isEmpty() ? "The GEMs list no line for " + concept.code() + "." : String.join(" ", notes))));
        return out;
    }

    /** The GEM release of the version asked for, else the newest (GEMs do not expire: the last ones are FY2018's). */
    private Optional<EditsRelease> release(GemMap map, String version) {
        return version == null ? edits.gemRelease(map.dataset(), LocalDate.now())
                : edits.releases(map.dataset()).stream().filter(r -> r.version().equalsIgnoreCase(version)).findFirst();
    }

    /** The maps a request names: by url, else every GEM from the code's system (to the target system, when given). */
    private List<GemMap> maps(String url, String system, String target, boolean backwards) {
        if (url != null) {
            return List.of(Arrays.stream(GemMap.values()).filter(m -> url(m).equals(url.split("\\|")[0])).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException("No ConceptMap " + url + " here.")));
        }
        if (system == null) {
            throw new InvalidRequestException("Name the code's system (system or coding.system) or the map (url).");
        }
        List<GemMap> maps = Arrays.stream(GemMap.values())
                .filter(m -> (backwards ? m.targetSystem() : m.sourceSystem()).equals(system))
                .filter(m -> target == null || (backwards ? m.sourceSystem() : m.targetSystem()).equals(target)).toList();
        if (maps.isEmpty()) {
            throw new InvalidRequestException("No GEM translates from " + system + (target == null ? "" : " to " + target)
                    + ". The GEMs map between " + FhirCodeSystem.ICD9CM + " and " + FhirCodeSystem.ICD10CM.url() + " or "
                    + FhirCodeSystem.ICD10PCS.url() + ".");
        }
        return maps;
    }

    /** The ICD-10 title from the release in force today (ICD-9-CM titles are not held). */
    private String display(GemMap map, String system, String fileCode) {
        if (system.equals(FhirCodeSystem.ICD9CM)) {
            return null;
        }
        return catalog.releaseInForce(map.icd10(), LocalDate.now()).flatMap((Release r) -> catalog.summary(r, fileCode))
                .map(CodeSummary::title).orElse(null);
    }

    private String url(GemMap map) {
        return fhirBase + "/ConceptMap/" + map.id();
    }

    private ConceptMap resource(GemMap map) {
        ConceptMap resource = new ConceptMap();
        resource.setId(map.id());
        resource.setUrl(url(map));
        resource.setName(map.dataset().title().replaceAll("[^A-Za-z0-9]", ""));
        resource.setTitle(map.dataset().title());
        resource.setPublisher("Centers for Medicare & Medicaid Services (General Equivalence Mappings), public domain");
        resource.setSource(new UriType(map.sourceSystem() + "?fhir_vs"));
        resource.setTarget(new UriType(map.targetSystem() + "?fhir_vs"));
        Optional<EditsRelease> release = edits.gemRelease(map.dataset(), LocalDate.now());
        resource.setStatus(release.isPresent() ? PublicationStatus.ACTIVE : PublicationStatus.UNKNOWN);
        release.ifPresent(r -> {
            resource.setVersion(r.version());
            resource.setDate(Date.from(r.importedAt()));
        });
        resource.setDescription(release.map(r -> r.citation() + ", " + r.rowCount() + " lines. ").orElse("Not loaded on this server. ")
                + "Translate a code with $translate; the lines are not listed in the resource.");
        resource.addGroup().setSource(map.sourceSystem()).setTarget(map.targetSystem());
        return resource;
    }
}
