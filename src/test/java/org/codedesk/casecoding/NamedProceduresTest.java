package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.codedesk.casecoding.text.ClinicalText;
import org.junit.jupiter.api.Test;

/**
 * Named operations built to complete ICD-10-PCS codes from the words of the note (every code accepted as if the
 * release had it: the full-data test checks them against FY2026), and the row asked about when a character is not
 * documented. External causes of an injury read from its story.
 */
class NamedProceduresTest {

    private static NamedProcedures.Result build(String text) {
        return NamedProcedures.build(new NoteFacts(ClinicalText.read(text, w -> List.of())), code -> true);
    }

    private static List<String> codes(String text) {
        return build(text).codes().stream().map(NamedProcedures.Built::code).toList();
    }

    @Test
    void spinalFusionIsBuiltByLevelColumnDeviceAndGraftWithTheNerveRootsDecompressed() {
        assertThat(codes("Procedure: L4-L5 transforaminal lumbar interbody fusion (TLIF) with PEEK interbody cage, posterolateral fusion L4-L5"
                + " with local autograft, L4-L5 pedicle screw instrumentation, L4-L5 laminectomy and bilateral foraminotomies for decompression."
                + " Description: ... decompressing the traversing and exiting roots."))
                .containsExactly("0SG00AJ", "0SG0071", "01NB0ZZ");
        assertThat(codes("Procedure: Posterior lumbar interbody fusion (PLIF) L5-S1 with two PEEK interbody cages, posterolateral arthrodesis L5-S1"
                + " with local autograft, bilateral L5 foraminotomies with decompression of the exiting L5 nerve roots."))
                .as("L5-S1 is the lumbosacral joint; the levels of the line serve a clause that names none")
                .containsExactly("0SG30AJ", "0SG3071", "01NB0ZZ");
        assertThat(codes("Procedure: TLIF L4-S1 with interbody cages at L4-L5 and L5-S1, posterolateral fusion L3-S1 with autograft and allograft."))
                .as("one code per region; autograft mixed with allograft is autologous (B3.10c)")
                .containsExactly("0SG00AJ", "0SG30AJ", "0SG1071", "0SG3071");
        assertThat(codes("Procedure: C5-C6 anterior cervical discectomy and fusion (ACDF) with a PEEK spacer and anterior plate.")).containsExactly("0RG10A0");
        NamedProcedures.Result noGraft = build("Procedure: posterolateral fusion L4-L5 with pedicle screws.");
        assertThat(noGraft.codes()).isEmpty();
        assertThat(noGraft.questions()).singleElement().asString().contains("graft");
        assertThat(codes("PSH: L4-L5 fusion 2015. Procedure: right total knee arthroplasty, cemented.")).as("a past fusion").containsExactly("0SRC0J9");
    }

    @Test
    void noninvasiveVentilationByHoursAndKindAndAnArteryThrombectomyBySideAndApproach() {
        assertThat(codes("Hospital course: BiPAP started in ED 11/27 at 14:00 (IPAP 16/EPAP 6) and continued until 11/29 at 02:00 (36 hours)."))
                .containsExactly("5A09458");
        assertThat(codes("Hospital course: required 4-6 L NC, never HFNC or BiPAP, not intubated.")).as("negated").isEmpty();
        assertThat(codes("Hospital course: CPAP at home nightly for OSA was continued.")).as("the patient's own CPAP").isEmpty();
        assertThat(codes("Hospital course: taken to the OR: left common femoral artery exposure through a groin incision, transverse arteriotomy,"
                + " Fogarty balloon catheter thrombectomy of the common femoral and proximal superficial femoral artery.")).containsExactly("04CL0ZZ");
        assertThat(codes("Intervention: aspiration thrombectomy not performed. One drug-eluting stent in the mid RCA.")).doesNotContain("04CL0ZZ");
    }

    @Test
    void paracentesisCardioversionEndarterectomyAndHysterectomyAreBuilt() {
        assertThat(codes("Procedures: Paracentesis, diagnostic and therapeutic (6/18).")).containsExactly("0W9G3ZZ");
        assertThat(codes("Hospital course: diagnostic paracentesis on HD1, 60 mL sent for cell count, no SBP.")).containsExactly("0W9G3ZX");
        assertThat(codes("PMH: cirrhosis, prior paracentesis x2. Hospital course: diuresed.")).as("a past tap").isEmpty();
        assertThat(codes("Hospital course: R thoracentesis, 1.2 L removed.")).containsExactly("0W993ZZ");
        assertThat(codes("Procedures: Synchronized electrical cardioversion 11/2/2026.")).containsExactly("5A2204Z");
        assertThat(codes("Hospital course: rate controlled, plan for outpatient DC cardioversion after 3 weeks of anticoagulation.")).isEmpty();
        assertThat(codes("Procedure: L carotid endarterectomy (internal carotid artery) with primary closure.")).containsExactly("03CL0ZZ");
        NamedProcedures.Result carotid = build("Procedure: right carotid endarterectomy with patch angioplasty.");
        assertThat(carotid.codes()).isEmpty();
        assertThat(carotid.questions()).singleElement().asString().contains("which carotid artery");
        assertThat(codes("Procedure: Total laparoscopic hysterectomy w/ bilateral salpingectomy, ovaries preserved."))
                .containsExactly("0UT94ZZ", "0UTC4ZZ", "0UT74ZZ");
        assertThat(codes("Procedure: Total abdominal hysterectomy with bilateral salpingo-oophorectomy."))
                .containsExactly("0UT90ZZ", "0UTC0ZZ", "0UT70ZZ", "0UT20ZZ");
        assertThat(codes("Procedure: laparoscopic supracervical hysterectomy.")).containsExactly("0UT94ZL");
    }

    @Test
    void roundI22kStentsCountedByTimesAJointRevisionAToeAmputationAndEndoscopicHemostasis() {
        assertThat(codes("Procedures: LHC, coronary angiography, PCI w/ DES x2 to LAD (3/7).")).as("\"DES x2\": two drug-eluting stents")
                .containsExactly("027035Z");
        assertThat(codes("Procedures: PCI of the RCA with one drug-eluting stent.")).containsExactly("027034Z");
        assertThat(codes("Procedure: Revision L total knee arthroplasty, both components (femoral and tibial) with polyethylene exchange, cemented."
                + " History: R TKA 2018 doing well.")).as("the old components removed and replaced; no primary replacement beside them")
                .containsExactly("0SPD0JZ", "0SRD0J9");
        assertThat(codes("Procedure: right total knee arthroplasty, cemented.")).as("a primary replacement is no revision").containsExactly("0SRC0J9");
        NamedProcedures.Result hip = build("Procedure: revision of total hip arthroplasty for loosening.");
        assertThat(hip.codes()).isEmpty();
        assertThat(hip.questions()).singleElement().asString().contains("which hip");
        assertThat(codes("Operation: Amputation right great toe at metatarsophalangeal joint (1/23/2026).")).containsExactly("0Y6P0Z0");
        assertThat(codes("Procedure: left 2nd toe amputation through the proximal phalanx.")).containsExactly("0Y6S0Z1");
        NamedProcedures.Result level = build("Procedure: amputation of the left fifth toe.");
        assertThat(level.codes()).isEmpty();
        assertThat(level.questions()).singleElement().asString().contains("level");
        assertThat(codes("Hospital course: EGD 9/1: duodenal bulb ulcer w/ visible vessel, treated w/ epinephrine injection and 2 hemoclips, hemostasis"
                + " achieved.\nProcedures: EGD w/ epinephrine injection and hemoclip placement for bleeding duodenal ulcer (9/1)."))
                .as("the control of bleeding includes the inspection").containsExactly("0W3P8ZZ");
        assertThat(codes("Procedures: EGD (11/2): gastritis, no ulcer, no stigmata of recent bleeding, no intervention needed."))
                .containsExactly("0DJ08ZZ");
        assertThat(codes("Labs: coagulation panel normal.\nProcedures: EGD, no active bleeding, no clips placed."))
                .as("coagulation studies and a negated clip are no hemostasis").containsExactly("0DJ08ZZ");
    }

    @Test
    void theJointsOfASpineLevelAreCounted() {
        assertThat(SpinalFusion.joints("spondylolisthesis l5-s1 with l5 radiculopathy")).containsExactly(24);
        assertThat(SpinalFusion.joints("fusion l3-l5")).containsExactly(22, 23);
        assertThat(SpinalFusion.joints("acdf c5-6")).containsExactly(5);
        assertThat(SpinalFusion.joints("bilateral l5 foraminotomies")).isEmpty();
    }

    @Test
    void cholecystectomyAndAppendectomyTakeTheApproachFromTheName() {
        assertThat(codes("Procedure performed: Laparoscopic cholecystectomy.")).containsExactly("0FT44ZZ");
        assertThat(codes("Operation: open appendectomy through a McBurney incision.")).containsExactly("0DTJ0ZZ");
        assertThat(codes("Procedure: Lap appendectomy. Findings: inflamed appendix.")).containsExactly("0DTJ4ZZ");
    }

    @Test
    void kneeReplacementNeedsTheSideAndReadsTheFixation() {
        assertThat(codes("PROCEDURE: Right total knee arthroplasty, cemented.")).containsExactly("0SRC0J9");
        assertThat(codes("Procedure: Left total knee replacement using press-fit, uncemented components.")).containsExactly("0SRD0JA");
        NamedProcedures.Result noSide = build("Procedure: total knee arthroplasty with cemented components.");
        assertThat(noSide.codes()).isEmpty();
        assertThat(noSide.questions()).singleElement().asString().contains("which knee").contains("0SRC").contains("0SRD");
    }

    @Test
    void totalHipReplacementTakesItsBearingSurfaceFromTheImplants() {
        assertThat(codes("Procedure: Right total hip arthroplasty. Implants: uncemented shell with highly cross-linked polyethylene liner,"
                + " ceramic femoral head.")).containsExactly("0SR904A");
        assertThat(codes("Procedure: Left total hip arthroplasty, cemented stem, cobalt-chrome head on a polyethylene liner.")).containsExactly("0SRB029");
        assertThat(codes("Procedure: Left THA, press-fit components.")).as("the bearing not written").containsExactly("0SRB0JA");
    }

    @Test
    void lysisOfAdhesionsReleasesTheOrganTheFindingsName() {
        assertThat(codes("Procedure: Diagnostic laparoscopy, laparoscopic lysis of adhesions. Findings: band from the abdominal wall to the"
                + " distal ileum, divided.")).containsExactly("0DN84ZZ");
        assertThat(codes("Procedure: Exploratory laparotomy, open lysis of adhesions of the sigmoid colon.")).containsExactly("0DNE0ZZ");
        assertThat(codes("PMH: lysis of adhesions 2015.")).as("a past operation").isEmpty();
    }

    @Test
    void hipFractureFixationTakesTheSideAndTheDevice() {
        assertThat(codes("Procedure: Open reduction and internal fixation of left intertrochanteric femur fracture with sliding hip screw and side plate."))
                .containsExactly("0QS704Z");
        assertThat(codes("Procedure: ORIF of right intertrochanteric fracture with a cephalomedullary nail.")).containsExactly("0QS606Z");
        NamedProcedures.Result noSide = build("Procedure: ORIF of intertrochanteric femur fracture with sliding hip screw.");
        assertThat(noSide.codes()).isEmpty();
        assertThat(noSide.questions()).singleElement().asString().contains("0QS6").contains("0QS7");
        assertThat(codes("Procedure: ORIF of left distal radius fracture with volar plate.")).as("not the upper femur").isEmpty();
    }

    @Test
    void hemodialysisGivenDuringTheStayIsCodedNotTheChronicSchedule() {
        assertThat(codes("HPI: ESRD on HD MWF.\nHospital course: urgent hemodialysis (single 4-hour session), K normalized.")).containsExactly("5A1D70Z");
        assertThat(codes("Hospital course: started CRRT for volume overload.")).containsExactly("5A1D90Z");
        assertThat(codes("HPI: ESRD on HD MWF via left arm fistula.\nHospital course: potassium binder, HD as scheduled as outpatient."))
                .isEmpty();
    }

    @Test
    void coronaryDilationCountsArteriesAndStents() {
        assertThat(codes("Procedure: PCI of the proximal LAD with placement of two drug-eluting stents.")).containsExactly("027035Z");
        assertThat(codes("Procedure: Primary PCI of the left anterior descending artery with one drug-eluting stent (3.5 x 23 mm).")).containsExactly("027034Z");
        assertThat(codes("Procedures: PCI of the LAD and the RCA with three drug-eluting stents.")).containsExactly("027136Z");
        assertThat(codes("Procedure: Percutaneous coronary intervention of the proximal LAD with two overlapping drug-eluting stents (3.0 x 28 mm and 3.0 x 15 mm)."))
                .containsExactly("027035Z");
    }

    @Test
    void endoscopiesCodeTheSegmentExcisedOrBiopsied() {
        assertThat(codes("Procedure: Colonoscopy with hot snare polypectomy.\nFindings:\n- A 15 mm polyp in the sigmoid colon, removed with hot snare."))
                .containsExactly("0DBN8ZZ");
        assertThat(codes("Procedure: Colonoscopy with cold snare polypectomy x2.\n1. 8 mm polyp in the transverse colon, removed with cold snare.\n"
                + "2. 12 mm polyp in the ascending colon, removed with cold snare.")).containsExactly("0DBL8ZZ", "0DBK8ZZ");
        assertThat(codes("Indications: 70-year-old man found on screening colonoscopy to have a cecal mass, biopsy adenocarcinoma."))
                .as("an endoscopy of the history was not done in this stay").isEmpty();
        assertThat(codes("Procedure: EGD with cold forceps biopsy.\nStomach: gastritis. Biopsies taken from the antrum.")).containsExactly("0DB68ZX");
        assertThat(codes("Procedure: EGD - duodenal bulb ulcer; biopsies of the duodenum taken.")).containsExactly("0DB98ZX");
    }

    @Test
    void cesareanVentilationIntubationAndTransfusion() {
        assertThat(codes("Procedure: Primary low transverse cesarean section.")).containsExactly("10D00Z1");
        assertThat(codes("Procedures: Continuous invasive mechanical ventilation from 1/18 to 1/23 (approximately 110 consecutive hours).")).containsExactly("5A1955Z");
        assertThat(codes("Procedures: mechanical ventilation for 3 days, extubated on day 4.")).containsExactly("5A1945Z");
        assertThat(build("Procedure: placed on mechanical ventilation.").questions()).singleElement().asString().contains("consecutive hours");
        assertThat(codes("Procedures: intubated on arrival to the ICU for hypoxemia.")).containsExactly("0BH17EZ");
        assertThat(codes("Procedures: none. No prior intubations.")).isEmpty();
        assertThat(codes("Procedures:\n- 2/13: Transfusion of 2 units packed red blood cells via peripheral IV.")).containsExactly("30233N1");
    }

    @Test
    void herniaRepairAndColectomy() {
        assertThat(codes("Procedure: Open right inguinal hernia repair with polypropylene mesh.")).containsExactly("0YU50JZ");
        assertThat(codes("Procedure: Laparoscopic TAPP left inguinal hernia repair with mesh.")).containsExactly("0YU64JZ");
        assertThat(codes("Operation: Laparoscopic right hemicolectomy with ileocolic anastomosis.")).containsExactly("0DTF4ZZ");
    }

    @Test
    void externalCausesComeFromTheStoryOfTheInjury() {
        NoteFacts ice = new NoteFacts(ClinicalText.read("HPI: 24 y/o F slipped on ice on the sidewalk outside her apartment while walking to work"
                + " and rolled her right ankle.", w -> List.of()));
        assertThat(ExternalCauses.of(ice, 'A', code -> true)).extracting(ExternalCauses.Cause::code)
                .containsExactly("W00.0XXA", "Y92.480", "Y93.01", "Y99.8");
        NoteFacts knife = new NoteFacts(ClinicalText.read("Cut his left index finger with a kitchen knife while cooking dinner in the kitchen of his"
                + " house.", w -> List.of()));
        assertThat(ExternalCauses.of(knife, 'D', code -> true)).extracting(ExternalCauses.Cause::code)
                .containsExactly("W26.0XXD", "Y92.010", "Y93.G3", "Y99.8");
        NoteFacts rug = new NoteFacts(ClinicalText.read("HPI: 84 yo F walking from the kitchen to the living room of her house when she tripped over"
                + " a throw rug and fell forward, striking her forehead on the coffee table.", w -> List.of()));
        assertThat(ExternalCauses.of(rug, 'A', code -> true)).extracting(ExternalCauses.Cause::code)
                .containsExactly("W01.190A", "Y92.018", "Y93.01", "Y99.8");
        NoteFacts nailGun = new NoteFacts(ClinicalText.read("HPI: carpenter at work framing a new house under construction when the nail gun"
                + " double-fired into his L palm.", w -> List.of()));
        assertThat(ExternalCauses.of(nailGun, 'A', code -> true)).extracting(ExternalCauses.Cause::code)
                .containsExactly("W29.4XXA", "Y92.61", "Y93.H3", "Y99.0");
        NoteFacts none = new NoteFacts(ClinicalText.read("Ankle pain for two weeks. Denies any fall or trauma.", w -> List.of()));
        assertThat(ExternalCauses.of(none, 'A', code -> true)).as("a negated fall is no mechanism").isEmpty();
    }

    @Test
    void sectionsAreWeighedByWhatTheySay() {
        assertThat(NoteSections.of("assessment/plan")).isEqualTo(NoteSections.CONCLUSION);
        assertThat(NoteSections.of("principal diagnosis")).isEqualTo(NoteSections.CONCLUSION);
        assertThat(NoteSections.of("dx")).isEqualTo(NoteSections.CONCLUSION);
        assertThat(NoteSections.of("ros")).isEqualTo(NoteSections.REVIEW);
        assertThat(NoteSections.of("review of systems")).isEqualTo(NoteSections.REVIEW);
        assertThat(NoteSections.of("past medical history")).isEqualTo(NoteSections.HISTORY);
        assertThat(NoteSections.of("family history")).isEqualTo(NoteSections.FAMILY);
        assertThat(NoteSections.of("history of present illness")).isEqualTo(NoteSections.NARRATIVE);
        assertThat(NoteSections.of("hospital course")).isEqualTo(NoteSections.TREATED);
        assertThat(NoteSections.of("meds")).isEqualTo(NoteSections.MEDICATIONS);
        ClinicalText note = ClinicalText.read("CC: chest pain\nDx: costochondritis", w -> List.of());
        assertThat(NoteSections.of(note, 1)).isEqualTo(NoteSections.CONCLUSION);
        assertThat(NoteSections.hasConclusion(note)).isTrue();
    }
}
