package org.codedesk.catalog.plain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodePage.PcsCharacter;
import org.codedesk.catalog.PlainLanguage.Sentence;

/**
 * ICD-10-PCS in plain words, from the meaning of each character of the code (the tables) and the PCS definitions:
 * what was done (the root operation, worded from its official definition), to which part (the body part value), how the
 * site was reached (the approach, worded from its definition), what device or substance, and the qualifier. A root
 * operation or approach not in the wording lists below is explained by its official definition, quoted.
 * 0DTJ4ZZ: "The appendix was cut out and removed entirely, through small incisions using a scope."
 */
final class PcsExplainer {

    /**
     * Root operations (PCS definitions, "Operation" axis) in everyday words; {@code %s} is the part ("the appendix").
     * Each paraphrases the official definition named in the comment of the group and says nothing the definition does not.
     */
    static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("Alteration", "%s was changed in shape to improve how it looks, not how it works"),
            Map.entry("Bypass", "the contents of %s were sent along a new path"),
            Map.entry("Change", "a device in %s was taken out and a same or similar one put back, without cutting the skin"),
            Map.entry("Control", "bleeding in %s was stopped, or the doctor tried to stop it"),
            Map.entry("Creation", "a new %s was made, as close as possible to one that is missing"),
            Map.entry("Destruction", "all or part of %s was destroyed with energy, force or a chemical, and none of it was taken out"),
            Map.entry("Detachment", "all or part of %s was cut off"),
            Map.entry("Dilation", "%s was widened"),
            Map.entry("Division", "%s was cut to separate it, without draining anything"),
            Map.entry("Drainage", "fluid or gas was drained out of %s"),
            Map.entry("Excision", "a part of %s was cut out, without putting anything in its place"),
            Map.entry("Extirpation", "solid matter, such as a clot or stone, was taken out of %s"),
            Map.entry("Extraction", "all or part of %s was pulled or stripped out by force"),
            Map.entry("Fragmentation", "solid matter in %s was broken into pieces"),
            Map.entry("Fusion", "%s was joined together so that it no longer moves"),
            Map.entry("Insertion", "a device was put into %s to watch, help, do or stop a body function, without taking the place of a body part"),
            Map.entry("Inspection", "%s was looked at or felt to check it"),
            Map.entry("Map", "the paths of the electrical signals in %s, or the areas that do each job, were found"),
            Map.entry("Occlusion", "%s was closed off completely"),
            Map.entry("Reattachment", "%s was put back in place and attached again"),
            Map.entry("Release", "%s was freed from something holding it too tight, by cutting or by force"),
            Map.entry("Removal", "a device was taken out of %s"),
            Map.entry("Repair", "%s was fixed to bring back, as much as possible, its normal shape and function"),
            Map.entry("Replacement", "all or part of %s was replaced with new material that takes its place"),
            Map.entry("Reposition", "all or part of %s was moved back to its normal place, or to another suitable place"),
            Map.entry("Resection", "%s was cut out and removed entirely"),
            Map.entry("Restriction", "%s was partly closed off"),
            Map.entry("Revision", "a device in %s that was not working properly, or had moved, was fixed"),
            Map.entry("Supplement", "material was added to %s to make it stronger or help it work"),
            Map.entry("Transfer", "%s was moved to take over the job of a nearby part, still attached to its blood and nerve supply"),
            Map.entry("Transplantation", "%s was replaced, in whole or part, with a living part from another person or an animal"),
            // Obstetrics
            Map.entry("Abortion", "a pregnancy (%s) was ended by medical means"),
            Map.entry("Delivery", "%s (the baby and the afterbirth) were helped out through the birth canal"),
            // Placement
            Map.entry("Compression", "pressure was put on %s"),
            Map.entry("Dressing", "a dressing was put on %s to protect it"),
            Map.entry("Immobilization", "%s was kept from moving"),
            Map.entry("Packing", "material was packed into %s"),
            Map.entry("Traction", "%s was pulled on, away from the body"),
            // Administration
            Map.entry("Introduction", "a substance was put into or on %s"),
            Map.entry("Irrigation", "%s was rinsed with a cleansing fluid"),
            Map.entry("Transfusion", "blood or blood products were given into %s"),
            // Measurement and monitoring
            Map.entry("Measurement", "a reading of %s was taken once"),
            Map.entry("Monitoring", "%s was checked again and again over a period of time"),
            // Extracorporeal assistance and performance
            Map.entry("Assistance", "a machine outside the body took over part of the work of %s"),
            Map.entry("Performance", "a machine outside the body took over all of the work of %s"),
            Map.entry("Restoration", "a machine outside the body was used to try to get %s working normally again"),
            // Imaging (section B, "Type" axis): short wordings of the definitions the page used to quote
            Map.entry("Plain Radiography", "an X-ray picture was taken of %s"),
            Map.entry("Fluoroscopy", "%s was watched in moving X-ray pictures on a screen"),
            Map.entry("Computerized Tomography (CT Scan)", "%s was scanned with many X-ray pictures put together by a computer"),
            Map.entry("Magnetic Resonance Imaging (MRI)", "%s was scanned with a strong magnet and radio waves"),
            Map.entry("Ultrasonography", "pictures of %s were made with sound waves"),
            // Nuclear medicine (section C): a radioactive tracer is put into the body and its signals caught
            Map.entry("Planar Nuclear Medicine Imaging", "a radioactive tracer was put into the body to make flat pictures of %s"),
            Map.entry("Tomographic (Tomo) Nuclear Medicine Imaging", "a radioactive tracer was put into the body to make 3-D pictures of %s"),
            Map.entry("Positron Emission Tomographic (PET) Imaging", "a tracer was put into the body to make 3-D pictures of %s with a PET scanner"),
            Map.entry("Nonimaging Nuclear Medicine Uptake", "a radioactive tracer was put into the body to measure how much of it %s took up"),
            Map.entry("Nonimaging Nuclear Medicine Probe", "a radioactive tracer was put into the body, and a probe measured its signal from %s"),
            Map.entry("Nonimaging Nuclear Medicine Assay", "a radioactive tracer was put into the body, and samples from %s were tested for it"),
            Map.entry("Systemic Nuclear Medicine Therapy", "a radioactive drug was put into the body to treat %s"),
            // Radiation therapy (section D)
            Map.entry("Beam Radiation", "%s was treated with beams of radiation from outside the body"),
            Map.entry("Brachytherapy", "%s was treated with a radioactive source put inside or next to it"),
            Map.entry("Stereotactic Radiosurgery", "%s was treated with finely aimed radiation"));

    /** Approaches (PCS definitions, "Approach" axis) as a clause of the first sentence. */
    static final Map<String, String> APPROACHES = Map.of(
            "Open", "through a cut that opened up the area",
            "Percutaneous", "through the skin, with a needle or a small cut",
            "Percutaneous Endoscopic", "through small incisions using a scope",
            "Via Natural or Artificial Opening", "through a natural body opening or a surgically made one",
            "Via Natural or Artificial Opening Endoscopic", "through a natural body opening or a surgically made one, using a scope",
            "Via Natural or Artificial Opening With Percutaneous Endoscopic Assistance",
            "through a body opening, helped by a scope put in through small incisions",
            "External", "on the skin or from outside the body, without cutting");

    private PcsExplainer() {
    }

    static List<Sentence> explain(CodePage page) {
        List<Sentence> out = new ArrayList<>();
        List<PcsCharacter> chars = page.pcsCharacters();
        if (page.key().length() < 7 || chars.size() < 7) {
            out.add(new Sentence("This is only the start of a procedure code, not a complete one: a procedure code has all 7 characters.",
                    "code", page.code()));
            return out;
        }
        PcsCharacter section = at(chars, 1);
        PcsCharacter operation = at(chars, 3);
        PcsCharacter part = at(chars, 4);
        PcsCharacter approach = at(chars, 5);
        PcsCharacter device = at(chars, 6);
        PcsCharacter qualifier = at(chars, 7);
        String partNoun = part == null ? "the body" : "the " + Phrases.noun(part.meaning()) + systemNoun(part);
        String template = operation == null ? null : OPERATIONS.get(operation.meaning());
        String how = approach == null ? null : APPROACHES.get(approach.meaning());
        if (template != null) {
            // "%s was" agrees with a plural part ("the sinuses were treated", "the renal veins on both sides were scanned")
            String agreed = template.startsWith("%s was ") && plural(partNoun) ? "%s were " + template.substring("%s was ".length()) : template;
            String what = agreed.contains("%s") ? String.format(agreed, partNoun) : agreed;
            // one sentence only when it stays short: a sentence of 13 words or more alone is above grade 8 with these words
            // (the "The appendix was cut out and removed entirely, through small incisions using a scope." is 9.3),
            // so the approach usually gets a sentence of its own
            boolean together = how != null && words(what) + words(how) <= 10;
            out.add(new Sentence(Phrases.sentence(what + (together ? ", " + how : "")),
                    "pcs:" + operation.axis() + " + " + (part == null ? "" : part.axis()) + (together ? " + " + approach.axis() : ""),
                    operation.meaning() + " | " + (part == null ? "" : part.meaning()) + (together ? " | " + approach.meaning() : "")));
            if (how != null && !together) {
                out.add(new Sentence(Phrases.sentence((approach.meaning().equals("External") ? "It was done " : "It was reached ") + how),
                        "pcs:" + approach.axis(), approach.meaning()));
            }
        } else if (operation != null) {
            out.add(new Sentence(Phrases.sentence(Phrases.lower(section == null ? "" : section.meaning()) + " procedure on " + partNoun
                    + ": " + Phrases.lower(operation.meaning())), "pcs:" + operation.axis() + " + " + (part == null ? "" : part.axis()),
                    operation.meaning() + " | " + (part == null ? "" : part.meaning())));
            definition(page, operation).ifPresent(d -> out.add(new Sentence(Phrases.sentence(operation.meaning() + " means "
                    + lowerFirst(Phrases.clause(d))), "pcs:definition of " + operation.meaning(), d)));
        }
        if (approach != null && how == null && !isNone(approach.meaning())) {
            out.add(new Sentence(Phrases.sentence((approach.axis().equals("Contrast") ? "Contrast dye used: " : "How it was done: ")
                    + Phrases.lower(approach.meaning())), "pcs:" + approach.axis(), approach.meaning()));
        }
        if (device != null && !isNone(device.meaning())) {
            out.add(new Sentence(Phrases.sentence(deviceLead(operation, device) + Abbreviations.spellOut(Phrases.noun(device.meaning()))),
                    "pcs:" + device.axis(), device.meaning()));
        }
        if (qualifier != null && !isNone(qualifier.meaning())) {
            out.add(new Sentence(qualifierSentence(operation, qualifier), "pcs:" + qualifier.axis(), qualifier.meaning()));
        }
        return out;
    }

    private static String deviceLead(PcsCharacter operation, PcsCharacter device) {
        String op = operation == null ? "" : operation.meaning();
        if (!device.axis().startsWith("Device")) {
            return Phrases.lower(device.axis()).replace(" / ", " or ") + ": ";
        }
        return switch (op) {
            case "Removal" -> "The device taken out: ";
            case "Revision" -> "The device fixed: ";
            case "Change" -> "The device changed: ";
            case "Insertion" -> "The device put in: ";
            default -> "A device stays in the body afterwards: ";
        };
    }

    private static String qualifierSentence(PcsCharacter operation, PcsCharacter qualifier) {
        String q = qualifier.meaning();
        if (q.equals("Diagnostic")) {
            return "It was done to take a sample for testing (diagnostic).";
        }
        if (operation != null && operation.meaning().equals("Bypass") && qualifier.axis().startsWith("Qualifier")) {
            return Phrases.sentence("The new path leads to the " + Phrases.noun(q));
        }
        return Phrases.sentence("More detail: " + Abbreviations.spellOut(Phrases.noun(q)));
    }

    private static Optional<String> definition(CodePage page, PcsCharacter character) {
        return page.pcsDefinitions().stream().filter(d -> d.term().equals(character.meaning()) && d.definition() != null)
                .map(CodePage.PcsDefinition::definition).findFirst();
    }

    /**
     * " system" after a body-system value that is only an adjective ("Male Reproductive" → "the male reproductive system"),
     * where the 4th character names a body system; empty otherwise.
     */
    static String systemNoun(PcsCharacter part) {
        String meaning = part.meaning().strip();
        return part.axis().contains("System") && !meaning.contains(",") && meaning.matches("(?i).*(ive|ary|al|ic|ous|ory|atic|etal)$")
                ? " system" : "";
    }

    /** Whether the part's head noun is plural: it ends in "s" but not in "ss", "us", "is" (the pelvis, the thymus). */
    static boolean plural(String partNoun) {
        String head = partNoun.replace(" on both sides", "").replace(" system", "").strip().toLowerCase(java.util.Locale.ROOT);
        return head.endsWith("s") && !head.endsWith("ss") && !head.endsWith("us") && !head.endsWith("is");
    }

    static boolean isNone(String meaning) {
        return meaning == null || meaning.startsWith("No ") || meaning.equals("None");
    }

    static PcsCharacter at(List<PcsCharacter> chars, int position) {
        return chars.stream().filter(c -> c.position() == position).findFirst().orElse(null);
    }

    private static int words(String text) {
        return text.split("\\s+").length;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
