package org.codedesk.fhir.terminology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * The {@code $lookup} answer for one code page: name, version, display, the short description as a designation, and
 * the properties a coder reads on the page (parent, children, billable, every instructional note with where it is
 * attached, 7th characters, PCS axes, HCPCS record fields). {@code wanted} limits the properties (empty: all).
 */
final class ConceptProperties {

    /** SNOMED CT "Synonym": how the official short (abbreviated) description is given as a designation. */
    static final Coding SHORT_DESCRIPTION = new Coding("http://snomed.info/sct", "900000000000013009", "Synonym");

    private ConceptProperties() {
    }

    static Parameters lookup(FhirCodeSystem fhir, CodePage page, Set<String> wanted) {
        Parameters out = new Parameters();
        out.addParameter("name", fhir.system().title());
        out.addParameter("version", page.release().version());
        out.addParameter("display", display(page));
        if (page.shortDescription() != null && !page.shortDescription().isBlank()
                && (fhir.system() != CodeSystem.CPT || page.descriptorLicensed())) {
            ParametersParameterComponent designation = out.addParameter().setName("designation");
            designation.addPart().setName("language").setValue(new CodeType("en"));
            designation.addPart().setName("use").setValue(SHORT_DESCRIPTION.copy());
            designation.addPart().setName("value").setValue(new StringType(page.shortDescription()));
        }
        List<Property> properties = new ArrayList<>();
        parent(page).ifPresent(parent -> properties.add(new Property("parent", new CodeType(parent), null)));
        page.children().forEach(child -> properties.add(new Property("child", new CodeType(child.code()), child.title())));
        properties.add(new Property("billable", new BooleanType(page.billable()), page.billable() ? "reportable on a claim"
                : "a header: report one of the codes below it"));
        properties.add(new Property("notSelectable", new BooleanType(!page.billable()), null));
        properties.add(new Property("inactive", new BooleanType(false), null));
        if (page.currency() != null && page.currency().stale()) {
            properties.add(new Property("releaseNotImported", new StringType(page.currency().sentence()), null));
        }
        for (CodePage.Note note : page.notes()) {
            String where = note.inherited() ? "from " + note.ownerCode() + (note.ownerTitle() == null ? "" : " " + note.ownerTitle()) : null;
            properties.add(new Property(camel(note.kind()), new StringType(note.fullText()), where == null ? note.kindLabel() : note.kindLabel() + ", " + where));
        }
        for (CodePage.SeventhCharacter seventh : page.seventhCharacters()) {
            properties.add(new Property("seventhCharacter", new StringType(seventh.character() + ": " + seventh.meaning()),
                    seventh.completeCode() == null ? null : "makes " + seventh.completeCode()));
        }
        for (CodePage.PcsCharacter character : page.pcsCharacters()) {
            properties.add(new Property("pcsAxis", new StringType(character.position() + " " + character.axis() + ": " + character.value()
                    + " " + character.meaning()), null));
        }
        for (CodePage.Attribute attribute : page.attributes()) {
            String value = attribute.meaning() == null || attribute.meaning().isBlank() ? attribute.value() : attribute.value() + " (" + attribute.meaning() + ")";
            properties.add(new Property(camel(attribute.label()), new StringType(value), attribute.label()));
        }
        for (Property p : properties) {
            if (wanted.isEmpty() || wanted.contains(p.code)) {
                ParametersParameterComponent property = out.addParameter().setName("property");
                property.addPart().setName("code").setValue(new CodeType(p.code));
                property.addPart().setName("value").setValue(p.value);
                if (p.description != null) {
                    property.addPart().setName("description").setValue(new StringType(p.description));
                }
            }
        }
        return out;
    }

    /** The official title: the long description (CPT's only from the licensed file), else the short one. */
    static String display(CodePage page) {
        if (page.system() == CodeSystem.CPT && !page.descriptorLicensed()) {
            return null;
        }
        return page.longDescription() != null && !page.longDescription().isBlank() ? page.longDescription() : page.shortDescription();
    }

    /** The nearest code above (not a chapter or section heading): the last step of the breadcrumb that is a code page. */
    private static java.util.Optional<String> parent(CodePage page) {
        for (int i = page.breadcrumb().size() - 1; i >= 0; i--) {
            CodePage.Crumb crumb = page.breadcrumb().get(i);
            if (crumb.url() != null && crumb.url().startsWith("/codes/")) {
                return java.util.Optional.of(crumb.code());
            }
        }
        return java.util.Optional.empty();
    }

    /** "USE_ADDITIONAL_CODE" and "Coverage code" become "useAdditionalCode" and "coverageCode". */
    static String camel(String words) {
        String[] parts = words.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    private record Property(String code, Type value, String description) { }
}
