package org.codedesk.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The coders' vocabulary the interpreter reads: what it completes, and which words are never "corrected". */
class QueryInterpreterVocabularyTest {

    private final QueryInterpreter interpreter = new QueryInterpreter(Synonyms.load("search/abbreviations.tsv"),
            List.of(Synonyms.load("search/procedure-terms.tsv"), Synonyms.load("search/lay-terms.tsv")));

    @Test
    void coderWordsAreVocabulary() {
        for (String word : List.of("appy", "chole", "lap", "cysto", "cabg", "CABG")) {
            assertThat(interpreter.isVocabulary(word)).as(word).isTrue();
        }
        assertThat(interpreter.isVocabulary("apply")).isFalse();
    }

    @Test
    void vocabularyCompletesWhatWasTypedShortestFirst() {
        assertThat(interpreter.vocabularyCompletions("pink ey", 2)).containsExactly("pink eye");
        assertThat(interpreter.vocabularyCompletions("sore thr", 2)).containsExactly("sore throat");
        assertThat(interpreter.vocabularyCompletions("stro", 2)).first().isEqualTo("stroke");
        assertThat(interpreter.vocabularyCompletions("zzzq", 2)).isEmpty();
    }

    @Test
    void lapAppyIsReadAsALaparoscopicAppendectomyInPcsWords() {
        Interpretation read = interpreter.interpret("lap appy");
        assertThat(read.texts().get(0)).isEqualTo("percutaneous endoscopic resection appendix");
        assertThat(read.notes()).contains("APPY read as \"appendectomy\".");
    }

    @Test
    void theLongestPhraseIsReadFirstWhateverItsList() {
        // "total knee arthroplasty" alone is a procedure (PCS words); after "status post" it is a status, a diagnosis
        assertThat(interpreter.interpret("s/p tka rt").texts().get(0)).isEqualTo("presence of artificial knee joint right");
        assertThat(interpreter.interpret("tka rt").texts().get(0)).isEqualTo("replacement knee joint right");
        assertThat(interpreter.interpret("on insulin").texts().get(0)).isEqualTo("long term current use of insulin");
        assertThat(interpreter.interpret("hx dvt").texts().get(0)).isEqualTo("personal history venous thrombosis");
    }

    @Test
    void sidesStagesAndExacerbationsAsCodersWriteThem() {
        assertThat(interpreter.interpret("lt knee oa").texts().get(0)).isEqualTo("left knee osteoarthritis");
        assertThat(interpreter.interpret("fx rt radius").texts().get(0)).isEqualTo("fracture right radius");
        assertThat(interpreter.interpret("htn ckd3").texts().get(0)).isEqualTo("hypertension chronic kidney disease stage 3");
        assertThat(interpreter.interpret("htn ckd 3").texts().get(0)).isEqualTo("hypertension chronic kidney disease stage 3");
        assertThat(interpreter.interpret("ckd stage iv").texts().get(0)).isEqualTo("chronic kidney disease stage 4");
        assertThat(interpreter.interpret("s/p cabg").texts().get(0)).isEqualTo("status post bypass coronary artery");
        assertThat(interpreter.interpret("bph w/o luts").texts().get(0))
                .isEqualTo("benign prostatic hyperplasia without lower urinary tract symptoms");
        assertThat(interpreter.interpret("copd exac").texts().get(0)).startsWith("chronic obstructive pulmonary disease")
                .endsWith("exacerbation");
    }

    @Test
    void statusesAreReadAsTheIndexNamesThem() {
        assertThat(interpreter.interpret("esrd on dialysis").texts().get(0)).isEqualTo("end stage renal disease dependence on renal dialysis");
        assertThat(interpreter.interpret("dialysis").texts().get(0)).as("the procedure alone").isEqualTo("performance urinary filtration");
        assertThat(interpreter.interpret("long term steroid use").texts().get(0)).isEqualTo("long term current use of systemic steroids");
        assertThat(interpreter.interpret("on eliquis").texts().get(0)).isEqualTo("long term current use of anticoagulants");
        assertThat(interpreter.isVocabulary("eliquis")).as("a drug name is never corrected").isTrue();
        assertThat(interpreter.interpret("s/p cholecystectomy").texts().get(0)).isEqualTo("acquired absence gallbladder");
        assertThat(interpreter.interpret("lt bka status").texts().get(0)).isEqualTo("left below knee acquired absence");
        assertThat(interpreter.interpret("lap chole").texts().get(0)).as("no status: the operation").isEqualTo("percutaneous endoscopic resection gallbladder");
    }

    @Test
    void aDrugAfterOnIsReadAsLongTermUseByTheStatusReadingAlone() {
        // the status reading runs before the phrase lists: "on coumadin" and its kin need no lay-term line of their own
        for (String[] typed : List.of(new String[] {"on coumadin", "anticoagulants"}, new String[] {"on warfarin", "anticoagulants"},
                new String[] {"on anticoagulation", "anticoagulants"}, new String[] {"on anticoagulants", "anticoagulants"},
                new String[] {"on insulin", "insulin"}, new String[] {"on aspirin", "aspirin"}, new String[] {"on steroids", "systemic steroids"})) {
            Interpretation read = interpreter.interpret(typed[0]);
            assertThat(read.texts()).as(typed[0]).containsExactly("long term current use of " + typed[1], typed[0]);
            assertThat(read.notes()).as(typed[0]).containsExactly("\"" + typed[0] + "\" read as \"long term current use of " + typed[1] + "\".");
        }
        assertThat(interpreter.interpret("afib on coumadin").texts().get(0)).isEqualTo("atrial fibrillation long term current use of anticoagulants");
        assertThat(interpreter.vocabularyCompletions("on coum", 2)).containsExactly("on coumadin");
        assertThat(interpreter.isVocabulary("warfarin")).isTrue();
    }

    @Test
    void chronicKidneyDiseaseOnDialysisIsEndStageRenalDisease() {
        // the Tabular's N18.6 lists "chronic kidney disease requiring chronic dialysis"
        assertThat(interpreter.interpret("ckd 5 on dialysis").texts().get(0)).isEqualTo("end stage renal disease dependence on renal dialysis");
        assertThat(interpreter.interpret("ckd stage 5 on dialysis").texts().get(0)).isEqualTo("end stage renal disease dependence on renal dialysis");
        assertThat(interpreter.interpret("htn ckd on hd").texts().get(0))
                .isEqualTo("hypertension end stage renal disease dependence on renal dialysis");
        assertThat(interpreter.interpret("ckd 5").texts().get(0)).as("no dialysis: the stage typed").isEqualTo("chronic kidney disease stage 5");
    }

    @Test
    void uncontrolledDiabetesIsRoutedAsTheIndexRoutesIt() {
        // the index: Diabetes, uncontrolled - meaning hyperglycemia - see Diabetes, by type, with hyperglycemia
        Interpretation dm2 = interpreter.interpret("dm2 uncontrolled");
        assertThat(dm2.texts().get(0)).isEqualTo("type 2 diabetes mellitus with hyperglycemia");
        assertThat(dm2.notes()).anyMatch(n -> n.contains("hypoglycemia"));
        assertThat(interpreter.interpret("poorly controlled diabetes").texts().get(0)).isEqualTo("with hyperglycemia diabetes");
        // no diabetes: not coded (tenth round; as typed it found "uncontrolled fire" codes), see uncontrolledIsCodedOnlyForDiabetes
        assertThat(interpreter.interpret("uncontrolled htn").texts()).containsExactly("hypertension", "uncontrolled htn");
    }

    @Test
    void aTrimesterAndWordsTheTitlesHyphenateAsCodersWriteThem() {
        assertThat(interpreter.interpret("preeclampsia 3rd tri").texts().get(0)).isEqualTo("pre eclampsia third trimester");
        assertThat(interpreter.interpret("g tube insertion").texts().get(0)).isEqualTo("feeding device insertion");
    }

    @Test
    void thePatientsAgeAndSexAreNotSearched() {
        assertThat(interpreter.interpret("67 yo male chest pain").texts().get(0)).isEqualTo("chest pain");
        assertThat(interpreter.interpret("45 y/o f w cough").texts().get(0)).isEqualTo("cough");
        assertThat(interpreter.interpret("67 yo male chest pain").notes()).anyMatch(n -> n.contains("age and sex"));
        assertThat(interpreter.interpret("bmi 35").texts().get(0)).as("a number without an age").isEqualTo("body mass index 35");
        assertThat(interpreter.interpret("pt w/ hx of cva no residuals").texts().get(0)).startsWith("history of").doesNotContain("pt");
        assertThat(interpreter.interpret("pt w/").texts().get(0)).as("nothing else typed").isEqualTo("pt with");
    }

    @Test
    void historyOfAndAMachineDependedOnAsCodersWriteThem() {
        assertThat(interpreter.interpret("h/o lung ca").texts().get(0)).startsWith("history ");
        assertThat(interpreter.interpret("osa on cpap").texts().get(0)).isEqualTo("obstructive sleep apnea dependence on machine");
        assertThat(interpreter.interpret("cpap").texts().get(0)).as("the device alone").isEqualTo("continuous positive airway pressure");
    }

    @Test
    void aConditionToRuleOutIsNotSearched() {
        Interpretation read = interpreter.interpret("cough r/o pna");
        assertThat(read.texts().get(0)).isEqualTo("cough");
        assertThat(read.notes()).anyMatch(n -> n.contains("ruled out"));
        assertThat(interpreter.interpret("r/o mi").texts().get(0)).as("nothing before it: read as typed").contains("myocardial infarction");
    }

    @Test
    void spinalLevelsWithAFractureAndAVesselsLimb() {
        assertThat(interpreter.interpret("fx l5").texts().get(0)).isEqualTo("fracture fifth lumbar vertebra");
        assertThat(interpreter.interpret("c6 fx").texts().get(0)).isEqualTo("sixth cervical vertebra fracture");
        assertThat(interpreter.interpret("t12 fx").texts().get(0)).as("titles say T11-T12").isEqualTo("t12 fracture");
        assertThat(interpreter.interpret("l5 radiculopathy").texts().get(0)).as("no fracture: the level as typed").isEqualTo("l5 radiculopathy");
        assertThat(interpreter.interpret("dvt lt leg").texts().get(0)).isEqualTo("deep vein thrombosis left lower extremity");
        assertThat(interpreter.interpret("cellulitis lt leg").texts().get(0)).as("not a vessel").isEqualTo("cellulitis left leg");
        assertThat(interpreter.interpret("dvt lower leg").texts().get(0)).isEqualTo("deep vein thrombosis lower leg");
    }

    @Test
    void ordinalsAreTheIndexsWords() {
        assertThat(interpreter.interpret("fx rt 5th metatarsal").texts().get(0)).isEqualTo("fracture right fifth metatarsal");
        assertThat(interpreter.interpret("4th metacarpal").texts().get(0)).isEqualTo("fourth metacarpal");
        // fingers and toes are named, not numbered: the thumb is the first digit, the great toe the first toe
        assertThat(interpreter.interpret("lac rt 4th finger").texts().get(0)).isEqualTo("laceration right ring finger");
        assertThat(interpreter.interpret("fx 4th toe").texts().get(0)).isEqualTo("fracture lesser toe");
        assertThat(interpreter.interpret("12th rib fx").texts().get(0)).isEqualTo("twelfth rib fracture");
    }

    @Test
    void theFamilyIsNamedByRelativeOrAbbreviation() {
        assertThat(interpreter.interpret("fh dm").texts().get(0)).isEqualTo("family history diabetes mellitus");
        assertThat(interpreter.interpret("mother had breast cancer").texts().get(0)).isEqualTo("family history of malignant neoplasm of breast");
        assertThat(interpreter.interpret("hx colon polyps").texts().get(0)).doesNotContain("family");
    }

    @Test
    void aRelativeNamedWithAConditionIsAFamilyHistoryWithoutTheWords() {
        assertThat(interpreter.interpret("mother w breast ca").texts().get(0)).isEqualTo("family history of malignant neoplasm of breast");
        assertThat(interpreter.interpret("dad had colon cancer").texts().get(0)).startsWith("family history of").contains("colon")
                .doesNotContain("dad");
        assertThat(interpreter.interpret("sister with ovarian ca").texts().get(0)).startsWith("family history of").contains("ovar");
        assertThat(interpreter.interpret("mom dm2").texts().get(0)).startsWith("family history of").contains("diabetes mellitus");
        assertThat(interpreter.interpret("maternal grandmother breast cancer").texts().get(0)).startsWith("family history of")
                .doesNotContain("maternal");
        assertThat(interpreter.interpret("colon ca in father").texts().get(0)).startsWith("family history of").doesNotContain("father");
        Interpretation read = interpreter.interpret("brother with prostate ca");
        assertThat(read.notes()).anyMatch(n -> n.startsWith("\"brother with\": a relative's condition is the patient's family history"));
        // the patient's own words are untouched: a mother who is the patient, a relative alone, nothing said of a relative
        assertThat(interpreter.interpret("lactating mother").texts().get(0)).isEqualTo("lactating mother");
        assertThat(interpreter.interpret("mother").texts().get(0)).isEqualTo("mother");
        assertThat(interpreter.interpret("mother with").texts().get(0)).isEqualTo("mother with");
        assertThat(interpreter.interpret("hx breast ca").texts().get(0)).doesNotContain("family");
    }

    @Test
    void disorderAsCodersWriteItWithoutReadingDoAsAnAbbreviation() {
        assertThat(interpreter.interpret("panic d/o").texts().get(0)).isEqualTo("panic disorder");
        assertThat(interpreter.interpret("sz d/o").texts().get(0)).isEqualTo("seizure disorder");
        assertThat(interpreter.interpret("do not resuscitate").texts().get(0)).doesNotContain("disorder");
        // autocomplete: "anxiety d/o" is complete (the phrase ends the text), "anxiety d" is not
        assertThat(interpreter.readsLastWord("anxiety d/o")).isTrue();
        assertThat(interpreter.readsLastWord("lt pink eye")).isTrue();
        assertThat(interpreter.readsLastWord("anxiety d")).isFalse();
    }

    @Test
    void aSitesAnimalBiteIsTheBiteBySiteAndASidedLimbsSwellingIsLocalized() {
        assertThat(interpreter.interpret("dog bite rt hand").texts().get(0)).isEqualTo("bite right hand");
        assertThat(interpreter.interpret("dog bite").texts().get(0)).as("the cause alone").isEqualTo("bitten by dog");
        assertThat(interpreter.interpret("lt leg swelling").texts().get(0)).isEqualTo("localized swelling left lower limb");
        assertThat(interpreter.interpret("swollen rt arm").texts().get(0)).isEqualTo("localized swelling right upper limb");
        assertThat(interpreter.interpret("leg swelling").texts().get(0)).as("no side: the lay reading").isEqualTo("localized edema");
    }

    @Test
    void layWordsCodersHear() {
        assertThat(interpreter.interpret("burning when peeing").texts().get(0)).isEqualTo("dysuria");
        assertThat(interpreter.interpret("itchy skin").texts().get(0)).isEqualTo("pruritus");
        assertThat(interpreter.interpret("trouble sleeping").texts().get(0)).isEqualTo("insomnia");
        assertThat(interpreter.interpret("ex-smoker").texts().get(0)).isEqualTo("personal history of nicotine dependence");
        assertThat(interpreter.interpret("gall bladder stones").texts().get(0)).isEqualTo("calculus of gallbladder");
        assertThat(interpreter.interpret("mod persistent asthma").texts().get(0)).isEqualTo("moderate persistent asthma");
        assertThat(interpreter.interpret("djd lt knee").texts().get(0)).isEqualTo("osteoarthritis left knee");
        assertThat(interpreter.interpret("foley insertion").texts().get(0))
                .isEqualTo("drainage bladder drainage device via natural or artificial opening");
        assertThat(interpreter.interpret("nebulizer machine").texts().get(0)).isEqualTo("nebulizer with compressor");
        assertThat(interpreter.interpret("glucometer").texts().get(0)).isEqualTo("home blood glucose monitor");
        // the index has no "community acquired": the words would find "communicating (acquired)" hydrocephalus
        assertThat(interpreter.interpret("community acquired pneumonia").texts().get(0)).isEqualTo("pneumonia");
        assertThat(interpreter.interpret("cap").texts().get(0)).isEqualTo("pneumonia");
    }

    @Test
    void uncontrolledIsCodedOnlyForDiabetes() {
        // "uncontrolled htn" is hypertension (I10), not "in uncontrolled fire" (X00.-); diabetes keeps its route
        Interpretation htn = interpreter.interpret("uncontrolled htn");
        assertThat(htn.texts().get(0)).isEqualTo("hypertension");
        assertThat(htn.notes()).anyMatch(n -> n.startsWith("\"uncontrolled\" is not coded"));
        assertThat(interpreter.interpret("dm2 uncontrolled").texts().get(0)).contains("with hyperglycemia");
        assertThat(interpreter.interpret("uncontrolled fire").texts().get(0)).isEqualTo("uncontrolled fire");
    }

    @Test
    void aSystemsTrackIsItsTract() {
        // a real word typed for another: no spelling correction sees it
        Interpretation uti = interpreter.interpret("urinary track infection");
        assertThat(uti.texts().get(0)).isEqualTo("urinary tract infection");
        assertThat(uti.notes()).contains("\"urinary track\" read as \"urinary tract\".");
        assertThat(interpreter.interpret("gi track bleed").texts().get(0)).startsWith("gastrointestinal tract");
        assertThat(interpreter.interpret("race track").texts().get(0)).isEqualTo("race track");
    }

    @Test
    void anEctomyIsTheResectionOfItsBodyPartAndABiopsyADiagnosticExcision() {
        // the PCS Index's "Sigmoidectomy - see Resection, Gastrointestinal System 0DT" names the table, not the body part
        assertThat(interpreter.interpret("lap sigmoidectomy").texts().get(0)).isEqualTo("percutaneous endoscopic resection sigmoid colon");
        assertThat(interpreter.interpret("right hemicolectomy").texts().get(0)).isEqualTo("resection right large intestine");
        assertThat(interpreter.interpret("egd w bx").texts().get(0))
                .isEqualTo("excision stomach via natural or artificial opening endoscopic diagnostic");
        assertThat(interpreter.interpret("lap nissen").texts().get(0)).isEqualTo("percutaneous endoscopic restriction esophagogastric junction");
        assertThat(interpreter.interpret("cholecystectomy").texts().get(0)).as("a longer word holding 'cystectomy' is its own")
                .isEqualTo("resection gallbladder");
    }

    @Test
    void encountersAndDiseasesAsCodersNameThem() {
        assertThat(interpreter.interpret("well child visit").texts().get(0)).isEqualTo("routine child health examination");
        assertThat(interpreter.interpret("hand foot mouth").texts().get(0)).isEqualTo("hand foot and mouth disease");
        assertThat(interpreter.interpret("chemo encounter").texts().get(0)).isEqualTo("chemotherapy encounter");
        assertThat(BookOrder.isProcedure(interpreter.interpret("insulin pump").texts())).isTrue();
        assertThat(BookOrder.isProcedure(interpreter.interpret("insulin pump status").texts())).isFalse();
    }

    @Test
    void theThingRemovedIsNoOperationAndTunnelReleasesNameTheirNerve() {
        // eleventh round: "suture" alone is the operation (repair); before "removal" it is the thing removed (Z48.02)
        assertThat(interpreter.interpret("suture removal").texts().get(0)).isEqualTo("suture removal");
        assertThat(interpreter.interpret("suture of lip").texts().get(0)).isEqualTo("repair of lip");
        assertThat(interpreter.interpret("rt carpal tunnel release").texts().get(0)).isEqualTo("right release median nerve");
        assertThat(interpreter.interpret("cubital tunnel release").texts().get(0)).isEqualTo("release ulnar nerve");
        assertThat(interpreter.interpret("ex lap").texts().get(0)).startsWith("inspection peritoneal");
        assertThat(interpreter.interpret("ectopic preg").texts().get(0)).isEqualTo("ectopic pregnancy");
        assertThat(interpreter.interpret("gest htn").texts().get(0)).isEqualTo("gestational hypertension");
    }

    @Test
    void aPhrasesReadingIsNotReadAgainByAnotherList() {
        // the procedure list reads "exploratory laparotomy" and "thoracentesis" with the word "cavity", which the lay list
        // alone reads as dental caries: a reading is final
        Interpretation exLap = interpreter.interpret("ex lap");
        assertThat(exLap.texts().get(0)).isEqualTo("inspection peritoneal cavity open");
        assertThat(exLap.notes()).noneMatch(n -> n.contains("dental caries"));
        assertThat(interpreter.interpret("thoracentesis").texts().get(0)).isEqualTo("drainage pleural cavity percutaneous");
        // typed by itself, the lay word is still read
        assertThat(interpreter.interpret("cavity").texts().get(0)).isEqualTo("dental caries");
    }
}
