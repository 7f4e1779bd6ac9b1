package org.codedesk.catalog.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.codedesk.catalog.DateOfService;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.PublicCptCodes;
import org.codedesk.catalog.Release;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Browsing as coders do in the book: ICD-10-CM chapters, sections, categories; ICD-10-PCS sections, body
 * systems, tables; HCPCS by letter; CPT by its first digit.
 */
@Controller
class BrowseController {

    static final String VIEW = "catalog/browse";
    static final String CPT_VIEW = "catalog/browse-cpt";

    private final Catalog catalog;
    private final ObjectProvider<PublicCptCodes> publicCptCodes;

    BrowseController(Catalog catalog, ObjectProvider<PublicCptCodes> publicCptCodes) {
        this.catalog = catalog;
        this.publicCptCodes = publicCptCodes;
    }

    @GetMapping("/codes")
    String systems(Model model) {
        model.addAttribute("releases", catalog.releases());
        return "catalog/systems";
    }

    @GetMapping("/browse/{system}")
    String top(@PathVariable String system, @RequestParam(required = false) String date, Model model) {
        CodeSystem codeSystem = system(system);
        if (withoutLicensedCpt(codeSystem, date)) {
            return cptSections(null, date, model);
        }
        Release release = release(codeSystem, date);
        model.addAttribute("system", codeSystem);
        model.addAttribute("release", release);
        switch (codeSystem) {
            case ICD10CM -> {
                List<Catalog.Heading> chapters = catalog.headings(release).stream().filter(h -> h.kind().equals("chapter")).toList();
                model.addAttribute("title", codeSystem.title() + " chapters");
                model.addAttribute("headings", chapters);
                model.addAttribute("headingSource", chapters.isEmpty() ? null : chapters.get(0).source());
            }
            case ICD10PCS -> {
                model.addAttribute("title", codeSystem.title() + " sections");
                model.addAttribute("links", pcsLinks(catalog.pcsTables(release), 1));
            }
            default -> {
                model.addAttribute("title", codeSystem.title() + " by " + (codeSystem == CodeSystem.HCPCS ? "letter" : "first digit"));
                model.addAttribute("links", groups(codeSystem, release).entrySet().stream().map(g -> new Link(g.getKey(),
                        g.getValue().size() + " codes, " + g.getValue().get(0).code() + " to " + g.getValue().get(g.getValue().size() - 1).code(),
                        "/browse/" + codeSystem.slug() + "/" + g.getKey())).toList());
            }
        }
        return VIEW;
    }

    @GetMapping("/browse/icd10cm/{kind}/{id}")
    String heading(@PathVariable String kind, @PathVariable String id, @RequestParam(required = false) String date, Model model) {
        Release release = release(CodeSystem.ICD10CM, date);
        List<Catalog.Heading> headings = catalog.headings(release);
        Catalog.Heading heading = headings.stream().filter(h -> h.id().equals(kind + ":" + id)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No ICD-10-CM " + kind + " " + id + "."));
        model.addAttribute("system", CodeSystem.ICD10CM);
        model.addAttribute("release", release);
        model.addAttribute("heading", heading);
        model.addAttribute("title", heading.title());
        model.addAttribute("headingSource", heading.source());
        if (heading.kind().equals("chapter")) {
            model.addAttribute("headings", headings.stream().filter(h -> heading.id().equals(h.parentId())).toList());
        } else {
            model.addAttribute("codes", catalog.topLevel(CodeSystem.ICD10CM, release).stream()
                    .filter(c -> heading.contains(c.key())).toList());
        }
        return VIEW;
    }

    /**
     * CPT without the licensed file: its sections by code range, each with the code numbers the public CMS file in force
     * lists (the PFS relative value file) and the status it gives them; never a descriptor.
     */
    @GetMapping("/browse/cpt/section/{slug}")
    String cptSection(@PathVariable String slug, @RequestParam(required = false) String date, Model model) {
        CptSection section = CptSection.ofSlug(slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No CPT section " + slug + "."));
        return cptSections(section, date, model);
    }

    private String cptSections(CptSection shown, String date, Model model) {
        LocalDate day = DateOfService.parse(date);
        PublicCptCodes.Listing listing = Optional.ofNullable(publicCptCodes.getIfAvailable()).map(p -> p.listed(day))
                .orElse(PublicCptCodes.Listing.NONE);
        Map<CptSection, List<PublicCptCodes.Listed>> bySection = new java.util.EnumMap<>(CptSection.class);
        for (CptSection s : CptSection.values()) {
            bySection.put(s, new java.util.ArrayList<>());
        }
        listing.codes().forEach(c -> CptSection.of(c.code()).ifPresent(s -> bySection.get(s).add(c)));
        model.addAttribute("sections", bySection.entrySet().stream().map(e -> new CptSectionRow(e.getKey().title, e.getKey().range(),
                e.getValue().size(), "/browse/cpt/section/" + e.getKey().slug() + (date == null ? "" : "?date=" + day))).toList());
        model.addAttribute("listing", listing);
        model.addAttribute("section", shown == null ? null : new CptSectionRow(shown.title, shown.range(), bySection.get(shown).size(), null));
        model.addAttribute("codes", shown == null ? List.of() : bySection.get(shown));
        model.addAttribute("statement", CodePages.UNLICENSED_CPT);
        return CPT_VIEW;
    }

    /** A CPT section: name, code range, how many codes the public file lists in it, where it leads. */
    record CptSectionRow(String title, String range, int count, String url) { }

    private boolean withoutLicensedCpt(CodeSystem system, String date) {
        return system == CodeSystem.CPT && catalog.releaseInForce(system, DateOfService.parse(date)).isEmpty();
    }

    /** HCPCS and CPT: the codes of one letter (or first digit), or the modifiers. */
    @GetMapping("/browse/{system:hcpcs|cpt}/{group}")
    String group(@PathVariable String system, @PathVariable String group, @RequestParam(required = false) String date, Model model) {
        CodeSystem codeSystem = system(system);
        Release release = release(codeSystem, date);
        List<CodeSummary> codes = groups(codeSystem, release).get(group);
        if (codes == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + codeSystem.title() + " codes under " + group + ".");
        }
        model.addAttribute("system", codeSystem);
        model.addAttribute("release", release);
        model.addAttribute("title", codeSystem.title() + ": " + (group.equals("modifiers") ? "modifiers" : group + " codes"));
        model.addAttribute("codes", codes);
        return VIEW;
    }

    private Map<String, List<CodeSummary>> groups(CodeSystem system, Release release) {
        return catalog.topLevel(system, release).stream().collect(Collectors.groupingBy(
                c -> c.code().length() == 2 ? "modifiers" : c.code().substring(0, 1), TreeMap::new, Collectors.toList()));
    }

    /** ICD-10-PCS: a section lists its body systems; a body system lists its tables (each opens as in the book). */
    @GetMapping({"/browse/icd10pcs/{section}", "/browse/icd10pcs/{section}/{bodySystem}"})
    String pcs(@PathVariable String section, @PathVariable(required = false) String bodySystem,
               @RequestParam(required = false) String date, Model model) {
        Release release = release(CodeSystem.ICD10PCS, date);
        String prefix = (section + (bodySystem == null ? "" : bodySystem)).toUpperCase();
        List<Catalog.PcsTableHeading> tables = catalog.pcsTables(release).stream().filter(t -> t.code().startsWith(prefix)).toList();
        if (tables.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No ICD-10-PCS tables start with " + prefix + ".");
        }
        model.addAttribute("system", CodeSystem.ICD10PCS);
        model.addAttribute("release", release);
        model.addAttribute("title", bodySystem == null ? tables.get(0).section()
                : tables.get(0).section() + " › " + tables.get(0).bodySystem());
        model.addAttribute("links", pcsLinks(tables, prefix.length() + 1));
        model.addAttribute("headingSource", tables.get(0).source());
        return VIEW;
    }

    /** Links one level down: sections (1), body systems (2) or tables (3), each with its name. */
    private static List<Link> pcsLinks(List<Catalog.PcsTableHeading> tables, int depth) {
        Map<String, Link> links = new java.util.LinkedHashMap<>();
        for (Catalog.PcsTableHeading t : tables) {
            String key = t.code().substring(0, depth);
            links.computeIfAbsent(key, k -> switch (depth) {
                case 1 -> new Link(k, t.section(), "/browse/icd10pcs/" + k);
                case 2 -> new Link(k, t.bodySystem(), "/browse/icd10pcs/" + k.charAt(0) + "/" + k.charAt(1));
                default -> new Link(k, t.operation(), "/codes/icd10pcs/" + k);
            });
        }
        return List.copyOf(links.values());
    }

    /** One line of a browse list: a code, its name, where it leads. */
    record Link(String code, String title, String url) { }

    private Release release(CodeSystem system, String date) {
        LocalDate day = DateOfService.parse(date);
        return catalog.releaseInForce(system, day).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                catalog.noReleaseSentence(system, day)));
    }

    private static CodeSystem system(String slug) {
        return CodeSystem.ofSlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown code system " + slug));
    }
}
