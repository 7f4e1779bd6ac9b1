package org.codedesk.catalog.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.PlainLanguage;
import org.codedesk.catalog.PlainLanguage.Sentence;
import org.junit.jupiter.api.Test;

/** Each system's explainer on hand-written pages, the check against contradictions, and the reading grade. */
class PlainLanguageWriterTest {

    private static final String[] APPENDECTOMY = {"Section", "Medical and Surgical", "Body System", "Gastrointestinal System",
            "Operation", "Resection", "Body Part", "Appendix", "Approach", "Percutaneous Endoscopic", "Device", "No Device",
            "Qualifier", "No Qualifier"};

    @Test
    void aLaparoscopicAppendectomyInPlainWords() {
        CodePage page = Pages.of(CodeSystem.ICD10PCS, "0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach")
                .pcs(APPENDECTOMY).page();
        PlainLanguage plain = PlainLanguageWriter.write(page);
        assertThat(plain.source()).isEqualTo("generated");
        assertThat(plain.label()).isEqualTo("Written by CodeDesk from the official definitions");
        assertThat(plain.text()).isEqualTo("The appendix was cut out and removed entirely. It was reached through small incisions using a scope.");
        assertThat(plain.sentences()).extracting(Sentence::field).containsExactly("pcs:Operation + Body Part", "pcs:Approach");
        assertThat(plain.sentences()).extracting(Sentence::value).containsExactly("Resection | Appendix", "Percutaneous Endoscopic");
        assertThat(PlainLanguageCheck.problems(page, plain)).isEmpty();
        assertThat(plain.readingGrade()).isLessThanOrEqualTo(8);
    }

    @Test
    void pcsDevicesSidesQualifiersAndLongSentencesSplit() {
        CodePage removal = Pages.of(CodeSystem.ICD10PCS, "0TP030Z", "Removal of Drainage Device from Right Kidney, Percutaneous Approach")
                .pcs("Section", "Medical and Surgical", "Body System", "Urinary System", "Operation", "Removal", "Body Part", "Kidney, Right",
                        "Approach", "Percutaneous", "Device", "Drainage Device", "Qualifier", "No Qualifier").page();
        PlainLanguage plain = PlainLanguageWriter.write(removal);
        assertThat(plain.text()).startsWith("A device was taken out of the right kidney. It was reached through the skin, with a needle or a small cut.")
                .contains("The device taken out: drainage device.").doesNotContain("stays in the body");
        assertThat(PlainLanguageCheck.problems(removal, plain)).isEmpty();

        CodePage biopsy = Pages.of(CodeSystem.ICD10PCS, "0DB68ZX", "Excision of Stomach, Via Opening Endoscopic, Diagnostic")
                .pcs("Section", "Medical and Surgical", "Body System", "Gastrointestinal System", "Operation", "Excision", "Body Part", "Stomach",
                        "Approach", "Via Natural or Artificial Opening Endoscopic", "Device", "No Device", "Qualifier", "Diagnostic").page();
        List<Sentence> sentences = PlainLanguageWriter.write(biopsy).sentences();
        // the operation and the approach together would be too long a sentence: the approach gets its own
        assertThat(sentences).extracting(Sentence::text).containsExactly(
                "A part of the stomach was cut out, without putting anything in its place.",
                "It was reached through a natural body opening or a surgically made one, using a scope.",
                "It was done to take a sample for testing (diagnostic).");
        assertThat(sentences).extracting(Sentence::field).containsExactly("pcs:Operation + Body Part", "pcs:Approach", "pcs:Qualifier");
    }

    @Test
    void aPcsRootOperationWithoutWordingIsExplainedByItsOfficialDefinition() {
        Pages fixture = Pages.of(CodeSystem.ICD10PCS, "6A750ZZ", "Electromagnetic Therapy").pcs("Section", "Extracorporeal or Systemic Therapies",
                "Body System", "Physiological Systems", "Operation", "Electromagnetic Therapy", "Body System", "Urinary", "Duration",
                "Single", "Qualifier", "No Qualifier", "Qualifier", "No Qualifier");
        fixture.definitions.add(new CodePage.PcsDefinition("Operation", "Electromagnetic Therapy", "Extracorporeal treatment by electromagnetic rays",
                null, null, "FY2026"));
        PlainLanguage plain = PlainLanguageWriter.write(fixture.page());
        assertThat(plain.text()).contains("Electromagnetic Therapy means extracorporeal treatment by electromagnetic rays.");
        assertThat(plain.sentences()).anyMatch(s -> s.field().equals("pcs:definition of Electromagnetic Therapy"));
    }

    @Test
    void anInjuryCodeSaysItsSideAndItsSeventhCharacterAndIsComplete() {
        CodePage page = Pages.of(CodeSystem.ICD10CM, "S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture")
                .seventh("A", "initial encounter for closed fracture", true).seventh("D", "subsequent encounter for closed fracture with routine healing", false)
                .index("Fracture, traumatic > femur, femoral > neck > right")
                .note("EXCLUDES1", "traumatic amputation of hip and thigh (S78.-)", "S72")
                .note("EXCLUDES2", "fracture of lower leg and ankle (S82.-)", "S72")
                .note("CODE_ALSO", "any associated open wound", "Chapter 19").page();
        PlainLanguage plain = PlainLanguageWriter.write(page);
        assertThat(plain.text())
                .contains("This code means: Fracture of unspecified part of neck of right femur, initial encounter for closed fracture.")
                .contains("It is a complete code that can be used on a claim.")
                .contains("It is for the right side.")
                .contains("The 7th character A means initial encounter for closed fracture: the patient is getting active treatment for it.")
                .contains("Never code it together with: traumatic amputation of hip and thigh (S78.-).")
                .contains("Not part of this code (both may be coded): fracture of lower leg and ankle (S82.-).")
                .contains("Index words that lead here: Fracture, traumatic, femur, femoral, neck, right.")
                // the chapter's note is counted, not repeated
                .contains("The chapter and block add 1 more note. It is on this page.").doesNotContain("open wound");
        assertThat(plain.sentences()).extracting(Sentence::field).contains("title", "billable", "title (laterality)", "seventhCharacter",
                "excludes1", "excludes2", "index");
        assertThat(PlainLanguageCheck.problems(page, plain)).isEmpty();
    }

    @Test
    void aHeaderSaysItIsNotCompleteAndThatA7thCharacterIsNeeded() {
        CodePage page = Pages.of(CodeSystem.ICD10CM, "S72.001", "Fracture of unspecified part of neck of left femur").header(3)
                .seventh("A", "initial encounter for closed fracture", false).page();
        PlainLanguage plain = PlainLanguageWriter.write(page);
        assertThat(plain.text()).contains("It is a heading, not a complete code: use one of the 3 more exact codes under it.")
                .contains("It is for the left side.").contains("A 7th character must be added").doesNotContain("can be used on a claim");
        assertThat(PlainLanguageCheck.problems(page, plain)).isEmpty();
    }

    @Test
    void acuityAndSpelledOutAbbreviations() {
        CodePage page = Pages.of(CodeSystem.ICD10CM, "J96.21", "Acute and chronic respiratory failure with hypoxia").page();
        assertThat(PlainLanguageWriter.write(page).text()).contains("It covers both a sudden (acute) and a long-lasting (chronic) form.");
        CodePage nos = Pages.of(CodeSystem.ICD10CM, "B20", "Human immunodeficiency virus [HIV] disease")
                .note("INCLUSION_TERM", "AIDS", "B20").note("INCLUSION_TERM", "HIV infection NOS", "B20").page();
        String text = PlainLanguageWriter.write(nos).text();
        assertThat(text).containsOnlyOnce("HIV (human immunodeficiency virus)").contains("AIDS (acquired immune deficiency syndrome)")
                .contains("HIV infection not otherwise specified").doesNotContain("NOS");
        assertThat(Abbreviations.unexplained(text)).isEmpty();
        // a stage is not an abbreviation: "IV" is not "into a vein" in a title
        assertThat(PlainLanguageWriter.write(Pages.of(CodeSystem.ICD10CM, "N18.4", "Chronic kidney disease, stage 4 (severe)").page()).text())
                .contains("It is for a long-lasting (chronic) problem.");
    }

    @Test
    void initialismsInBracketsNameTheWordsBeforeThemAndOthersAreSpelledOut() {
        // the official titles spell an initialism out before it: "... improvised explosive device [IED]" needs nothing more
        assertThat(Abbreviations.unexplained("War operations involving explosion of improvised explosive device [IED].")).isEmpty();
        assertThat(Abbreviations.unexplained("National Institutes of Health Stroke Scale (NIHSS) score 5.")).isEmpty();
        // one standing alone is unexplained until it is spelled out
        assertThat(Abbreviations.unexplained("Driver of ATV injured.")).containsExactly("ATV");
        String spelled = Abbreviations.spellOut("Driver of ATV injured in collision with other ATV.");
        assertThat(spelled).containsOnlyOnce("ATV (all-terrain vehicle)");
        assertThat(Abbreviations.unexplained(spelled)).isEmpty();
        assertThat(Abbreviations.unexplained("Ectopic TAC syndrome.")).containsExactly("TAC");
    }

    @Test
    void reviewFindingsStayFixed() {
        // "Use additional code" notes read as sentences (found in the review: "Also add a code code, if applicable, ...")
        assertThat(CmExplainer.additionalCode("code, if applicable, to identify specific complication"))
                .isEqualTo("If it applies, also add a code to identify specific complication");
        assertThat(CmExplainer.additionalCode("external cause code to identify place (Y92)")).isEqualTo("Also add an external cause code to identify place (Y92)");
        assertThat(CmExplainer.additionalCode("code (for): from categories E08, E09 and E13 to further identify any manifestation"))
                .isEqualTo("Also add a code from categories E08, E09 and E13 to further identify any manifestation");
        // the Gustilo types keep their numerals; one heading note "applies"; "etc." does not end a sentence
        CodePage page = Pages.of(CodeSystem.ICD10CM, "S52.614C", "Nondisplaced fracture of right ulna styloid process, initial encounter for open fracture type IIIA, IIIB, or IIIC")
                .seventh("C", "initial encounter for open fracture type IIIA, IIIB, or IIIC", true)
                .note("EXCLUDES2", "delayed delivery of second twin, triplet, etc. (O63.2)", "S52")
                .note("NOTES", "a chapter note", "Chapter 19").page();
        String text = PlainLanguageWriter.write(page).text();
        assertThat(text).contains("means initial encounter for open fracture type IIIA, IIIB, or IIIC:")
                .contains("triplet, and so on (O63.2)").contains("add 1 more note. It is on this page.");
        assertThat(Abbreviations.unexplained(text)).isEmpty();
        // "left" the verb is not a side (T81.594S, found in the review)
        CodePage leftIn = Pages.of(CodeSystem.ICD10CM, "T81.594S", "Other complications of foreign body accidentally left in body following endoscopic examination, sequela")
                .seventh("S", "sequela", true).page();
        PlainLanguage plain = PlainLanguageWriter.write(leftIn);
        assertThat(plain.text()).doesNotContain("left side");
        assertThat(PlainLanguageCheck.problems(leftIn, plain)).isEmpty();
    }

    @Test
    void officialValueNamesReadAsRunningText() {
        assertThat(Phrases.noun("Kidney, Right")).isEqualTo("right kidney");
        assertThat(Phrases.noun("Inguinal Region, Bilateral")).isEqualTo("inguinal region on both sides");
        assertThat(Phrases.noun("Hepatic Duct, Common")).isEqualTo("common hepatic duct");
        assertThat(Phrases.noun("Intraluminal Device, Drug-eluting, Four or More")).isEqualTo("four or more drug-eluting intraluminal device");
        assertThat(Phrases.noun("Computerized Tomography (CT Scan)")).isEqualTo("computerized tomography (CT scan)");
    }

    @Test
    void theCheckFindsContradictions() {
        CodePage page = Pages.of(CodeSystem.ICD10CM, "S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture")
                .seventh("A", "initial encounter for closed fracture", true).note("EXCLUDES1", "traumatic amputation of hip (S78.-)", "S72").page();
        List<Sentence> wrong = new ArrayList<>(PlainLanguageWriter.write(page).sentences());
        wrong.replaceAll(s -> s.field().equals("title (laterality)") ? new Sentence("It is for the left side.", s.field(), "left") : s);
        wrong.replaceAll(s -> s.field().equals("seventhCharacter") ? new Sentence("The 7th character D means subsequent encounter.", s.field(), "D") : s);
        wrong.replaceAll(s -> s.field().equals("billable") ? new Sentence("It is a heading, not a complete code.", s.field(), "header") : s);
        wrong.add(new Sentence("It also covers: traumatic amputation of hip.", "inclusionTerm", "traumatic amputation of hip"));
        wrong.add(new Sentence("Code first: Z99.89.", "codeFirst", "Z99.89"));
        List<String> problems = PlainLanguageCheck.problems(page, PlainLanguageWriter.of(wrong));
        assertThat(problems).anyMatch(p -> p.startsWith("laterality")).anyMatch(p -> p.startsWith("7th character"))
                .anyMatch(p -> p.startsWith("kind")).anyMatch(p -> p.startsWith("excludes1")).anyMatch(p -> p.contains("Z99.89"));

        CodePage pcs = Pages.of(CodeSystem.ICD10PCS, "0DTJ4ZZ", "Resection of Appendix").pcs(APPENDECTOMY).page();
        PlainLanguage other = PlainLanguageWriter.of(List.of(new Sentence("The stomach was cut out.", "pcs:Operation + Body Part", "Resection | Stomach")));
        assertThat(PlainLanguageCheck.problems(pcs, other)).anyMatch(p -> p.contains("'Stomach' is not a character"));
    }

    @Test
    void hcpcsDescriptorKindPriceAndCoverageInWords() {
        CodePage page = Pages.of(CodeSystem.HCPCS, "J1100", "Injection, dexamethasone sodium phosphate, 1 mg")
                .attribute("Pricing indicator 1", "51", "Drugs").attribute("Coverage code", "D", "Special coverage instructions apply")
                .attribute("BETOS (Berenson-Eggers type of service)", "O1E", "Other drugs").attribute("Type of service 1", "1", "Medical care")
                .page();
        PlainLanguage plain = PlainLanguageWriter.write(page);
        assertThat(plain.text()).contains("This code is for: Injection, dexamethasone sodium phosphate, 1 milligram.")
                .contains("Kind of service: other drugs.").contains("Medicare counts it as medical care.")
                .contains("It is priced as a drug.").contains("Special Medicare rules say when it is covered.");
        assertThat(plain.readingGrade()).isLessThanOrEqualTo(8);
        assertThat(plain.sentences()).extracting(Sentence::field).containsExactly("longDescription", "hcpcs:betos", "hcpcs:typeOfService",
                "hcpcs:pricingIndicator", "hcpcs:coverageCode");
        assertThat(PlainLanguageCheck.problems(page, plain)).isEmpty();

        CodePage ended = Pages.of(CodeSystem.HCPCS, "A4000", "Old supply, each").attribute("Termination date", "20251231", "2025-12-31").page();
        assertThat(PlainLanguageWriter.write(ended).text()).contains("Old supply, each.").contains("This code has ended. Its last day of use was 2025-12-31");
        // found in the review: "DME (DME (durable medical equipment))", "undefined codes" as a kind of service
        CodePage supply = Pages.of(CodeSystem.HCPCS, "E2340", "Power wheelchair accessory, nonstandard seat frame width, 20-23 inches")
                .attribute("Type of service 1", "A", "Used durable medical equipment (DME)").attribute("Type of service 2", "R", "Rental of DME")
                .attribute("BETOS (Berenson-Eggers type of service)", "Y2", "Undefined codes").page();
        String supplyText = PlainLanguageWriter.write(supply).text();
        assertThat(supplyText).contains("Medicare counts it as used medical equipment and rented medical equipment.").doesNotContain("(DME (")
                .doesNotContain("undefined");
        // a quoted "CC" is the modifier's name, not cubic centimeters
        CodePage modifier = Pages.of(CodeSystem.HCPCS, "CC", "Procedure code change (use 'CC' when the code submitted was changed)").page();
        assertThat(PlainLanguageWriter.write(modifier).text()).contains("(use 'CC' when").contains("A modifier is added to a code");
    }

    @Test
    void pcsImagingInShortWordsAndABodySystemWithItsNoun() {
        CodePage ct = Pages.of(CodeSystem.ICD10PCS, "B52LYZZ", "Computerized Tomography (CT Scan) of Bilateral Renal Veins using Other Contrast")
                .pcs("Section", "Imaging", "Body System", "Veins", "Type", "Computerized Tomography (CT Scan)", "Body Part", "Renal Veins, Bilateral",
                        "Contrast", "Other Contrast", "Qualifier", "None", "Qualifier", "None").page();
        PlainLanguage plain = PlainLanguageWriter.write(ct);
        assertThat(plain.text()).startsWith("The renal veins on both sides were scanned with many X-ray pictures put together by a computer.")
                .contains("Contrast dye used: other contrast.").doesNotContain("means");
        assertThat(PlainLanguageCheck.problems(ct, plain)).isEmpty();
        assertThat(plain.readingGrade()).isLessThanOrEqualTo(8);

        CodePage given = Pages.of(CodeSystem.ICD10PCS, "3E0N305", "Introduction of Other Antineoplastic into Male Reproductive, Percutaneous Approach")
                .pcs("Section", "Administration", "Body System", "Physiological Systems and Anatomical Regions", "Operation", "Introduction",
                        "Body System / Region", "Male Reproductive", "Approach", "Percutaneous", "Substance", "Antineoplastic",
                        "Qualifier", "Other Antineoplastic").page();
        PlainLanguage introduction = PlainLanguageWriter.write(given);
        assertThat(introduction.text()).startsWith("A substance was put into or on the male reproductive system.");
        assertThat(PlainLanguageCheck.problems(given, introduction)).isEmpty();
    }

    @Test
    void aLongHcpcsDescriptorIsCutIntoShortSentencesKeepingEveryWord() {
        String descriptor = "Gauze, impregnated with other than water, normal saline, or hydrogel, sterile, pad size more than 16 sq. in.,"
                + " but less than or equal to 48 sq. in., without adhesive border, each dressing";
        CodePage page = Pages.of(CodeSystem.HCPCS, "A6223", descriptor)
                .attribute("Pricing indicator 1", "35", "Surgical dressings (price subject to floors and ceilings)").page();
        PlainLanguage plain = PlainLanguageWriter.write(page);
        String described = plain.sentences().get(0).text();
        assertThat(described).startsWith("This code is for: Gauze, impregnated with other than water, normal saline, or hydrogel, sterile,")
                .contains("16 square inches, but less than or equal to 48 square inches. Without adhesive border, each dressing.")
                .doesNotContain("square.");
        // every word of the descriptor, in order (square units spelled out)
        String words = HcpcsExplainer.units(descriptor).replaceAll("[^A-Za-z0-9 ]", "").replaceAll("\\s+", " ").toLowerCase();
        assertThat(described.substring("This code is for: ".length()).replaceAll("[^A-Za-z0-9 ]", "").replaceAll("\\s+", " ").toLowerCase())
                .isEqualTo(words);
        assertThat(described.split("\\. ").length).isGreaterThan(1);
        assertThat(plain.text()).contains("It is a surgical dressing. Its price has a floor and a ceiling.");
        // a semicolon always ends a sentence; a short descriptor stays whole
        assertThat(HcpcsExplainer.shortSentences("Incontinence supply; miscellaneous")).containsExactly("Incontinence supply", "miscellaneous");
        assertThat(HcpcsExplainer.shortSentences("Eye pad, non-sterile, each")).containsExactly("Eye pad, non-sterile, each");
        // a list is never cut (a part of fewer than three words before the comma): C7518's "including imaging, supervision, ..."
        assertThat(HcpcsExplainer.shortSentences("Catheter placement in coronary artery for angiography including imaging, supervision,"
                + " interpretation and report")).hasSize(1);
        // commas inside parentheses never cut
        assertThat(HcpcsExplainer.shortSentences("Catheter, guiding (may include infusion, perfusion, or other capability, for the heart and the vessels)"))
                .hasSize(1);
    }

    @Test
    void cptDescriptorsAreNeverReworded() {
        CodePage page = Pages.of(CodeSystem.CPT, "99213", "Office or other outpatient visit of an established patient (licensed text)").page();
        PlainLanguage plain = PlainLanguageWriter.write(page);
        assertThat(plain.text()).doesNotContain("established").contains("does not reword");
        assertThat(PlainLanguageCheck.problems(page, plain)).isEmpty();
    }

    @Test
    void readingGradeAndSyllables() {
        assertThat(ReadingGrade.syllables("appendix")).isEqualTo(3);
        assertThat(ReadingGrade.syllables("removed")).isEqualTo(2);
        assertThat(ReadingGrade.syllables("cause")).isEqualTo(1);
        assertThat(ReadingGrade.syllables("ankle")).isEqualTo(2);
        assertThat(ReadingGrade.syllables("infection")).isEqualTo(3);
        assertThat(ReadingGrade.syllables("anemia")).isEqualTo(4);
        assertThat(ReadingGrade.of("The cat sat on the mat. It was a big cat.")).isLessThan(2);
        assertThat(ReadingGrade.of("Percutaneous endoscopic instrumentation facilitates visualization of intraabdominal structures"
                + " necessitating comprehensive anatomical documentation.")).isGreaterThan(16);
        assertThat(ReadingGrade.of("")).isZero();
    }
}
