package org.codedesk.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The book's order on hand-made candidates: each rule moves a candidate the way a coder reading the index would. */
class BookOrderTest {

    private final LexicalQueries lexical = new LexicalQueries();
    private final BookOrder order = new BookOrder(lexical);

    private double score(String query, BookOrder.Candidate candidate) {
        return order.adjustment(candidate, lexical.terms(query), BookOrder.isProcedure(query));
    }

    @Test
    void anIndexPathMadeOfTheQuerysWordsWinsOverAPathWithMore() {
        var calculusOfKidney = new BookOrder.Candidate("icd10cm", "Calculus of kidney", true,
                List.of("Calculus, calculi, calculous > kidney (impacted) (multiple)"));
        var withUreter = new BookOrder.Candidate("icd10cm", "Calculus of kidney with calculus of ureter", true,
                List.of("Calculus, calculi, calculous > kidney > with calculus, ureter"));
        assertThat(score("calculus kidney", calculusOfKidney)).isGreaterThan(score("calculus kidney", withUreter));
        assertThat(order.pathMatch(calculusOfKidney.indexPaths(), java.util.Set.copyOf(lexical.terms("calculus kidney"))))
                .isEqualTo(BookOrder.EXACT_PATH);
        assertThat(order.pathMatch(withUreter.indexPaths(), java.util.Set.copyOf(lexical.terms("calculus kidney")))).isZero();
    }

    @Test
    void unspecifiedBeforeSpecificAndBillableBeforeHeader() {
        var nos = new BookOrder.Candidate("icd10cm", "Unspecified conjunctivitis", true, List.of());
        var toxic = new BookOrder.Candidate("icd10cm", "Acute toxic conjunctivitis, right eye", true, List.of());
        assertThat(score("conjunctivitis", nos)).isGreaterThan(score("conjunctivitis", toxic));
        var header = new BookOrder.Candidate("icd10cm", "Conjunctivitis", false, List.of());
        var leaf = new BookOrder.Candidate("icd10cm", "Conjunctivitis", true, List.of());
        assertThat(score("conjunctivitis", leaf)).isGreaterThan(score("conjunctivitis", header));
    }

    @Test
    void historyAndOldOnlyWhenAsked() {
        var acute = new BookOrder.Candidate("icd10cm", "Acute myocardial infarction, unspecified", true, List.of());
        var old = new BookOrder.Candidate("icd10cm", "Old myocardial infarction", true, List.of());
        assertThat(score("myocardial infarction", acute)).isGreaterThan(score("myocardial infarction", old));
        assertThat(score("old myocardial infarction", old)).isGreaterThan(score("old myocardial infarction", acute));
        var history = new BookOrder.Candidate("icd10cm", "Personal history of transient ischemic attack (TIA), and cerebral infarction", true, List.of());
        var infarction = new BookOrder.Candidate("icd10cm", "Cerebral infarction, unspecified", true, List.of());
        assertThat(score("cerebral infarction", infarction)).isGreaterThan(score("cerebral infarction", history));
    }

    @Test
    void procedureWordsPreferProcedureCodeSystems() {
        assertThat(BookOrder.isProcedure("percutaneous endoscopic resection appendix")).isTrue();
        assertThat(BookOrder.isProcedure("bypass coronary artery")).isTrue();
        assertThat(BookOrder.isProcedure("laparoscopic cholecystectomy")).isTrue();
        assertThat(BookOrder.isProcedure("acute appendicitis")).isFalse();
        assertThat(BookOrder.isProcedure("paralysis")).isFalse();
        var pcs = new BookOrder.Candidate("icd10pcs", "Bypass Coronary Artery, One Artery from Left Internal Mammary, Open Approach", true, List.of());
        var complication = new BookOrder.Candidate("icd10cm", "Breakdown (mechanical) of coronary artery bypass graft", true, List.of());
        assertThat(score("bypass coronary artery", pcs)).isGreaterThan(score("bypass coronary artery", complication));
    }

    @Test
    void theSideTypedPrefersTheTitleOfThatSide() {
        var left = new BookOrder.Candidate("icd10cm", "Unilateral primary osteoarthritis, left knee", true, List.of("Osteoarthritis > knee"));
        var right = new BookOrder.Candidate("icd10cm", "Unilateral primary osteoarthritis, right knee", true, List.of("Osteoarthritis > knee"));
        var unspecified = new BookOrder.Candidate("icd10cm", "Osteoarthritis of knee, unspecified", true, List.of("Osteoarthritis > knee"));
        assertThat(score("left knee osteoarthritis", left)).isGreaterThan(score("left knee osteoarthritis", unspecified));
        assertThat(score("left knee osteoarthritis", unspecified)).isGreaterThan(score("left knee osteoarthritis", right));
        // the index path still counts as exact: the side is the title's word, not the book's
        assertThat(score("left knee osteoarthritis", left) - score("knee osteoarthritis", left)).isPositive();
        // no side typed: the unspecified one first, as before
        assertThat(score("knee osteoarthritis", unspecified)).isGreaterThan(score("knee osteoarthritis", left));
    }

    @Test
    void noSideTypedPrefersTheUnspecifiedSide() {
        var right = new BookOrder.Candidate("icd10cm", "Fracture of one rib, right side", true, List.of());
        var unspecified = new BookOrder.Candidate("icd10cm", "Fracture of one rib, unspecified side", true, List.of());
        assertThat(score("fracture rib", unspecified)).isGreaterThan(score("fracture rib", right));
        assertThat(score("fracture rib right", right)).isGreaterThan(score("fracture rib right", unspecified));
    }

    @Test
    void theStageTypedPrefersTheTitleThatCoversIt() {
        var oneToFour = new BookOrder.Candidate("icd10cm", "Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney "
                + "disease, or unspecified chronic kidney disease", true, List.of());
        var five = new BookOrder.Candidate("icd10cm", "Hypertensive chronic kidney disease with stage 5 chronic kidney disease or end "
                + "stage renal disease", true, List.of());
        String query = "hypertension chronic kidney disease stage 3";
        assertThat(score(query, oneToFour)).isGreaterThan(score(query, five));
        // the index's range names the stage typed: its path is the query's words
        assertThat(order.pathMatch(List.of("Hypertension, hypertensive > kidney > with > stage 1 through stage 4 chronic kidney disease"),
                java.util.Set.copyOf(lexical.terms(query)))).isEqualTo(BookOrder.EXACT_PATH);
        assertThat(order.pathMatch(List.of("Hypertension, hypertensive > kidney > with > stage 5 chronic kidney disease"),
                java.util.Set.copyOf(lexical.terms(query)))).isZero();
        assertThat(BookOrder.stageMatch("Chronic kidney disease, stage 3 unspecified", lexical.terms("ckd stage 3"), true)).isPositive();
        assertThat(BookOrder.stageMatch("Chronic kidney disease, stage 3a", lexical.terms("ckd stage 3"), true)).isNegative();
        assertThat(BookOrder.stageMatch("Chronic kidney disease, stage 3b", lexical.terms("ckd stage 3b"), true)).isPositive();
        assertThat(BookOrder.stageMatch("End stage renal disease", lexical.terms("ckd stage 4"), true)).isNegative();
        assertThat(BookOrder.stageMatch("End stage renal disease", lexical.terms("chronic kidney disease"), true)).isZero();
        assertThat(BookOrder.stageMatch("Pressure ulcer of right elbow", lexical.terms("pressure ulcer elbow stage 3"), false)).isNegative();
    }

    @Test
    void aWithLevelIsNotAWordTheQueryMissed() {
        var withHypoxia = new BookOrder.Candidate("icd10cm", "Acute and chronic respiratory failure with hypoxia", true,
                List.of("Failure, failed > respiration, respiratory > acute and chronic > with > hypoxia"));
        var unspecified = new BookOrder.Candidate("icd10cm", "Acute and chronic respiratory failure, unspecified whether with hypoxia or "
                + "hypercapnia", true, List.of("Failure, failed > respiration, respiratory > acute and chronic"));
        String query = "acute chronic respiratory failure hypoxia";
        assertThat(order.pathMatch(withHypoxia.indexPaths(), java.util.Set.copyOf(lexical.terms(query)))).isEqualTo(BookOrder.EXACT_PATH);
        assertThat(score(query, withHypoxia)).isGreaterThan(score(query, unspecified));
    }

    @Test
    void aFractureIsTraumaticUnlessThePathologicalOneIsAsked() {
        var traumatic = new BookOrder.Candidate("icd10cm", "Unspecified fracture of right forearm, initial encounter for closed fracture",
                true, List.of("Fracture, traumatic > radius"));
        var pathological = new BookOrder.Candidate("icd10cm", "Pathological fracture, right radius, initial encounter for fracture", true,
                List.of("Fracture, pathological > radius"));
        assertThat(score("fracture right radius", traumatic)).isGreaterThan(score("fracture right radius", pathological));
        assertThat(score("pathological fracture right radius", pathological))
                .isGreaterThan(score("pathological fracture right radius", traumatic));
    }

    @Test
    void anInjuryTypedMeansItsInitialEncounter() {
        var initial = new BookOrder.Candidate("icd10cm", "Unspecified fracture of right forearm, initial encounter for closed fracture",
                true, List.of("Fracture, traumatic > radius"));
        var sequela = new BookOrder.Candidate("icd10cm", "Unspecified fracture of right forearm, sequela", true,
                List.of("Fracture, traumatic > radius"));
        var subsequent = new BookOrder.Candidate("icd10cm", "Unspecified fracture of right forearm, subsequent encounter for closed "
                + "fracture with routine healing", true, List.of("Fracture, traumatic > radius"));
        assertThat(score("fracture right radius", initial)).isGreaterThan(score("fracture right radius", sequela))
                .isGreaterThan(score("fracture right radius", subsequent));
        assertThat(score("fracture right radius sequela", sequela)).isGreaterThan(score("fracture right radius sequela", initial));
    }

    @Test
    void aTitleWithoutWhatTheQueryNamesComesAfter() {
        var with = new BookOrder.Candidate("icd10cm", "Benign prostatic hyperplasia with lower urinary tract symptoms", true, List.of());
        var without = new BookOrder.Candidate("icd10cm", "Benign prostatic hyperplasia without lower urinary tract symptoms", true, List.of());
        String query = "benign prostatic hyperplasia with lower urinary tract symptoms";
        assertThat(score(query, with)).isGreaterThan(score(query, without));
        String denied = "benign prostatic hyperplasia without lower urinary tract symptoms";
        assertThat(score(denied, without)).isGreaterThanOrEqualTo(score(denied, with));
    }

    @Test
    void theHeadOfWhatATitleDeniesIsEnough() {
        var withShock = new BookOrder.Candidate("icd10cm", "Severe sepsis with septic shock", true, List.of());
        var withoutShock = new BookOrder.Candidate("icd10cm", "Severe sepsis without septic shock", true, List.of());
        // "severe sepsis w shock": the query does not say "septic", the shock it names is what R65.20 denies
        assertThat(score("severe sepsis with shock", withShock)).isGreaterThan(score("severe sepsis with shock", withoutShock));
        assertThat(score("severe sepsis", withoutShock)).isGreaterThanOrEqualTo(score("severe sepsis", withShock));
    }

    @Test
    void aWordTypedThatThePathPrintsAsANonessentialModifierIsThePathsWord() {
        var annual = new BookOrder.Candidate("icd10cm", "Encounter for general adult medical examination without abnormal findings", true,
                List.of("Examination > annual (adult) (periodic) (physical)"));
        var gynecological = new BookOrder.Candidate("icd10cm", "Encounter for gynecological examination without abnormal findings", true,
                List.of("Examination > annual (adult) (periodic) (physical) > gynecological"));
        var typed = java.util.Set.copyOf(lexical.terms("annual physical examination"));
        assertThat(order.pathMatch(annual.indexPaths(), typed)).isEqualTo(BookOrder.EXACT_PATH);
        assertThat(order.pathMatch(gynecological.indexPaths(), typed)).isLessThan(BookOrder.EXACT_PATH);
        // a word in neither the path nor its modifiers is still missed
        assertThat(order.pathMatch(annual.indexPaths(), java.util.Set.copyOf(lexical.terms("annual dental examination"))))
                .isLessThan(BookOrder.EXACT_PATH);
    }

    @Test
    void anUndocumentedIntentIsAccidental() {
        var accidental = new BookOrder.Candidate("icd10cm", "Toxic effect of venom of bees, accidental (unintentional), initial encounter",
                true, List.of());
        var undetermined = new BookOrder.Candidate("icd10cm", "Toxic effect of venom of bees, undetermined, initial encounter", true, List.of());
        var assault = new BookOrder.Candidate("icd10cm", "Toxic effect of venom of bees, assault, initial encounter", true, List.of());
        assertThat(score("toxic effect venom bees", accidental)).isGreaterThan(score("toxic effect venom bees", undetermined))
                .isGreaterThan(score("toxic effect venom bees", assault));
        assertThat(score("toxic effect venom bees assault", assault)).isGreaterThan(score("toxic effect venom bees assault", accidental));
    }

    @Test
    void aftercareOfAProcedureIsADiagnosis() {
        assertThat(BookOrder.isProcedure("aftercare joint replacement")).isFalse();
        assertThat(BookOrder.isProcedure("joint replacement")).isTrue();
        assertThat(BookOrder.isProcedure("carpal tunnel release")).isTrue();
        assertThat(BookOrder.isProcedure("walker")).as("equipment is HCPCS's").isTrue();
        assertThat(BookOrder.isProcedure("dependence on wheelchair")).as("a status (Z99.3), not the equipment").isFalse();
        assertThat(BookOrder.isProcedure("walking difficulty")).isFalse();
    }

    @Test
    void remissionOnlyWhenAsked() {
        var active = new BookOrder.Candidate("icd10cm", "Type 2 diabetes mellitus without complications", true, List.of());
        var remission = new BookOrder.Candidate("icd10cm", "Type 2 diabetes mellitus without complications in remission", true, List.of());
        assertThat(score("type 2 diabetes mellitus without complications", active))
                .isGreaterThan(score("type 2 diabetes mellitus without complications", remission));
        assertThat(score("type 2 diabetes in remission", remission)).isGreaterThan(score("type 2 diabetes in remission", active));
    }

    @Test
    void imagingOfAThingOnlyWhenImagingIsAsked() {
        var bypass = new BookOrder.Candidate("icd10pcs", "Bypass Coronary Artery, One Artery from Aorta with Autologous Venous Tissue, Open "
                + "Approach", true, List.of());
        var fluoroscopy = new BookOrder.Candidate("icd10pcs", "Fluoroscopy of Single Coronary Artery Bypass Graft using Other Contrast", true,
                List.of());
        assertThat(score("bypass coronary artery", bypass)).isGreaterThan(score("bypass coronary artery", fluoroscopy));
        assertThat(score("fluoroscopy coronary artery bypass graft", fluoroscopy))
                .isGreaterThan(score("fluoroscopy coronary artery bypass graft", bypass));
    }

    @Test
    void statusPostAProcedureIsADiagnosis() {
        assertThat(BookOrder.isProcedure("coronary artery bypass graft")).isTrue();
        assertThat(BookOrder.isProcedure("status post coronary artery bypass graft")).isFalse();
        assertThat(BookOrder.isProcedure("history of appendectomy")).isFalse();
    }

    @Test
    void congenitalAndHealingComplicationsOnlyWhenAsked() {
        var acquired = new BookOrder.Candidate("icd10cm", "Diverticulitis of large intestine without perforation or abscess without bleeding",
                true, List.of());
        var congenital = new BookOrder.Candidate("icd10cm", "Other specified congenital malformations of intestine", true, List.of());
        assertThat(score("diverticulitis colon", acquired)).isGreaterThan(score("diverticulitis colon", congenital));
        assertThat(score("congenital diverticulitis colon", congenital)).isGreaterThan(score("diverticulitis colon", congenital));
        var routine = new BookOrder.Candidate("icd10cm",
                "Fracture of unspecified carpal bone, right wrist, subsequent encounter for fracture with routine healing", true, List.of());
        var nonunion = new BookOrder.Candidate("icd10cm",
                "Fracture of unspecified carpal bone, right wrist, subsequent encounter for fracture with nonunion", true, List.of());
        assertThat(score("fracture right wrist subsequent", routine)).isGreaterThan(score("fracture right wrist subsequent", nonunion));
        assertThat(score("fracture right wrist subsequent nonunion", nonunion))
                .isGreaterThan(score("fracture right wrist subsequent nonunion", routine));
    }

    @Test
    void aLastLevelSayingOnlyUnspecifiedIsWhatANamelessQueryMeans() {
        var unspecified = new BookOrder.Candidate("icd10cm", "Concussion with loss of consciousness of unspecified duration", true,
                List.of("Concussion > with > loss of consciousness > unspecified duration"));
        assertThat(order.pathMatch(unspecified.indexPaths(), java.util.Set.copyOf(lexical.terms("concussion with loss of consciousness"))))
                .isEqualTo(BookOrder.EXACT_PATH);
        var thirty = new BookOrder.Candidate("icd10cm", "Concussion with loss of consciousness of 30 minutes or less", true,
                List.of("Concussion > with > loss of consciousness > of 30 minutes or less"));
        assertThat(order.pathMatch(thirty.indexPaths(), java.util.Set.copyOf(lexical.terms("concussion with loss of consciousness")))).isZero();
    }

    @Test
    void aStatusIsADiagnosis() {
        var z = new BookOrder.Candidate("icd10cm", "Dependence on renal dialysis", true, List.of("Dependence > renal dialysis"));
        var g = new BookOrder.Candidate("hcpcs", "Documentation of end stage renal disease (esrd), dialysis, renal transplant", true, List.of());
        String query = "end stage renal disease dependence on renal dialysis";
        assertThat(BookOrder.isProcedure(List.of(query, "esrd on dialysis"))).isFalse();
        assertThat(BookOrder.isProcedure(List.of("performance urinary filtration", "dialysis"))).isTrue();
        assertThat(score(query, g)).isLessThan(score("end stage renal disease renal dialysis", g));
        assertThat(score(query, z)).isGreaterThan(score(query, g));
    }

    @Test
    void aDrugTakenLongTermIsItsUseNotItsPoisoning() {
        // "on warfarin" is read as long-term use; the Table of Drugs names warfarin, the status title only its class
        var use = new BookOrder.Candidate("icd10cm", "Long term (current) use of anticoagulants", true,
                List.of("Long-term (current) drug therapy (use of) > anticoagulants"));
        var underdosing = new BookOrder.Candidate("icd10cm", "Underdosing of anticoagulants, initial encounter", true,
                List.of("Table of Drugs > Warfarin > underdosing"));
        String query = "long term current use of anticoagulants warfarin";
        assertThat(score(query, use)).isGreaterThan(score(query, underdosing) + 0.05);
        assertThat(score("warfarin underdosing anticoagulants", underdosing)).as("asked for")
                .isGreaterThan(score(query, underdosing) + 0.05);
    }

    @Test
    void familyHistoryOnlyWhenTheFamilyIsNamed() {
        var own = new BookOrder.Candidate("icd10cm", "Personal history of colonic polyps, unspecified", true, List.of());
        var family = new BookOrder.Candidate("icd10cm", "Family history of colon polyps, unspecified", true, List.of());
        assertThat(score("history colon polyps", own)).isGreaterThan(score("history colon polyps", family));
        assertThat(score("family history colon polyps", family)).isGreaterThan(score("family history colon polyps", own));
        var familial = new BookOrder.Candidate("icd10cm", "Familial hypercholesterolemia", true, List.of());
        var familyOf = new BookOrder.Candidate("icd10cm", "Family history of familial hypercholesterolemia", true, List.of());
        assertThat(score("familial hypercholesterolemia", familial)).as("familial names no relative")
                .isGreaterThan(score("familial hypercholesterolemia", familyOf));
    }

    @Test
    void aFamilyHistoryAskedIsAFamilyHistoryCode() {
        // "father had mi": the relative's infarction is neither the patient's (I21.9) nor the patient's old one (I25.2)
        var old = new BookOrder.Candidate("icd10cm", "Old myocardial infarction", true,
                List.of("History > personal > myocardial infarction (of) (old)"));
        var family = new BookOrder.Candidate("icd10cm", "Family history of ischemic heart disease and other diseases of the circulatory system",
                true, List.of("History > family > disease or disorder > ischemic heart (of) (of)"));
        var readings = List.of(lexical.terms("family history of myocardial infarction"),
                lexical.terms("family history of ischemic heart diseases"));
        var reading = order.reading(readings, false);
        assertThat(order.adjustment(order.prepare(family), reading)).isGreaterThan(order.adjustment(order.prepare(old), reading) + 0.05);
        assertThat(score("history myocardial infarction", old)).as("no family named")
                .isGreaterThan(score("family history myocardial infarction", old) + 0.05);
    }

    @Test
    void anHcpcsDrugsOwnCodeBeforeOneProductOrRouteOfIt() {
        var nos = new BookOrder.Candidate("hcpcs", "Injection, triamcinolone acetonide, not otherwise specified, 10 mg", true, List.of());
        var product = new BookOrder.Candidate("hcpcs", "Injection, triamcinolone acetonide (xipere), 1 mg", true, List.of());
        String query = "triamcinolone acetonide injection";
        assertThat(score(query, nos)).isGreaterThan(score(query, product) + 0.03);
        assertThat(score("triamcinolone acetonide xipere injection", product)).as("the product named").isGreaterThan(score(query, product) + 0.025);
        var plain = new BookOrder.Candidate("hcpcs", "Injection, dexamethasone sodium phosphate, 1 mg", true, List.of());
        var intraocular = new BookOrder.Candidate("hcpcs", "Injection, dexamethasone 9%, intraocular, 1 mcg", true, List.of());
        assertThat(score("dexamethasone injection", plain)).isGreaterThan(score("dexamethasone injection", intraocular) + 0.02);
        assertThat(score("dexamethasone intraocular injection", intraocular)).as("the route named")
                .isGreaterThan(score("dexamethasone injection", intraocular) + 0.025);
        var supply = new BookOrder.Candidate("hcpcs", "Cane, quad or three prong, includes canes of all materials, adjustable or fixed, with tips",
                true, List.of());
        assertThat(score("quad cane (adjustable)", supply)).as("not a drug: parentheses are not a product")
                .isEqualTo(score("quad cane adjustable", supply));
    }

    @Test
    void aFractureIsClosedAndDisplacedUnlessTheQuerySaysOtherwise() {
        var closed = new BookOrder.Candidate("icd10cm",
                "Unspecified fracture of the lower end of left radius, initial encounter for closed fracture", true, List.of());
        var open = new BookOrder.Candidate("icd10cm",
                "Unspecified fracture of the lower end of left radius, initial encounter for open fracture type I or II", true, List.of());
        assertThat(score("fracture left radius", closed)).isGreaterThan(score("fracture left radius", open));
        assertThat(score("open fracture left radius", open)).as("no penalty when asked").isGreaterThan(score("fracture left radius", open) + 0.025);
        var displaced = new BookOrder.Candidate("icd10cm",
                "Displaced fracture of fifth metatarsal bone, right foot, initial encounter for closed fracture", true, List.of());
        var nondisplaced = new BookOrder.Candidate("icd10cm",
                "Nondisplaced fracture of fifth metatarsal bone, right foot, initial encounter for closed fracture", true, List.of());
        assertThat(score("fracture right fifth metatarsal", displaced)).isGreaterThan(score("fracture right fifth metatarsal", nondisplaced));
        assertThat(score("nondisplaced fracture right fifth metatarsal", nondisplaced))
                .isGreaterThan(score("nondisplaced fracture right fifth metatarsal", displaced));
    }

    @Test
    void aTermsNosIsItsDefaultNotAWordToType() {
        var nos = new BookOrder.Candidate("icd10cm", "Unspecified conjunctivitis", true,
                List.of("Conjunctivitis NOS (staphylococcal) (streptococcal)"));
        assertThat(order.pathMatch(nos.indexPaths(), java.util.Set.copyOf(lexical.terms("conjunctivitis")))).isEqualTo(BookOrder.EXACT_PATH);
        var tularemia = new BookOrder.Candidate("icd10cm", "Oculoglandular tularemia", true, List.of("Tularensis conjunctivitis"));
        assertThat(score("conjunctivitis", nos)).isGreaterThan(score("conjunctivitis", tularemia));
    }

    @Test
    void anEncounterIsItsZCodeNotTheServiceGiven() {
        assertThat(BookOrder.isEncounter("encounter for influenza virus vaccine")).isTrue();
        assertThat(BookOrder.isEncounter("prostate specific antigen screening")).isTrue();
        assertThat(BookOrder.isEncounter("fracture right wrist subsequent encounter")).as("an injury's encounter").isFalse();
        var immunization = new BookOrder.Candidate("icd10cm", "Encounter for immunization", true, List.of());
        var administration = new BookOrder.Candidate("hcpcs", "Administration of influenza virus vaccine", true, List.of());
        String query = "encounter for influenza virus vaccine";
        assertThat(score(query, immunization) - score(query, administration)).isGreaterThan(0.06);
    }

    @Test
    void aScopeOnlyWhenTheQueryNamesOne() {
        var natural = new BookOrder.Candidate("icd10pcs", "Drainage of Bladder with Drainage Device, Via Natural or Artificial Opening", true, List.of());
        var endoscopic = new BookOrder.Candidate("icd10pcs",
                "Drainage of Bladder with Drainage Device, Via Natural or Artificial Opening Endoscopic", true, List.of());
        String foley = "drainage bladder drainage device via natural or artificial opening";
        assertThat(score(foley, natural)).isGreaterThan(score(foley, endoscopic) + 0.02);
        assertThat(score("cystoscopy drainage bladder", endoscopic)).isGreaterThan(score("cystoscopy drainage bladder", natural) - 0.01);
    }

    @Test
    void aTerminatedHcpcsCodeAfterTheActiveOneForTheSameDrug() {
        // J1940 ended 2025-03-31 (the 2026 file's termination date): the catalog marks it not billable
        var terminated = new BookOrder.Candidate("hcpcs", "Injection, furosemide, up to 20 mg", false, List.of(), "J1940");
        var active = new BookOrder.Candidate("hcpcs", "Injection, furosemide, 1 mg", true, List.of(), "J1938");
        assertThat(score("furosemide injection", active) - score("furosemide injection", terminated)).isGreaterThan(0.06);
    }

    @Test
    void aQualityDataCodeOnlyWhenAMeasureIsAsked() {
        var history = new BookOrder.Candidate("icd10cm", "Personal history of transient ischemic attack (TIA), and cerebral infarction"
                + " without residual deficits", true, List.of("History > personal > cerebral infarction without residual deficit"), "Z8673");
        var measure = new BookOrder.Candidate("hcpcs", "Patients with a history of heart transplant or with a left ventricular assist"
                + " device (lvad)", true, List.of(), "M1151");
        var supply = new BookOrder.Candidate("hcpcs", "Patients with a history of heart transplant", true, List.of(), "E0100");
        String query = "patient with history of cerebral infarction no residual";
        assertThat(score(query, history) - score(query, measure)).isGreaterThan(0.15);
        assertThat(score(query, supply) - score(query, measure)).as("by its range, not its words").isGreaterThan(0.1);
        String asked = "patients with history of heart transplant documented";
        var sameWords = new BookOrder.Candidate("hcpcs", measure.title(), true, List.of());
        assertThat(score(asked, measure)).as("a measure asked: no loss").isEqualTo(score(asked, sameWords));
        assertThat(order.unaskedMeasure(order.prepare(measure), order.reading(List.of(lexical.terms(query)), false))).isTrue();
        assertThat(order.unaskedMeasure(order.prepare(measure), order.reading(List.of(lexical.terms(asked)), false))).isFalse();
        assertThat(order.unaskedMeasure(order.prepare(supply), order.reading(List.of(lexical.terms(query)), false))).isFalse();
    }

    @Test
    void aTrimesterIsTheTitlesLikeASide() {
        // "Pre-eclampsia O14.9-": the trimester typed completes the index's default; "severe" is a subterm not typed
        var unspecified = new BookOrder.Candidate("icd10cm", "Unspecified pre-eclampsia, third trimester", true, List.of("Pre-eclampsia"));
        var severe = new BookOrder.Candidate("icd10cm", "Severe pre-eclampsia, third trimester", true, List.of("Pre-eclampsia > severe"));
        String query = "pre eclampsia third trimester";
        assertThat(score(query, unspecified) - score(query, severe)).isGreaterThan(0.1);
    }

    @Test
    void aStageTypedWithMoreIsTheTitlesNotAWordThePathMustPrint() {
        // "dm2 w ckd 3": the index's "Diabetes, type 2, with, chronic kidney disease E11.22"; the stage is N18.3-'s
        var diabetic = new BookOrder.Candidate("icd10cm", "Type 2 diabetes mellitus with diabetic chronic kidney disease", true,
                List.of("Diabetes, diabetic > type 2 > with > chronic kidney disease"));
        var stage = new BookOrder.Candidate("icd10cm", "Chronic kidney disease, stage 3 unspecified", true,
                List.of("Disease, diseased > kidney > chronic > stage 3 (moderate)"));
        String query = "diabetes type 2 with chronic kidney disease stage 3";
        assertThat(score(query, diabetic)).isGreaterThan(score(query, stage));
        // a path printing the stage is still named by it, and the stage typed alone keeps its code first
        var unstaged = new BookOrder.Candidate("icd10cm", "Chronic kidney disease, unspecified", true,
                List.of("Disease, diseased > kidney > chronic"));
        assertThat(score("chronic kidney disease stage 3", stage)).isGreaterThan(score("chronic kidney disease stage 3", unstaged));
        assertThat(order.pathMatch(stage.indexPaths(), java.util.Set.copyOf(lexical.terms("chronic kidney disease stage 3"))))
                .isEqualTo(BookOrder.EXACT_PATH);
    }

    @Test
    void anAdjectiveTypedNamesTheNounTheIndexPrints() {
        // "Screening > neoplasm (malignant) > cervix": "cervical cancer screening" names each level
        var cervix = new BookOrder.Candidate("icd10cm", "Encounter for screening for malignant neoplasm of cervix", true,
                List.of("Screening (for) > neoplasm (malignant) (of) > cervix"));
        var length = new BookOrder.Candidate("icd10cm", "Encounter for antenatal screening for cervical length", true,
                List.of("Encounter (with health service) (for) > antenatal screening > cervical length"));
        String query = "cervical cancer screening";
        assertThat(score(query, cervix) - score(query, length)).isGreaterThan(0.1);
        var pleura = new BookOrder.Candidate("icd10cm", "Pleural effusion, not elsewhere classified", true,
                List.of("Effusion > pleura, pleurisy, pleuritic, pleuropericardial"));
        var malignant = new BookOrder.Candidate("icd10cm", "Malignant pleural effusion", true, List.of("Effusion > malignant pleural"));
        assertThat(score("pleural effusion", pleura)).isGreaterThan(score("pleural effusion", malignant));
    }

    @Test
    void aPathologicalFractureIsAnotherMainTermAndATitleDenyingItIsNone() {
        // "lt ankle fx": the pathological code names the site and side, the traumatic one ("Fracture, ankle S82.899") does not
        var traumatic = new BookOrder.Candidate("icd10cm", "Other fracture of left lower leg, initial encounter for closed fracture", true,
                List.of("Fracture, traumatic > ankle"));
        var pathological = new BookOrder.Candidate("icd10cm", "Pathological fracture, left ankle, initial encounter for fracture", true,
                List.of("Fracture, pathological > ankle"));
        String query = "left ankle fracture";
        assertThat(score(query, traumatic) - score(query, pathological)).isGreaterThan(0.06);
        // "without current pathological fracture" says the code is no pathological fracture
        var osteoporosis = new BookOrder.Candidate("icd10cm", "Age-related osteoporosis without current pathological fracture", true,
                List.of("Osteoporosis"));
        var withFracture = new BookOrder.Candidate("icd10cm", "Age-related osteoporosis with current pathological fracture, vertebra(e)",
                true, List.of("Osteoporosis > age-related > with current pathologic fracture > vertebra"));
        assertThat(score("osteoporosis", osteoporosis) - score("osteoporosis", withFracture)).isGreaterThan(0.1);
    }

    @Test
    void aScreeningIsAnEncounterAndAPcsDiagnosticQualifierOnlyWhenAsked() {
        // eleventh round: "screening mammography" is Z12.31, not the test's HCPCS codes
        assertThat(BookOrder.isProcedure("screening mammography")).isFalse();
        assertThat(BookOrder.isProcedure("mammography")).isTrue();
        var therapeutic = new BookOrder.Candidate("icd10pcs", "Extraction of Endometrium, Via Natural or Artificial Opening", true, List.of());
        var diagnostic = new BookOrder.Candidate("icd10pcs", "Extraction of Endometrium, Via Natural or Artificial Opening, Diagnostic", true,
                List.of());
        assertThat(score("extraction endometrium", therapeutic)).isGreaterThan(score("extraction endometrium", diagnostic));
        // asked, the qualifier costs nothing (the words then find it)
        assertThat(score("extraction endometrium diagnostic", diagnostic))
                .isCloseTo(score("extraction endometrium diagnostic", therapeutic), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aDrainLeftInOnlyWhenADrainIsTyped() {
        var puncture = new BookOrder.Candidate("icd10pcs", "Drainage of Peritoneal Cavity, Percutaneous Approach", true, List.of());
        var drain = new BookOrder.Candidate("icd10pcs", "Drainage of Peritoneal Cavity with Drainage Device, Percutaneous Approach", true,
                List.of());
        // "paracentesis" reads "drainage peritoneal cavity percutaneous": a puncture, no drain left in
        assertThat(score("drainage peritoneal cavity percutaneous", puncture)).isGreaterThan(score("drainage peritoneal cavity percutaneous", drain));
        // a drain, tube or catheter typed (a chest tube reads "... drainage device"): the device's aside is not taken
        String typed = "drainage peritoneal cavity percutaneous";
        String withCatheter = typed + " catheter";
        assertThat(score(typed, puncture) - score(typed, drain))
                .isGreaterThan(score(withCatheter, puncture) - score(withCatheter, drain) + BookOrder.NOT_ASKED / 4);
    }

    @Test
    void noTrimesterTypedIsTheUnspecifiedTrimester() {
        var first = new BookOrder.Candidate("icd10cm", "Gestational [pregnancy-induced] hypertension without significant proteinuria, first trimester",
                true, List.of());
        var unspecified = new BookOrder.Candidate("icd10cm",
                "Gestational [pregnancy-induced] hypertension without significant proteinuria, unspecified trimester", true, List.of());
        assertThat(score("gestational hypertension", unspecified)).isGreaterThan(score("gestational hypertension", first));
        // typed, the trimester is the words' to find: no title loses for naming one
        assertThat(score("gestational hypertension first trimester", first))
                .isCloseTo(score("gestational hypertension first trimester", unspecified), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anEncounterTheIndexPrintsForTheWordsTypedWasAsked() {
        // "Removal (of), suture Z48.02": the encounter is what the index prints for "suture removal"
        var encounter = new BookOrder.Candidate("icd10cm", "Encounter for removal of sutures", true, List.of("Removal (from) (of) > suture"), "Z4802");
        var other = new BookOrder.Candidate("icd10cm", "Encounter for removal of sutures", true, List.of("Removal (from) (of) > staples"), "Z4802");
        assertThat(score("suture removal", encounter) - score("suture removal", other)).isGreaterThan(BookOrder.EXACT_PATH);
    }
}
