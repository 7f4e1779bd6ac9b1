package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pre-check policy and the guideline rules on US notes, against the official FY2026 code set and the model
 * learned from CodiEsp (the product's configuration): what is checked is what a careful coder would submit.
 * Same context as {@link CaseToCodeFullDataTest} (one import). Skipped when CODEDESK_DATA_DIR is unset.
 */
@SpringBootTest
class CaseToCodeRulesFullDataTest {

    static final String DATA = System.getenv("CODEDESK_DATA_DIR");
    static final LocalDate DATE = LocalDate.of(2026, 2, 1);

    @DynamicPropertySource
    static void corpus(DynamicPropertyRegistry registry) {
        registry.add("codedesk.casecoding.corpus", () -> DATA == null ? "" : Path.of(DATA, "benchmarks/codiesp/train").toString());
    }

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired CaseCoder coder;

    @BeforeEach
    void data() {
        assumeTrue(DATA != null && !DATA.isBlank(), "CODEDESK_DATA_DIR is not set: case-to-code rules full-data test skipped");
        if (catalog.releaseInForce(org.codedesk.catalog.CodeSystem.ICD10CM, DATE).isEmpty()) {
            ImportReport report = importer.importPaths(List.of(Path.of(DATA)));
            assertThat(report.failed()).as(report.outcomes().toString()).isFalse();
        }
    }

    private static List<String> checked(List<CaseCoding.CodeSuggestion> list) {
        return list.stream().filter(CaseCoding.CodeSuggestion::suggested).map(CaseCoding.CodeSuggestion::code).toList();
    }

    private static Optional<CaseCoding.CodeSuggestion> find(CaseCoding coding, String code) {
        return java.util.stream.Stream.concat(coding.diagnoses().stream(), coding.procedures().stream()).filter(s -> s.code().equals(code)).findFirst();
    }

    @Test
    void dischargeSummaryGetsCombinationCodesOneCodePerConditionAndThePrincipalFirst() {
        String note = """
                DISCHARGE SUMMARY
                Principal diagnosis: Community-acquired pneumonia, left lower lobe
                Secondary diagnoses:
                - Acute on chronic systolic congestive heart failure
                - Hypertension
                - Type 2 diabetes mellitus with diabetic nephropathy, chronic kidney disease stage 3b
                - Long-term use of insulin

                HPI: 71-year-old man with HFrEF, HTN, T2DM on insulin and CKD presented with 5 days of cough, fever and increasing dyspnea.
                Hospital course: pneumonia treated with ceftriaxone; IV furosemide for CHF; insulin glargine continued.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.INPATIENT);
        List<String> dx = checked(coding.diagnoses());
        assertThat(dx).first().isEqualTo("J18.9");
        assertThat(dx).contains("I13.0", "I50.23", "E11.22", "N18.32", "Z79.4");
        assertThat(dx).doesNotContain("I10", "I50.9", "I50.22", "E11.9", "N18.9", "R05", "R50.9", "E11.21");
        assertThat(find(coding, "I13.0").orElseThrow().warnings()).anyMatch(w -> w.startsWith("Combination code"));
        coding.diagnoses().stream().filter(s -> !s.suggested()).forEach(s -> assertThat(s.reason()).as(s.code()).isNotBlank());
        assertThat(checked(coding.procedures())).isEmpty();
    }

    @Test
    void negationCoversTheWholeFindingAndTheOperationIsBuilt() {
        String note = """
                OPERATIVE REPORT
                Postoperative diagnosis: Acute calculous cholecystitis.
                Procedure performed: Laparoscopic cholecystectomy.
                Indications: 46-year-old female with RUQ pain and fever. MRCP: No evidence of choledocholithiasis.
                Description: pneumoperitoneum established to 15 mmHg. The gallbladder was removed in a bag.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.INPATIENT);
        assertThat(checked(coding.diagnoses())).first().isEqualTo("K80.00");
        assertThat(checked(coding.diagnoses())).doesNotContain("K80.50", "K66.8", "R50.9", "K81.0");
        assertThat(checked(coding.procedures())).containsExactly("0FT44ZZ");
    }

    @Test
    void anEmergencyVisitForAnInjuryHasItsExternalCausesAndNoProcedureCodes() {
        String note = """
                ED NOTE
                HPI: 24 y/o F slipped on ice on the sidewalk outside her apartment while walking to work and rolled her right ankle.
                Took ibuprofen 600 mg at home. Denies numbness.
                ROS: Negative for fever, chest pain, shortness of breath.
                Family history: Mother with asthma and hypertension.
                Vitals: BP 124/78, HR 88.
                Procedure: ACE wrap applied.
                Assessment/Plan:
                1. Right ankle sprain - RICE, crutches, ibuprofen 600 mg q6h PRN.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.OUTPATIENT);
        assertThat(checked(coding.diagnoses())).containsExactly("S93.401A", "W00.0XXA", "Y92.480", "Y93.01", "Y99.8");
        assertThat(checked(coding.procedures())).isEmpty();
        coding.procedures().forEach(p -> assertThat(p.reason()).contains("inpatient"));
    }

    @Test
    void influenzaWhoseTypeIsWrittenIsDueToAnIdentifiedVirus() {
        String typed = """
                URGENT CARE NOTE
                HPI: 34 y/o M with 2 days of fever, cough and body aches. Rapid influenza test: influenza A POSITIVE.
                Impression:
                1. Influenza A with cough.
                Plan: oseltamivir 75 mg BID x 5 days, fluids.
                """;
        assertThat(checked(coder.code(typed, DATE, EncounterSetting.OUTPATIENT).diagnoses())).contains("J10.1").doesNotContain("J11.1")
                .as("its cough and fever are integral to it").noneMatch(c -> c.startsWith("R05") || c.equals("R50.9"));
        String untyped = """
                URGENT CARE NOTE
                HPI: 34 y/o M with 2 days of fever, cough and body aches. Rapid influenza A/B negative.
                Impression:
                1. Influenza with cough.
                Plan: oseltamivir 75 mg BID x 5 days, fluids.
                """;
        assertThat(checked(coder.code(untyped, DATE, EncounterSetting.OUTPATIENT).diagnoses())).contains("J11.1").doesNotContain("J10.1");
    }

    @Test
    void namedOperationsAreCompleteCodesOfTheRelease() {
        String note = """
                Procedures this admission:
                - Right total knee arthroplasty, cemented.
                - Percutaneous coronary intervention of the proximal LAD with placement of two drug-eluting stents.
                - Colonoscopy with hot snare polypectomy of a 15 mm polyp in the sigmoid colon, removed en bloc.
                - EGD with biopsies of the gastric antrum.
                - Invasive mechanical ventilation for 110 consecutive hours.
                Diagnoses: primary osteoarthritis of right knee.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.INPATIENT);
        assertThat(checked(coding.procedures())).contains("0SRC0J9", "027035Z", "0DBN8ZZ", "0DB68ZX", "5A1955Z");
        assertThat(coding.procedures()).filteredOn(CaseCoding.CodeSuggestion::suggested).allMatch(CaseCoding.CodeSuggestion::complete);
        CaseCoding noSide = coder.code("Procedure: total knee arthroplasty, cemented.\nDiagnosis: osteoarthritis of knee.", DATE, EncounterSetting.INPATIENT);
        assertThat(checked(noSide.procedures())).noneMatch(c -> c.startsWith("0SR"));
        assertThat(noSide.warnings()).anyMatch(w -> w.contains("which knee"));
    }

    @Test
    void historyAndStatusCodesAreFoundThroughTheIndexWithTheirSide() {
        String note = """
                OFFICE VISIT
                PMH: T2DM, HTN, CAD s/p CABG 2019, hx of DVT 2021 (completed apixaban, off since), kidney stones 2015.
                PSH: R BKA 2020 after MVC. s/p left total knee arthroplasty 2018.
                Family history: mother with breast cancer. No history of pulmonary embolism.
                Meds: metformin 500 mg BID, lisinopril 10 mg.
                Assessment:
                1. Type 2 diabetes mellitus without complications - continue metformin.
                2. Essential hypertension - controlled.
                3. Acquired absence of right leg below knee - prosthesis check.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.OUTPATIENT);
        List<String> dx = checked(coding.diagnoses());
        assertThat(dx).contains("Z95.1", "Z86.718", "Z87.442", "Z89.511", "Z96.652");
        assertThat(dx).as("a relative's cancer, a negated embolism, a completed anticoagulant, a past MVC")
                .doesNotContain("Z85.3", "Z86.711", "Z79.01", "V89.2XXA", "Z89.519", "Z89.9");
        assertThat(find(coding, "Z86.718").orElseThrow().warnings()).anyMatch(w -> w.contains("History > personal"));
    }

    @Test
    void deficitsAfterAPastStrokeAreItsSequelaeBySideAndDominance() {
        String note = """
                NEUROLOGY CLINIC
                70 yo right-handed woman seen 6 months after a right MCA ischemic stroke.
                Assessment:
                1. Aphasia as a late effect of ischemic stroke - continue speech therapy.
                2. Oropharyngeal dysphagia following stroke - modified barium swallow.
                3. Monoplegia of left upper limb following cerebral infarction - OT.
                """;
        List<String> dx = checked(coder.code(note, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).contains("I69.320", "I69.391", "R13.12", "I69.334");
        assertThat(dx).doesNotContain("R47.01", "R13.10", "I69.332", "Z86.73");
        assertThat(dx).noneMatch(c -> c.startsWith("I63"));
    }

    @Test
    void aStrokeWithoutResidualDeficitsIsAPersonalHistory() {
        String note = """
                OPERATIVE REPORT
                Postoperative diagnosis: Displaced intertrochanteric fracture of left femur
                Procedure: Open reduction and internal fixation of left intertrochanteric femur fracture with sliding hip screw and side plate
                Indications: 84 yo F who fell out of bed in her room at the nursing home. Hx of stroke 2019 without residual deficits; s/p permanent pacemaker.
                """;
        CaseCoding coding = coder.code(note, DATE, EncounterSetting.INPATIENT);
        List<String> dx = checked(coding.diagnoses());
        assertThat(dx).contains("S72.142A", "Z86.73", "Z95.0", "W06.XXXA", "Y92.122");
        assertThat(dx).noneMatch(c -> c.startsWith("I63"));
        assertThat(checked(coding.procedures())).containsExactly("0QS704Z");
    }

    @Test
    void theConditionAdmittedForIsThePrincipalAndDialysisGivenIsCoded() {
        String note = """
                DISCHARGE SUMMARY
                Discharge diagnoses:
                - COPD
                - Hypertension
                - Cellulitis of left lower leg
                HPI: 74 yo M with COPD and HTN admitted for left lower leg cellulitis failing outpatient cephalexin.
                Hospital course: IV vancomycin then doxycycline. COPD stable on home tiotropium inhaler. BP controlled on amlodipine.
                """;
        assertThat(checked(coder.code(note, DATE, EncounterSetting.INPATIENT).diagnoses())).first().isEqualTo("L03.116");
        String dialysis = """
                DISCHARGE SUMMARY
                Diagnoses: ESRD on hemodialysis. Hyperkalemia. Hypertension.
                HPI: 56 yo M with ESRD on HD MWF presented after missing two sessions, K 7.1.
                Hospital course: admitted for hyperkalemia. Calcium gluconate, insulin/dextrose, then urgent hemodialysis (single 4-hour session).
                """;
        CaseCoding coded = coder.code(dialysis, DATE, EncounterSetting.INPATIENT);
        assertThat(checked(coded.diagnoses())).first().isEqualTo("E87.5");
        assertThat(checked(coded.diagnoses())).contains("I12.0", "N18.6", "Z99.2");
        assertThat(checked(coded.procedures())).containsExactly("5A1D70Z");
        String smoker = """
                DISCHARGE SUMMARY
                Diagnoses at discharge:
                - COPD with acute exacerbation (principal)
                - Tobacco dependence, cigarettes - still smoking 1 ppd
                HPI: 68 yo M with severe COPD presented with 3 days of worsening dyspnea and wheezing.
                Course: nebulized albuterol/ipratropium, prednisone taper, doxycycline. Smoking cessation counseling given.
                """;
        List<String> copd = checked(coder.code(smoker, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(copd).as("a phrase learned near COPD does not put the tobacco code first").first().isEqualTo("J44.1");
        assertThat(copd).contains("F17.210");
        String chronicOnly = dialysis.replace("then urgent hemodialysis (single 4-hour session)", "potassium binder");
        assertThat(checked(coder.code(chronicOnly, DATE, EncounterSetting.INPATIENT).procedures())).isEmpty();
    }

    @Test
    void anEmergencyInjuryIsCompletedWithItsSideAndItsExternalCauses() {
        String note = """
                EMERGENCY DEPARTMENT NOTE
                CC: R ankle injury
                HPI: 32 yo M fell off his bicycle on the bike path this afternoon. Helmeted, no LOC.
                Assessment: Closed nondisplaced fracture of right lateral malleolus.
                Plan: CAM boot, return for numbness or worsening pain.
                """;
        List<String> dx = checked(coder.code(note, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("S82.64XA");
        assertThat(dx).contains("V18.0XXA", "Y92.482", "Y93.55", "Y99.8");
        assertThat(dx).as("return precautions are not findings").noneMatch(c -> c.startsWith("R20") || c.startsWith("M79"));
    }

    @Test
    void aChemotherapyVisitListsTheEncounterFirstWithTheCancerItsSideTheSexAndTheReceptorStatus() {
        String note = """
                INFUSION CENTER - ONCOLOGY NOTE
                Pt: 54 yo F here for C3D1 adjuvant dose-dense AC.
                Dx: Invasive ductal carcinoma of the L breast, upper outer quadrant, ER+. s/p L partial mastectomy 12/2025.
                Assessment/Plan:
                1. Encounter for antineoplastic chemotherapy - proceed with C3 doxorubicin/cyclophosphamide today.
                2. Breast cancer, left, upper outer quadrant, ER positive - then weekly paclitaxel.
                """;
        List<String> dx = checked(coder.code(note, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("Z51.11");
        assertThat(dx).contains("C50.412", "Z17.0");
        assertThat(dx).as("a partial mastectomy leaves the breast").doesNotContain("Z90.12");
    }

    @Test
    void sepsisNamesItsOrganismAndSevereSepsisAndAResolvedInjuryOfTheStayAreCoded() {
        String note = """
                DISCHARGE SUMMARY
                Discharge diagnoses:
                1. Sepsis due to E. coli with septic shock, present on admission
                2. Acute pyelonephritis, right
                3. Acute kidney injury, resolved
                HPI: 67 yo F presented with flank pain, rigors, BP 78/40, lactate 5.2.
                Hospital course: norepinephrine in the ICU, weaned off in 36 h. Blood and urine cultures grew E. coli.
                """;
        List<String> dx = checked(coder.code(note, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("A41.51");
        assertThat(dx).contains("N10", "R65.21", "N17.9").doesNotContain("A41.9");
    }

    @Test
    void longTermAspirinCopdWithPneumoniaAndOneCodeOfAWithOrWithoutPair() {
        String cardiology = """
                CARDIOLOGY OFFICE FOLLOW-UP
                72 yo F w/ CAD s/p PCI w/ DES to LAD 2022, on apixaban for permanent AF.
                Meds: apixaban 5 mg BID, ASA 81 mg daily, metoprolol succinate 100 mg daily.
                A/P:
                1. Permanent atrial fibrillation - rate controlled, continue apixaban.
                2. CAD of native coronary artery, no angina. Continue ASA 81 mg.
                """;
        assertThat(checked(coder.code(cardiology, DATE, EncounterSetting.OUTPATIENT).diagnoses())).contains("Z79.82", "Z79.01", "I48.21");
        String strokeCourse = """
                DISCHARGE SUMMARY
                Final diagnosis: Acute ischemic stroke.
                Hospital course: aspirin, then apixaban started on day 4.
                """;
        assertThat(checked(coder.code(strokeCourse, DATE, EncounterSetting.INPATIENT).diagnoses())).as("aspirin given in hospital")
                .doesNotContain("Z79.82");
        String pneumonia = """
                ED note: 67F with COPD (on tiotropium daily) presents w/ 4 days of productive cough. SpO2 91% RA.
                Impression: Community-acquired pneumonia, right lower lobe. COPD, stable, not in exacerbation.
                """;
        List<String> copd = checked(coder.code(pneumonia, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(copd).contains("J18.9", "J44.0").doesNotContain("J44.9", "M06.9", "N52.9");
        String gerd = """
                GI CLINIC: 47 yo F, EGD showed LA grade B erosive esophagitis.
                Impression: GERD with erosive esophagitis, no bleeding.
                """;
        List<String> reflux = checked(coder.code(gerd, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(reflux).contains("K21.00").doesNotContain("K21.01");
    }

    @Test
    void aScreeningThatFindsAPolypIsListedFirstWithTheFamilyHistoryItWasFor() {
        String note = """
                COLONOSCOPY REPORT (ambulatory surgery center)
                Indication: Screening colonoscopy, average risk except father w/ colon cancer at age 68.
                Findings:
                - 6 mm sessile polyp in the ascending colon, removed with cold snare, retrieved.
                Impression: Screening colonoscopy; one 6 mm ascending colon polyp removed. Family history of colon cancer.
                Plan: await pathology; repeat colonoscopy in 5 yrs (family hx).
                """;
        List<String> dx = checked(coder.code(note, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("Z12.11");
        assertThat(dx).contains("K63.5", "Z80.0");
        assertThat(dx).as("the father's cancer, and the cold snare").doesNotContain("C18.9", "J00");
    }

    @Test
    void theTabularsExcludes1PointerGivesTheCombinationCodeAndPlanOnlySymptomsAreNotFindings() {
        String stone = """
                ED PHYSICIAN NOTE
                HPI: 39 yo M w/ sudden severe R flank pain. CT: 5 mm obstructing stone at the R UVJ w/ mild R hydronephrosis.
                Impression: Right ureteral stone (5 mm, UVJ) with mild hydronephrosis.
                Plan: tamsulosin, strain urine, urology f/u 1 wk.
                """;
        List<String> dx = checked(coder.code(stone, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).as("N20.1 says: that with hydronephrosis (N13.2)").contains("N13.2").doesNotContain("N20.1", "N13.30");
        String zoster = """
                URGENT CARE: 71 yo F with burning pain and a rash on the L chest x 3 days.
                Assessment: Herpes zoster, left T6 dermatome, without complications.
                Plan: valacyclovir 1 g TID x 7 days. Keep rash covered.
                """;
        assertThat(checked(coder.code(zoster, DATE, EncounterSetting.OUTPATIENT).diagnoses())).contains("B02.9").doesNotContain("R21");
        String bone = """
                BONE HEALTH: 69 yo F on alendronate 70 mg weekly x 3 yrs. No new falls or fractures.
                Assessment/Plan: Age-related osteoporosis without current fracture - continue alendronate. Fall prevention.
                """;
        List<String> osteoporosis = checked(coder.code(bone, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(osteoporosis).contains("M81.0", "Z79.83").doesNotContain("R29.6", "W19.XXXA");
    }

    @Test
    void organismsVaccinesScreeningsAndReturnPrecautionsAreReadAsACoderReadsThem() {
        String cellulitis = """
                DISCHARGE SUMMARY
                Discharge diagnoses:
                1. Cellulitis of the right lower leg due to MRSA
                HPI: 63 yo M with spreading redness of the R shin. Course: IV vancomycin, then doxycycline once wound cx grew MRSA.
                """;
        assertThat(checked(coder.code(cellulitis, DATE, EncounterSetting.INPATIENT).diagnoses())).contains("L03.115", "B95.62");
        String wellChild = """
                WELL CHILD VISIT: 4 yo M, no concerns. Exam: normal.
                Plan: DTaP, IPV, MMR and varicella vaccines given today after VIS reviewed.
                """;
        assertThat(checked(coder.code(wellChild, DATE, EncounterSetting.OUTPATIENT).diagnoses())).contains("Z23").doesNotContain("B01.9");
        String smoker = """
                FAMILY MEDICINE: 57 yo M, ex-smoker, quit 2019.
                A/P: Former smoker - eligible for low-dose CT lung cancer screening, ordered.
                """;
        assertThat(checked(coder.code(smoker, DATE, EncounterSetting.OUTPATIENT).diagnoses())).contains("Z87.891").doesNotContain("Z85.118");
        String syncope = """
                ED NOTE: 22 yo F brief LOC while standing in line. No CP.
                Assessment: Syncope, most likely vasovagal.
                Plan: avoid prolonged standing. Return for syncope with exertion, CP or palpitations.
                """;
        List<String> dx = checked(coder.code(syncope, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).contains("R55").doesNotContain("G80.9", "X50.1XXA");
        String psych = """
                INPATIENT PSYCHIATRY DISCHARGE SUMMARY
                Discharge diagnoses:
                1. Schizophrenia, paranoid type, acute exacerbation
                2. Noncompliance with antipsychotic medication
                """;
        List<String> schizophrenia = checked(coder.code(psych, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(schizophrenia).contains("F20.0", "Z91.148").doesNotContain("F23", "Z91.199");
    }

    @Test
    void aUseDisorderIsUncomplicatedUnlessAnInducedDisorderIsWrittenAndAdviceIsNotAFinding() {
        String psych = """
                ADDICTION PSYCHIATRY FOLLOW-UP
                52 yo M with AUD. Drinks 6-8 beers daily, unable to cut down. Smokes 1 ppd cigarettes.
                A/P:
                1. Alcohol use disorder, moderate - naltrexone 50 mg daily.
                2. Tobacco use disorder, cigarettes - nicotine patch 21 mg.
                """;
        List<String> dx = checked(coder.code(psych, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).contains("F10.20", "F17.210").doesNotContain("F17.219", "F10.29", "F17.209");
        String sleep = """
                OFFICE VISIT: 45 yo F with trouble falling asleep x 3 months. HTN on lisinopril.
                A/P:
                1. Insomnia - sleep hygiene reviewed; limit caffeine, avoid alcohol within 3 h of bedtime.
                2. Essential hypertension - continue lisinopril 10 mg.
                """;
        List<String> insomnia = checked(coder.code(sleep, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(insomnia).contains("G47.00", "I10").noneMatch(c -> c.startsWith("F15") || c.startsWith("F10"));
    }

    @Test
    void bypassAndStentsAreBothStatusesAndAnAffirmedEncephalopathyIsCoded() {
        String cardiology = """
                CARDIOLOGY OFFICE VISIT
                68 yo M with CAD s/p CABG x3 (2014) and later PCI with DES to the RCA (2021). No angina.
                PMH: CAD, HTN, CABG 2014, coronary stents 2021.
                A/P: CAD of native coronary artery without angina, s/p CABG and prior stents - continue ASA 81 mg daily, statin.
                """;
        assertThat(checked(coder.code(cardiology, DATE, EncounterSetting.OUTPATIENT).diagnoses())).contains("I25.10", "Z95.1", "Z95.5");
        String bypassOnly = """
                PRIMARY CARE: 66 yo M, routine f/u. PMH: T2DM, HTN, CAD s/p CABG x3 (2019).
                A/P: Essential hypertension - controlled on lisinopril.
                """;
        assertThat(checked(coder.code(bypassOnly, DATE, EncounterSetting.OUTPATIENT).diagnoses())).as("a bypass graft is no angioplasty graft")
                .contains("Z95.1").doesNotContain("Z95.5");
        String sepsis = """
                DISCHARGE SUMMARY
                HPI: 80 yo F with fever and confusion. UA positive. HTN on amlodipine.
                Hospital course: ceftriaxone for UTI. Confusion from metabolic encephalopathy, improved with treatment of infection.
                Discharge diagnoses:
                1. Severe sepsis without septic shock, with acute metabolic encephalopathy
                2. Urinary tract infection
                3. Hypertension
                """;
        List<String> dx = checked(coder.code(sepsis, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).contains("G93.41", "R65.20", "A41.9", "N39.0").doesNotContain("R65.21");
    }

    @Test
    void typeOneDiabetesKeepsItsTypeAndMaintenanceDrugsAreLongTerm() {
        String dka = """
                DISCHARGE SUMMARY
                HPI: 24 yo F with T1DM on glargine and lispro, rationing insulin, p/w N/V and abd pain. pH 7.11, AG 26.
                Hospital course: insulin gtt, IVF; transitioned to SQ glargine and lispro.
                Discharge diagnoses:
                1. Diabetic ketoacidosis without coma
                2. Hypothyroidism
                Discharge meds: insulin glargine 20 u qHS, levothyroxine 75 mcg daily.
                """;
        List<String> dx = checked(coder.code(dka, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).contains("E10.10").doesNotContain("E11.10", "Z79.4");
        String ra = """
                RHEUMATOLOGY FOLLOW-UP: 58 yo F with seropositive RA of both hands and wrists.
                Meds: methotrexate 20 mg PO weekly, folic acid 1 mg daily, prednisone 5 mg daily.
                A/P: Rheumatoid arthritis with rheumatoid factor of multiple sites without organ involvement - continue MTX weekly and
                prednisone 5 mg daily.
                """;
        assertThat(checked(coder.code(ra, DATE, EncounterSetting.OUTPATIENT).diagnoses())).contains("M05.79", "Z79.631", "Z79.52");
        String burst = """
                ED NOTE: 30 yo with wheezing. A/P: Moderate persistent asthma with acute exacerbation - prednisone 40 mg daily x 5 days.
                """;
        assertThat(checked(coder.code(burst, DATE, EncounterSetting.OUTPATIENT).diagnoses())).doesNotContain("Z79.52");
    }

    @Test
    void aDogBiteVisitCodesItsVaccineNotRabiesAndAReplacedJointIsNotItsOwnStatus() {
        String bite = """
                EMERGENCY DEPARTMENT NOTE
                HPI: 34 yo M bitten on the R hand by a neighbor's dog while jogging on the sidewalk. Dog rabies vaccination current.
                ED course: wounds irrigated. Tdap 0.5 mL IM given.
                Assessment: Dog bite (open bite wounds) of the right hand, initial encounter. Rabies PEP not indicated (dog under observation).
                Plan: amox-clav, wound care. Hand clinic f/u if stiffness.
                """;
        List<String> dx = checked(coder.code(bite, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).contains("S61.451A", "W54.0XXA", "Z23").doesNotContain("A82.9", "Z04.9", "M25.649");
        String tha = """
                DISCHARGE SUMMARY - ORTHOPEDICS
                Procedure: Right total hip arthroplasty. Implants: uncemented shell, polyethylene liner, ceramic head.
                Discharge diagnoses:
                1. Primary osteoarthritis of right hip, s/p right THA
                2. Status post left total knee arthroplasty
                """;
        CaseCoding coding = coder.code(tha, DATE, EncounterSetting.INPATIENT);
        assertThat(checked(coding.diagnoses())).contains("M16.11", "Z96.652").doesNotContain("Z96.641");
        assertThat(checked(coding.procedures())).containsExactly("0SR904A");
    }

    @Test
    void theTableOfDrugsGivesPoisoningAdverseEffectAndUnderdosingInTheirGuidelineOrder() {
        String ranOut = """
                EMERGENCY DEPARTMENT NOTE
                HPI: 61 yo M with T2DM on insulin glargine and metformin ran out of insulin 5 days ago (no refills over the holiday).
                ED course: 1 L NS, insulin given.
                Assessment: Type 2 diabetes mellitus with hyperglycemia - underdosing of insulin, ran out of glargine (unintentional).
                Plan: glargine given in ED tonight, new Rx sent. Reviewed sick-day rules.
                """;
        List<String> dx = checked(coder.code(ranOut, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("E11.65");
        assertThat(dx).contains("T38.3X6A", "Z91.138", "Z79.4", "Z79.84").doesNotContain("Z91.128", "T70.29XA", "N52.9");
        assertThat(dx.indexOf("T38.3X6A")).as("underdosing after the condition").isGreaterThan(dx.indexOf("E11.65"));
        String bleed = """
                DISCHARGE SUMMARY
                Principal diagnosis: Upper GI bleed presenting as melena, due to warfarin.
                Discharge diagnoses:
                1. Upper GI bleed (melena) due to supratherapeutic anticoagulation with warfarin (adverse effect, taken as prescribed)
                2. Warfarin-associated coagulopathy, INR 6.8
                3. Permanent atrial fibrillation, on long-term warfarin
                """;
        dx = checked(coder.code(bleed, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("K92.1");
        assertThat(dx).contains("T45.515A", "D68.32", "I48.21", "Z79.01");
        String overdose = """
                DISCHARGE SUMMARY
                Principal diagnosis: Intentional acetaminophen overdose
                HPI: 19 yo F took 30 tablets of Tylenol 500 mg with intent to end her life. Smokes marijuana on weekends, no tobacco.
                Discharge diagnoses:
                1. Acetaminophen poisoning, intentional self-harm (suicide attempt), initial encounter
                2. Major depressive disorder, recurrent, severe without psychotic features
                """;
        dx = checked(coder.code(overdose, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).first().as("poisoning: the T code first").isEqualTo("T39.1X2A");
        assertThat(dx).contains("F33.2").doesNotContain("T14.91XA", "T65.91XA", "F17.200");
        String lithium = """
                PSYCHIATRY DISCHARGE SUMMARY
                Discharge diagnoses:
                1. Schizoaffective disorder, bipolar type, current episode manic with psychotic features
                2. Underdosing of lithium carbonate - patient stopped it on his own because of side effects
                """;
        dx = checked(coder.code(lithium, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).first().as("the condition named, not the Excludes1 pointer read from its qualifiers").isEqualTo("F25.0");
        assertThat(dx).contains("T43.596A", "Z91.128").doesNotContain("T56.896A", "F31.2");
    }

    @Test
    void aTherapyIsNoAirwayObstructionAndBurnsAndPlaygroundFallsHaveTheirExternalCauses() {
        String sleep = """
                SLEEP MEDICINE FOLLOW-UP
                A/P:
                1. Obstructive sleep apnea, well controlled on CPAP with good adherence.
                2. Chronic cough due to lisinopril (ACE inhibitor cough, adverse effect) - stop lisinopril, start losartan.
                """;
        List<String> dx = checked(coder.code(sleep, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).contains("G47.33", "R05.3", "T46.4X5A").doesNotContain("J98.8", "T78.8XXA", "T46.5X5A");
        String burn = """
                ED PROVIDER NOTE
                HPI: 34 yo F was frying chicken in her apartment kitchen when hot oil splashed onto her right forearm.
                Assessment: Second-degree burn of right forearm.
                """;
        dx = checked(coder.code(burn, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).containsSubsequence("T22.211A", "X10.2XXA", "Y92.030", "Y93.G3", "Y99.8");
        String torus = """
                PEDIATRIC EMERGENCY DEPARTMENT NOTE
                HPI: 7 yo girl fell from the monkey bars onto her outstretched left hand at recess at her elementary school.
                Assessment: Torus fracture of the left distal radius, closed, initial encounter.
                """;
        dx = checked(coder.code(torus, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("S52.522A");
        assertThat(dx).contains("W09.2XXA", "Y92.211").doesNotContain("M27.0", "Z76.89", "W19.XXXA");
    }

    @Test
    void immunosuppressantsOfATransplantAndAnAnemiaInPregnancyHaveTheirCodes() {
        String transplant = """
                TRANSPLANT NEPHROLOGY CLINIC
                Meds: tacrolimus 2 mg BID, mycophenolate mofetil 500 mg BID, prednisone 5 mg daily.
                Assessment: Kidney transplant recipient, CKD stage 3a of the allograft, hypertension - continue tacrolimus, mycophenolate and
                prednisone 5 mg daily.
                """;
        assertThat(checked(coder.code(transplant, DATE, EncounterSetting.OUTPATIENT).diagnoses()))
                .contains("Z94.0", "Z79.621", "Z79.624", "Z79.52");
        String prenatal = """
                PRENATAL VISIT: 29 yo G2P1001 at 34w2d.
                A/P:
                1. Gestational hypertension without proteinuria, third trimester, 34 weeks.
                2. Gestational diabetes, diet controlled.
                3. Iron deficiency anemia in pregnancy - start ferrous sulfate.
                """;
        List<String> dx = checked(coder.code(prenatal, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().as("\"without proteinuria\" does not negate the trimester").isEqualTo("O13.3");
        assertThat(dx).contains("O24.410", "O99.013", "D50.9", "Z3A.34").doesNotContain("Z3A.00");
        String carpal = """
                OPERATIVE NOTE
                Preoperative diagnosis: Right carpal tunnel syndrome, severe
                Postoperative diagnosis: Same
                Procedure: Right open carpal tunnel release
                """;
        assertThat(checked(coder.code(carpal, DATE, EncounterSetting.OUTPATIENT).diagnoses())).as("the header's own \"upper limb\"")
                .containsExactly("G56.01");
        String disc = """
                SPINE CLINIC: 45 yo M with low back pain radiating down the L leg.
                Assessment: Lumbar disc herniation L5-S1 with left S1 radiculopathy (sciatica).
                """;
        assertThat(checked(coder.code(disc, DATE, EncounterSetting.OUTPATIENT).diagnoses())).as("\"sciatica NOS (M54.3)\": specified, M51.16 stays")
                .contains("M51.16").doesNotContain("M54.32");
        String mania = """
                PSYCHIATRY DISCHARGE SUMMARY
                Reason for admission: manic symptoms with paranoia.
                Discharge diagnoses:
                1. Schizoaffective disorder, bipolar type, current episode manic with psychotic features
                """;
        assertThat(checked(coder.code(mania, DATE, EncounterSetting.INPATIENT).diagnoses())).first().isEqualTo("F25.0");
    }

    @Test
    void roundI22hWellChildPediatricBmiStemiArteryHemorrhoidDegreeAndRuledOut() {
        String well = """
                PEDIATRIC WELL CHILD VISIT - 11 YEAR
                Growth: BMI 20.5 kg/m2 = 91st percentile for age and sex.
                Immunizations today: Tdap and MenACWY given IM after VIS reviewed; no reactions.
                Assessment:
                1. Well child check, 11 yo, with abnormal finding
                2. Overweight, BMI 91st percentile for age
                3. Immunizations given
                """;
        List<String> dx = checked(coder.code(well, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("Z00.121");
        assertThat(dx).contains("E66.3", "Z68.53", "Z23").doesNotContain("Z68.20", "Z28.9", "Z00.129");
        String normal = """
                WELL CHILD VISIT - 4 YEARS
                4 yo M here with mom for 4-year well check.
                Assessment: Well child check, 4 years, normal growth and development. No abnormal findings.
                Plan: DTaP, IPV, MMR and varicella vaccines given today.
                """;
        assertThat(checked(coder.code(normal, DATE, EncounterSetting.OUTPATIENT).diagnoses())).containsExactly("Z00.129", "Z23");
        String stemi = """
                CARDIAC CATHETERIZATION / PCI REPORT AND DISCHARGE SUMMARY
                Principal diagnosis: Acute inferior ST elevation myocardial infarction due to occlusion of the right coronary artery
                Procedure 4/16: Left heart catheterization, selective coronary angiography and PCI of the RCA.
                Findings: LM normal; LAD 40% mid stenosis; RCA 100% thrombotic occlusion of the mid segment.
                Intervention: one drug-eluting stent 3.5 x 28 mm deployed in the mid RCA; post-dilated. TIMI 3 flow.
                Discharge diagnoses:
                1. Inferior STEMI, culprit mid RCA, s/p PCI with 1 DES
                2. Coronary artery disease, native vessels
                """;
        CaseCoding coding = coder.code(stemi, DATE, EncounterSetting.INPATIENT);
        dx = checked(coding.diagnoses());
        assertThat(dx).first().isEqualTo("I21.11");
        assertThat(dx).contains("I25.10").doesNotContain("I21.19", "D71.1", "Z95.5", "I25.41");
        assertThat(checked(coding.procedures())).containsExactly("027034Z");
        String scope = """
                COLONOSCOPY REPORT
                Findings: Rectum on retroflexion: small grade 1 internal hemorrhoids, not bleeding.
                Impression:
                1. Chronic diarrhea, normal colonoscopy; random colon biopsies taken to evaluate for microscopic colitis.
                2. Grade 1 internal hemorrhoids.
                """;
        dx = checked(coder.code(scope, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).contains("K64.0").doesNotContain("K64.8", "K52.839");
        String uti = """
                DISCHARGE SUMMARY
                Principal diagnosis: E. coli urinary tract infection
                Hospital course: admitted with concern for sepsis from a urinary source; sepsis was ruled out.
                Discharge diagnoses:
                1. Urinary tract infection due to E. coli
                2. Sepsis - ruled out
                """;
        dx = checked(coder.code(uti, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("N39.0");
        assertThat(dx).doesNotContain("A41.9", "A41.51");
    }

    @Test
    void roundI22iPuerperiumContraceptionArteryCovidSpineLevelAndOneFindingPerEntry() {
        String postpartum = """
                OB/GYN OFFICE VISIT
                CC: anxiety, 3 weeks postpartum; thyroid follow-up
                HPI: 34 yo G1P1001, 3 wk s/p primary low transverse C-section at 40w1d, breastfeeding.
                PMH: hypothyroidism dx 2022, on levothyroxine 112 mcg daily.
                Assessment/Plan:
                1. Postpartum generalized anxiety disorder - GAD-7 16, no SI. Start sertraline 25 mg daily.
                2. Hypothyroidism, postpartum - TSH above goal; continue levothyroxine 112 mcg.
                3. Contraception - desires OCP; progestin-only pill (norethindrone 0.35 mg daily) prescribed, first prescription, start today.
                """;
        List<String> dx = checked(coder.code(postpartum, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("O99.345");
        assertThat(dx).contains("F41.1", "O99.285", "E03.9", "Z30.011").doesNotContain("Z3A.03", "Z30.09");
        String artery = """
                DISCHARGE SUMMARY - VASCULAR SURGERY
                Principal diagnosis: Acute thrombotic occlusion of the left common and superficial femoral artery
                Hospital course: OR 6/23: left common femoral artery exposure via a groin incision, arteriotomy, Fogarty thrombectomy of the CFA.
                Discharge diagnoses:
                1. Acute arterial thrombosis (thrombotic occlusion) of the left femoral artery, s/p open thrombectomy
                """;
        CaseCoding coding = coder.code(artery, DATE, EncounterSetting.INPATIENT);
        assertThat(checked(coding.diagnoses())).first().isEqualTo("I74.3");
        assertThat(checked(coding.diagnoses())).doesNotContain("I74.9", "T75.89XA", "X58.XXXA");
        assertThat(checked(coding.procedures())).containsExactly("04CL0ZZ");
        String covid = """
                DISCHARGE SUMMARY
                Principal diagnosis: Pneumonia due to COVID-19
                Hospital course: acute hypoxic respiratory failure due to COVID-19 pneumonia on 4 L NC, never HFNC or BiPAP. Dexamethasone 6 mg daily.
                Discharge diagnoses:
                1. COVID-19 pneumonia
                2. Acute hypoxic respiratory failure, resolved
                """;
        dx = checked(coder.code(covid, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).startsWith("U07.1", "J12.82").contains("J96.01");
        String spine = """
                OPERATIVE NOTE
                Preoperative diagnosis: Grade 2 spondylolisthesis L5-S1 with bilateral L5 radiculopathy
                Postoperative diagnosis: Same
                Procedure: PLIF L5-S1 with two PEEK cages, posterolateral arthrodesis L5-S1 with local autograft, decompression of the L5 nerve roots
                Discharge diagnoses: degenerative spondylolisthesis L5-S1 with spinal stenosis and bilateral L5 radiculopathy, s/p PLIF.
                """;
        coding = coder.code(spine, DATE, EncounterSetting.INPATIENT);
        assertThat(checked(coding.diagnoses())).contains("M43.17", "M54.17").doesNotContain("M43.16", "M54.16", "G31.89");
        assertThat(checked(coding.procedures())).containsExactlyInAnyOrder("0SG30AJ", "0SG3071", "01NB0ZZ");
    }

    @Test
    void roundI22jLateralityHivAdultExamMainTermAloneAnaphylaxisFallsAndTheFirstDischargeDiagnosis() {
        String nail = """
                EMERGENCY DEPARTMENT NOTE
                HPI: 34 yo M carpenter at work framing a new house under construction when the nail gun double-fired into his L palm.
                Last tetanus more than 10 yrs ago, maybe in high school.
                Assessment/Plan:
                1. Puncture wound w/ foreign body (nail) of L hand, initial - nail removed. Tdap 0.5 mL IM given today.
                """;
        List<String> dx = checked(coder.code(nail, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("S61.442A");
        assertThat(dx).contains("W29.4XXA", "Y92.61", "Y93.H3", "Y99.0", "Z23").doesNotContain("S61.449A", "Y92.213");
        String fall = """
                ED PHYSICIAN NOTE
                HPI: 84 yo F on apixaban, walking to the living room of her house, tripped over a rug, fell, striking her head on the coffee table.
                No LOC.
                Assessment:
                1. Acute traumatic subdural hematoma L side, no loss of consciousness, after mechanical fall.
                """;
        dx = checked(coder.code(fall, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("S06.5X0A");
        assertThat(dx).contains("W01.190A", "Y92.018", "Y93.01", "Y99.8").doesNotContain("R29.6", "W19.XXXA");
        String hiv = """
                ID CLINIC
                Assessment/Plan:
                1. Asymptomatic HIV infection, virally suppressed on ART - continue Biktarvy.
                """;
        dx = checked(coder.code(hiv, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).contains("Z21", "Z79.899").doesNotContain("B20", "B34.9");
        String physical = """
                PRIMARY CARE - ANNUAL PHYSICAL
                CC: annual physical exam, no complaints
                HPI: 52 yo M here for his yearly physical.
                Assessment/Plan:
                1. Annual adult physical exam w/ abnormal findings (below).
                2. Elevated BP reading w/o diagnosis of hypertension - recheck in 4 wks. Will dx HTN if avg >130/80.
                3. Hyperlipidemia - ASCVD 10-yr risk 9.8%, start atorvastatin.
                """;
        dx = checked(coder.code(physical, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).startsWith("Z00.01").contains("R03.0", "E78.5").doesNotContain("I10", "I25.10");
        String anaphylaxis = """
                EMERGENCY DEPARTMENT NOTE
                HPI: 24 yo F with peanut allergy ate a cookie with peanuts; hives, lip swelling, wheezing.
                ED course: epinephrine IM x2, hives fading. Referral to allergy.
                Assessment/Plan:
                1. Anaphylaxis due to peanut ingestion - resolved after IM epi x2.
                """;
        dx = checked(coder.code(anaphylaxis, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("T78.01XA");
        assertThat(dx).doesNotContain("T78.2XXA", "L50.9", "T78.40XA");
        String cdiff = """
                DISCHARGE SUMMARY
                Reason for admission: diarrhea, AKI
                Hospital course:
                1. Clostridioides difficile colitis, initial episode: PO vancomycin. CT: colonic wall thickening c/w colitis.
                2. AKI, prerenal from volume loss: IV fluids. T2DM - metformin held during AKI, SSI while inpatient.
                Discharge diagnoses: C. diff colitis (first episode); AKI, resolved.
                """;
        dx = checked(coder.code(cdiff, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("A04.72");
        assertThat(dx).contains("N17.9").doesNotContain("A04.71", "K52.9", "N15.9", "T81.49XA");
        String flutter = """
                CARDIOLOGY DISCHARGE SUMMARY
                Principal dx: Typical atrial flutter with rapid ventricular response
                Hospital course: synchronized DC cardioversion under procedural sedation (propofol by anesthesia), single 100 J biphasic shock.
                Procedures: Synchronized electrical cardioversion 11/2/2026.
                """;
        CaseCoding coding = coder.code(flutter, DATE, EncounterSetting.INPATIENT);
        assertThat(checked(coding.diagnoses())).contains("I48.3").doesNotContain("I49.02", "T88.2XXA");
        assertThat(checked(coding.procedures())).containsExactly("5A2204Z");
    }

    @Test
    void roundI22kBleedingUlcerHypertensiveHeartAndKidneyDementiaProsthesisLooseningPerinatalCodesAndDiabetesComplications() {
        String ulcer = """
                DISCHARGE SUMMARY - MEDICINE
                Admitting diagnosis: Melena, symptomatic anemia
                HPI: 68 yo M on ibuprofen 800 mg TID for knee OA, taking as directed, with black tarry stools.
                Hospital course:
                # Acute upper GI bleed from duodenal ulcer: EGD: posterior duodenal bulb ulcer w/ visible vessel, treated w/ epinephrine injection and 2 hemoclips. H. pylori stool antigen positive - quadruple therapy.
                # Acute blood loss anemia: transfused 2 u PRBC.
                Procedures: EGD w/ epinephrine injection and hemoclip placement for bleeding duodenal ulcer (9/1).
                Discharge diagnoses:
                1. Bleeding duodenal ulcer, NSAID-induced (adverse effect of ibuprofen), H. pylori positive
                2. Acute blood loss anemia
                """;
        CaseCoding coding = coder.code(ulcer, DATE, EncounterSetting.INPATIENT);
        List<String> dx = checked(coding.diagnoses());
        assertThat(dx).first().isEqualTo("K26.4");
        assertThat(dx).contains("D62", "B96.81", "T39.315A").doesNotContain("K26.3", "K26.9", "K92.1", "K92.2");
        assertThat(checked(coding.procedures())).contains("0W3P8ZZ").doesNotContain("0DJ08ZZ");
        String heart = """
                CARDIOLOGY CLINIC
                Assessment/Plan:
                1. Chronic systolic (congestive) heart failure, NYHA II, compensated - due to hypertensive heart and chronic kidney disease.
                2. CKD stage 3b - from diabetic nephropathy and HTN; stable.
                3. Type 2 DM with diabetic CKD, on long-term insulin.
                """;
        dx = checked(coder.code(heart, DATE, EncounterSetting.OUTPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("I13.0");
        assertThat(dx).contains("I50.22", "N18.32", "E11.22").doesNotContain("I11.0", "I12.9", "I10");
        String dementia = """
                HOSPITALIST DISCHARGE SUMMARY
                Hospital course:
                # Sepsis, source infected stage 4 sacral pressure ulcer: vanc + pip/tazo.
                # Alzheimer's dementia, severe stage, no behavioral disturbance: donepezil continued.
                Discharge diagnoses:
                1. Sepsis due to infected sacral decubitus ulcer
                2. Pressure ulcer of sacral region, stage 4
                3. Alzheimer's disease with dementia
                """;
        dx = checked(coder.code(dementia, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("A41.9");
        assertThat(dx).contains("L89.154", "G30.9", "F02.C0").doesNotContain("B99.9", "L89.899", "F02.80");
        String revision = """
                OPERATIVE REPORT
                Preoperative diagnosis: Painful L total knee arthroplasty, aseptic loosening of the tibial and femoral components
                Procedure: Revision L total knee arthroplasty, both components, cemented.
                Findings: loose tibial component; intraop frozen section < 5 PMN/hpf.
                Discharge diagnoses:
                1. Aseptic (mechanical) loosening of L total knee prosthesis, initial encounter
                2. Status post R total knee arthroplasty
                """;
        coding = coder.code(revision, DATE, EncounterSetting.INPATIENT);
        dx = checked(coding.diagnoses());
        assertThat(dx).first().isEqualTo("T84.033A");
        assertThat(dx).contains("Z96.651").doesNotContain("Z96.652", "T69.9XXA");
        assertThat(checked(coding.procedures())).containsExactly("0SPD0JZ", "0SRD0J9");
        String delivery = """
                OB DISCHARGE SUMMARY
                27 yo G2P1 admitted at 39w2d in labor. Prenatal course uncomplicated: GBS neg, rubella immune, blood type O+, 1 hr GTT normal.
                Labor & Delivery: SVD of a viable male infant with a first degree perineal laceration, repaired.
                Discharge diagnoses:
                1. Postpartum hemorrhage due to uterine atony (immediate)
                2. Spontaneous vaginal delivery, single liveborn male, 39 weeks
                """;
        dx = checked(coder.code(delivery, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("O72.1");
        assertThat(dx).doesNotContain("G61.0", "P35.0", "B06.9", "Z67.40", "Z17.410");
        String foot = """
                DISCHARGE SUMMARY
                Hospital course:
                # Acute osteomyelitis of R great toe due to diabetic foot ulcer: amputation.
                # T2DM uncontrolled: insulin titrated.
                Discharge diagnoses:
                1. Acute osteomyelitis of right great toe, diabetic
                2. Type 2 diabetes mellitus with right foot ulcer, necrosis of bone
                """;
        dx = checked(coder.code(foot, DATE, EncounterSetting.INPATIENT).diagnoses());
        assertThat(dx).first().isEqualTo("E11.69");
        assertThat(dx).contains("M86.171", "E11.621", "L97.514").doesNotContain("E11.65");
    }
}
