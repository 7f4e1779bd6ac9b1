package org.codedesk.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.codedesk.CoverageFixtureData;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The claim edit checker over the 2016 fixtures: each PTP modifier indicator, bypass modifiers, dates at
 * the boundaries, MUE per line and per day and per setting, add-on codes, fee schedule status and
 * bilateral rules, the clean rule, and one clear error per invalid field.
 */
@SpringBootTest
class ClaimCheckerTest {

    static final String DOS = "2016-06-01";

    @Autowired CatalogImporter importer;
    @Autowired ClaimChecker checker;

    @BeforeEach
    void importFixtures() {
        CoverageFixtureData.importAll(importer); // with the edits fixtures
    }

    static ClaimLine line(String code, int units, String... modifiers) {
        return new ClaimLine(code, Arrays.asList(modifiers), units);
    }

    ClaimCheck check(String date, String setting, ClaimLine... lines) {
        return checker.check(new Claim(date, setting, List.of(lines), List.of(), null));
    }

    static Finding only(ClaimCheck check, String kind) {
        List<Finding> found = check.findings().stream().filter(f -> f.check().equals(kind)).toList();
        assertThat(found).as(kind + " in " + check.findings()).hasSize(1);
        return found.get(0);
    }

    @Test
    void aCheckAgainstAnOlderQuarterThanTheOneInForceIsStaleNeverAPass() {
        // 2016-08-01 is in 2016-Q3; the fixture tables are those of April 2016
        ClaimCheck check = check("2016-08-01", "practitioner", line("27447", 1), line("20610", 1, "59"));
        Finding ptp = only(check, "ptp");
        assertThat(ptp.status()).isEqualTo(FindingStatus.BYPASSED); // what the older table says stays said
        assertThat(ptp.message()).contains("NCCI PTP edits, practitioner 2016-Q3 is in force since 2016-07-01 and is not imported; shown:");
        assertThat(check.findings()).filteredOn(f -> f.check().equals("mue"))
                .allSatisfy(f -> assertThat(f.status()).isIn(FindingStatus.STALE, FindingStatus.FAIL))
                .anySatisfy(f -> assertThat(f.status()).isEqualTo(FindingStatus.STALE));
        assertThat(check.findings()).noneMatch(f -> f.status() == FindingStatus.PASS && f.check().equals("mue"));
        assertThat(check.clean()).isFalse();
        assertThat(only(check(DOS, "practitioner", line("27447", 1)), "mue").status()).isEqualTo(FindingStatus.PASS);
    }

    @Test
    void indicatorOneWithoutModifierFailsAndSaysHowToFix() {
        ClaimCheck check = check(DOS, "practitioner", line("27447", 1), line("20610", 1));
        Finding ptp = only(check, "ptp");
        assertThat(ptp.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(ptp.lines()).containsExactly(1, 2);
        assertThat(ptp.message()).contains("column 2 code 20610 (line 2)").contains("column 1 code 27447 (line 1)")
                .contains("Standards of medical / surgical practice").contains("Modifier indicator 1");
        assertThat(ptp.fix()).contains("XS").contains("59").contains("20610 on line 2");
        assertThat(ptp.source()).contains("NCCI PTP edits, practitioner, 2016-Q2");
        assertThat(check.clean()).isFalse();
    }

    @Test
    void columnOrderOnTheClaimDoesNotMatter() {
        Finding ptp = only(check(DOS, "practitioner", line("20610", 1), line("27447", 1)), "ptp");
        assertThat(ptp.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(ptp.message()).contains("column 2 code 20610 (line 1)");
    }

    @Test
    void aPtpAssociatedModifierBypassesIndicatorOneWithACaution() {
        for (String modifier : List.of("XS", "59", "LT")) {
            ClaimCheck check = check(DOS, "practitioner", line("27447", 1), line("20610", 1, modifier));
            Finding ptp = only(check, "ptp");
            assertThat(ptp.status()).as(modifier).isEqualTo(FindingStatus.BYPASSED);
            assertThat(ptp.message()).contains("Bypassed by " + modifier + " on line 2");
            assertThat(ptp.fix()).contains("document");
            assertThat(check.clean()).isFalse();
        }
        // 51 is not PTP-associated: it never bypasses
        assertThat(only(check(DOS, "practitioner", line("27447", 1), line("20610", 1, "51")), "ptp").status()).isEqualTo(FindingStatus.FAIL);
    }

    @Test
    void indicatorZeroCannotBeBypassed() {
        Finding ptp = only(check(DOS, "practitioner", line("27447", 1), line("27370", 1, "59")), "ptp");
        assertThat(ptp.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(ptp.message()).contains("Mutually exclusive procedures").contains("Modifier indicator 0");
        assertThat(ptp.fix()).contains("Remove 27370");
    }

    @Test
    void theSettingChoosesThePtpTable() {
        // the hospital table has the same pair with indicator 0
        Finding ptp = only(check(DOS, "outpatient_hospital", line("27447", 1), line("20610", 1, "59")), "ptp");
        assertThat(ptp.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(ptp.source()).contains("outpatient hospital");
        // DME supplier claims have no PTP edits at all
        assertThat(check(DOS, "dme", line("X1001", 1), line("X1003", 1)).findings()).noneMatch(f -> f.check().equals("ptp"));
    }

    @Test
    void indicatorNineAndPairsWithoutEditsPass() {
        Finding nine = only(check(DOS, "practitioner", line("97530", 1), line("97140", 1)), "ptp");
        assertThat(nine.status()).isEqualTo(FindingStatus.PASS);
        assertThat(nine.message()).contains("indicator 9");
        Finding none = only(check(DOS, "practitioner", line("99213", 1), line("20610", 1)), "ptp");
        assertThat(none.status()).isEqualTo(FindingStatus.PASS);
        assertThat(none.message()).startsWith("No PTP edit between 99213 and 20610");
    }

    @Test
    void editsApplyOnTheirEffectiveDateAndThroughTheirDeletionDate() {
        assertThat(only(check("2016-04-30", "practitioner", line("29880", 1), line("29877", 1)), "ptp").status()).isEqualTo(FindingStatus.FAIL);
        assertThat(only(check("2016-05-01", "practitioner", line("29880", 1), line("29877", 1)), "ptp").status()).isEqualTo(FindingStatus.PASS);
        assertThat(only(check("2016-04-30", "practitioner", line("64450", 1), line("76942", 1)), "ptp").status()).isEqualTo(FindingStatus.PASS);
        assertThat(only(check("2016-05-01", "practitioner", line("64450", 1), line("76942", 1)), "ptp").status()).isEqualTo(FindingStatus.FAIL);
    }

    @Test
    void mueLineEditComparesEachLine() {
        ClaimCheck twoLines = check(DOS, "practitioner", line("20610", 2, "RT"), line("20610", 2, "LT"));
        assertThat(twoLines.findings().stream().filter(f -> f.check().equals("mue"))).allMatch(f -> f.status() == FindingStatus.PASS).hasSize(2);
        Finding over = only(check(DOS, "practitioner", line("20610", 3)), "mue");
        assertThat(over.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(over.message()).contains("3 unit(s)").contains("MUE 2");
        assertThat(over.source()).contains("MUE table, practitioner services, 2016-Q2");
    }

    @Test
    void mueDateOfServiceEditsAddUpEveryLineOfTheCode() {
        Finding policy = only(check(DOS, "practitioner", line("27447", 2)), "mue");
        assertThat(policy.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(policy.fix()).contains("not payable");
        Finding clinical = only(check(DOS, "practitioner", line("97140", 3), line("97140", 2, "59")), "mue");
        assertThat(clinical.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(clinical.message()).startsWith("5 unit(s) of 97140");
        assertThat(clinical.fix()).contains("appeal");
        assertThat(only(check(DOS, "practitioner", line("97140", 2), line("97140", 2, "59")), "mue").status()).isEqualTo(FindingStatus.PASS);
    }

    @Test
    void mueValueDependsOnTheSetting() {
        assertThat(only(check(DOS, "practitioner", line("20610", 3)), "mue").status()).isEqualTo(FindingStatus.FAIL);
        Finding hospital = only(check(DOS, "outpatient_hospital", line("20610", 3)), "mue");
        assertThat(hospital.status()).isEqualTo(FindingStatus.PASS);
        assertThat(hospital.source()).contains("outpatient hospital");
        assertThat(only(check(DOS, "dme", line("X1001", 3)), "mue").status()).isEqualTo(FindingStatus.FAIL);
    }

    @Test
    void anAddOnCodeNeedsItsPrimary() {
        Finding alone = only(check(DOS, "practitioner", line("99213", 1), line("11045", 1)), "add_on");
        assertThat(alone.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(alone.fix()).contains("11042");
        assertThat(only(check(DOS, "practitioner", line("11042", 1), line("11045", 1)), "add_on").status()).isEqualTo(FindingStatus.PASS);
        // type 2: the contractor decides which primaries are acceptable, so it cannot be settled here
        assertThat(only(check(DOS, "practitioner", line("22612", 1), line("69990", 1)), "add_on").status()).isEqualTo(FindingStatus.NO_DATA);
        assertThat(only(check(DOS, "practitioner", line("69990", 1)), "add_on").status()).isEqualTo(FindingStatus.FAIL);
    }

    @Test
    void feeScheduleStatusAndBilateralRules() {
        Finding excluded = check(DOS, "practitioner", line("36415", 1)).findings().stream()
                .filter(f -> f.check().equals("fee_schedule")).findFirst().orElseThrow();
        assertThat(excluded.status()).isEqualTo(FindingStatus.NO_DATA); // paid outside the PFS: not a failure, and not checked here
        assertThat(excluded.message()).contains("status X");
        assertThat(only(check(DOS, "practitioner", line("27447", 1, "50")), "bilateral").status()).isEqualTo(FindingStatus.PASS);
        Finding notBilateral = only(check(DOS, "practitioner", line("99213", 1, "50")), "bilateral");
        assertThat(notBilateral.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(notBilateral.fix()).contains("remove 50");
        Finding multiple = only(check(DOS, "practitioner", line("27447", 1), line("20610", 1, "XS")), "multiple_procedure");
        assertThat(multiple.message()).contains("50%");
    }

    @Test
    void statusXSaysWhichPaymentSystemPaysTheServiceNeverAnAbn() {
        // issue 19: a lipid panel (status X) was failed with "Medicare does not pay for it: obtain an ABN and append GA"
        ClaimCheck check = check(DOS, "practitioner", line("80061", 1), line("A0425", 1), line("X1002", 1), line("36415", 1));
        List<Finding> fees = check.findings().stream().filter(f -> f.check().equals("fee_schedule")).toList();
        assertThat(fees).hasSize(4).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.NO_DATA);
            assertThat(f.message()).contains("status X").contains("paid outside the PFS");
            assertThat(f.message() + f.fix()).doesNotContain("ABN").doesNotContain("GA");
        });
        assertThat(fees.get(0).message()).contains("Clinical Laboratory Fee Schedule (CLFS)").contains("CPT 80047-89398");
        assertThat(fees.get(0).fix()).contains("come from the Clinical Laboratory Fee Schedule");
        assertThat(fees.get(1).message()).contains("Ambulance Fee Schedule");
        // X1002's HCPCS record: BETOS D1A (medical/surgical supplies)
        assertThat(fees.get(2).message()).contains("DMEPOS fee schedule").contains("BETOS D1A");
        // 36415: nothing in the data says which system pays it
        assertThat(fees.get(3).message()).endsWith("It is paid outside the PFS; check the payment system for this service.");

        Finding notCovered = only(check(DOS, "practitioner", line("99397", 1)), "fee_schedule");
        assertThat(notCovered.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(notCovered.message()).contains("status N");
        assertThat(notCovered.fix()).contains("GY").doesNotContain("ABN").doesNotContain("GA");
    }

    @Test
    void codesAreCheckedForTheDateOfService() {
        // X1002 is terminated on 2019-12-31: still valid in 2016, not in 2020 (2016-02-01: the fixture is the January 2016 file)
        assertThat(only(check("2016-02-01", "dme", line("X1002", 1)), "code_validity").status()).isEqualTo(FindingStatus.PASS);
        // in 2016-Q2 that file is an older quarter's: checked, but stale
        assertThat(only(check(DOS, "dme", line("X1002", 1)), "code_validity").status()).isEqualTo(FindingStatus.STALE);
        ClaimCheck check = check("2020-06-01", "dme", line("X1002", 1));
        Finding validity = only(check, "code_validity");
        assertThat(validity.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(validity.message()).contains("X1002");
        ClaimCheck withDiagnoses = checker.check(new Claim(DOS, "practitioner", List.of(line("99213", 1)), List.of("S72.001A", "S72"), null));
        List<Finding> dx = withDiagnoses.findings().stream().filter(f -> f.check().equals("diagnosis_validity")).toList();
        assertThat(dx).extracting(Finding::status).containsExactly(FindingStatus.PASS, FindingStatus.FAIL);
        assertThat(dx.get(1).message()).contains("header");
    }

    @Test
    void cleanOnlyWhenEveryFindingPassed() {
        ClaimCheck clean = checker.check(new Claim(DOS, "practitioner", List.of(line("99213", 1)), List.of("S72.001A"), "01112-05"));
        assertThat(clean.findings()).allMatch(f -> f.status() == FindingStatus.PASS, clean.findings().toString());
        assertThat(clean.clean()).isTrue();
        assertThat(clean.findings()).extracting(Finding::check).contains("code_validity", "mue", "fee_schedule", "diagnosis_validity");
        assertThat(clean.lines().get(0).payment()).isNotNull();
        assertThat(clean.lines().get(0).paymentBasis()).contains("SAN FRANCISCO");

        // before any edit table is in force nothing can be checked: no_data, never clean
        ClaimCheck early = check("2015-06-01", "practitioner", line("99213", 1), line("20610", 1));
        assertThat(early.clean()).isFalse();
        assertThat(only(early, "ptp").status()).isEqualTo(FindingStatus.NO_DATA);
        assertThat(only(early, "ptp").message()).contains("2016-04-01");
        assertThat(early.summary().get("no_data")).isGreaterThan(0);
    }

    @Test
    void medicalNecessityPerArticleWithAnAbnWhenNotSupported() {
        // fixture article A99001 governs 27447: S72.001A is in its covered group 2, T36.0X1A is not listed
        Finding supported = only(claim(List.of("S72.001A"), null, null), "medical_necessity");
        assertThat(supported.status()).isEqualTo(FindingStatus.PASS);
        assertThat(supported.source()).contains("Article A99001");
        Finding unsupported = only(claim(List.of("T36.0X1A"), null, null), "medical_necessity");
        assertThat(unsupported.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(unsupported.fix()).contains("ABN").contains("GA").contains("/crosswalk?code=27447");
        assertThat(only(claim(List.of(), null, null), "medical_necessity").status()).isEqualTo(FindingStatus.NO_DATA);
        // no coverage file in force before the fixtures' dates: not checked, and said so
        ClaimCheck early = checker.check(new Claim("2014-06-01", "inpatient_hospital", List.of(line("27447", 1)), List.of("S72.001A"), null));
        assertThat(early.findings()).filteredOn(f -> f.check().equals("mce")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.NO_DATA));
    }

    @Test
    void medicareCodeEditorAgeAndSexAtTheirBoundaries() {
        assertThat(only(claim(List.of("S72.001A"), 15, null), "mce_age").status()).isEqualTo(FindingStatus.PASS);
        Finding child = only(claim(List.of("S72.001A"), 14, null), "mce_age");
        assertThat(child.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(child.message()).contains("age 14");
        assertThat(child.source()).contains("Definitions of Medicare Code Edits v33.0");
        assertThat(only(claim(List.of("H54.7"), 17, null), "mce_age").status()).isEqualTo(FindingStatus.PASS);
        assertThat(only(claim(List.of("H54.7"), 18, null), "mce_age").status()).isEqualTo(FindingStatus.FAIL);
        assertThat(only(claim(List.of("H54.7"), null, "M"), "mce_sex").status()).isEqualTo(FindingStatus.PASS);
        assertThat(only(claim(List.of("H54.7"), null, "F"), "mce_sex").status()).isEqualTo(FindingStatus.FAIL);
        assertThat(claim(List.of("H54.7"), null, null).findings()).extracting(Finding::check).doesNotContain("mce_age", "mce_sex");
    }

    @Test
    void medicareCodeEditorPrincipalDiagnosis() {
        Finding unacceptable = only(claim(List.of("T36.0X1A", "S72.001A"), null, null), "mce_unacceptable_principal");
        assertThat(unacceptable.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(unacceptable.fix()).contains("Sequence");
        assertThat(only(claim(List.of("S72.001A", "T36.0X1A"), null, null), "mce_unacceptable_principal").status()).isEqualTo(FindingStatus.PASS);
        assertThat(only(claim(List.of("S72.001A"), null, null), "mce_manifestation").status()).isEqualTo(FindingStatus.PASS);
        assertThatThrownBy(() -> checker.check(new Claim(DOS, "practitioner", List.of(line("27447", 1)), List.of("S72.001A"), null, null, 125, "X")))
                .isInstanceOfSatisfying(InvalidClaimException.class, e -> assertThat(e.errors()).extracting(InvalidClaimException.FieldError::field)
                        .containsExactlyInAnyOrder("age", "sex"));
    }

    private ClaimCheck claim(List<String> diagnoses, Integer age, String sex) {
        return checker.check(new Claim(DOS, "inpatient_hospital", List.of(line("27447", 1)), diagnoses, null, null, age, sex));
    }

    @Test
    void theMceEditsApplyToInpatientClaimsOnly() {
        // issue 19: a practitioner claim 99397 + Z00.00 failed "unacceptable as principal diagnosis"; T36.0X1A is the fixture's
        List<String> unacceptableFirst = List.of("T36.0X1A", "S72.001A");
        ClaimCheck practitioner = checker.check(new Claim(DOS, "practitioner", List.of(line("99213", 1)), unacceptableFirst, null, null, 14, "F"));
        assertThat(practitioner.findings()).extracting(Finding::check).doesNotContain("mce_unacceptable_principal", "mce_age", "mce_sex",
                "mce_manifestation");
        assertThat(only(practitioner, "mce")).satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.PASS);
            assertThat(f.message()).isEqualTo("MCE edits apply to inpatient claims; not applied to this practitioner claim.");
        });
        ClaimCheck outpatient = checker.check(new Claim(DOS, "outpatient_hospital", List.of(line("99213", 1)), unacceptableFirst, null));
        assertThat(only(outpatient, "mce").message()).contains("not applied to this outpatient hospital claim");

        ClaimCheck inpatient = checker.check(new Claim(DOS, "inpatient_hospital", List.of(line("27447", 1), line("20610", 1)),
                unacceptableFirst, null));
        assertThat(only(inpatient, "mce_unacceptable_principal").status()).isEqualTo(FindingStatus.FAIL);
        assertThat(inpatient.setting()).isEqualTo("inpatient_hospital");
        // NCCI edits are for practitioner, outpatient hospital and DME claims: said once, none applied
        assertThat(inpatient.findings()).extracting(Finding::check).doesNotContain("ptp", "mue", "add_on", "fee_schedule", "mce");
        assertThat(only(inpatient, "ncci").message()).contains("not to inpatient hospital claims");
    }

    @Test
    void placeOfServiceChoosesTheFacilityOrNonFacilityRate() {
        // by hand from the fixture RVU file: 27447 facility 36.04 x 35.8043 = 1290.39; 20610 non-facility 1.81 x 35.8043 = 64.81
        ClaimCheck hospital = checker.check(new Claim(DOS, "practitioner", List.of(line("27447", 1)), List.of(), null, "21"));
        assertThat(hospital.lines().get(0).payment()).isEqualByComparingTo("1290.39");
        assertThat(hospital.lines().get(0).paymentBasis()).contains("place of service 21: facility rate");
        ClaimCheck office = checker.check(new Claim(DOS, "practitioner", List.of(line("20610", 1)), List.of(), null, "11"));
        assertThat(office.lines().get(0).payment()).isEqualByComparingTo("64.81");
        ClaimCheck kneeInOffice = checker.check(new Claim(DOS, "practitioner", List.of(line("27447", 1)), List.of(), null, "11"));
        assertThat(kneeInOffice.lines().get(0).payment()).isNull();
        assertThat(kneeInOffice.lines().get(0).paymentBasis()).contains("NA");
        for (String bad : List.of("1", "35")) {
            assertThatThrownBy(() -> checker.check(new Claim(DOS, "practitioner", List.of(line("20610", 1)), List.of(), null, bad)))
                    .isInstanceOfSatisfying(InvalidClaimException.class, e -> assertThat(e.errors()).extracting(InvalidClaimException.FieldError::field)
                            .containsExactly("placeOfService"));
        }
    }

    @Test
    void theOppsImagingCapLowersTheLinePaymentAndSaysWhy() {
        // fixture: 76942-TC in 01112-05 is $38.01 by the RVUs (see EditsTest); OPPSCAP_Apr.csv gives 25.00 non-facility, 30.00 facility
        ClaimCheck office = checker.check(new Claim(DOS, "practitioner", List.of(line("76942", 1, "TC")), List.of(), "01112-05", "11"));
        ClaimCheck.CheckedLine priced = office.lines().get(0);
        assertThat(priced.payment()).isEqualByComparingTo("25.00");
        assertThat(priced.paymentBasis()).contains("$25.00, capped at the OPPS amount: imaging cap").contains("= $38.01")
                .contains("OPPSCAP_Apr.csv");
        Finding fee = only(office, "fee_schedule");
        assertThat(fee.status()).isEqualTo(FindingStatus.PASS);
        assertThat(fee.message()).contains("76942-TC").contains("In SAN FRANCISCO (non-facility) it is paid $25.00, capped at the OPPS amount:"
                + " imaging cap (fee schedule amount $38.01, OPPS amount $25.00; CMS OPPSCAP_Apr.csv, carrier 01112, locality 05");
        assertThat(office.sources()).anyMatch(s -> s.startsWith("CMS OPPSCAP_Apr.csv"));
        ClaimCheck hospital = checker.check(new Claim(DOS, "practitioner", List.of(line("76942", 1, "TC")), List.of(), "01112-05", "22"));
        assertThat(hospital.lines().get(0).payment()).isEqualByComparingTo("30.00");
        // a locality OPPSCAP does not list is paid by the RVUs: [(0.74 x 0.869) + (0.01 x 0.575)] x 35.8043 = 23.23
        ClaimCheck alabama = checker.check(new Claim(DOS, "practitioner", List.of(line("76942", 1, "TC")), List.of(), "10112-00", "11"));
        assertThat(alabama.lines().get(0).payment()).isEqualByComparingTo("23.23");
        assertThat(only(alabama, "fee_schedule").message()).doesNotContain("imaging cap");
        assertThat(alabama.sources()).noneMatch(s -> s.contains("OPPSCAP"));
    }

    @Test
    void aMaaaCodeIsCheckedAgainstItsMue() {
        // fixture MUE: 0006M 1 unit, adjudication 2 (per day, policy)
        ClaimCheck check = check(DOS, "practitioner", line("0006M", 2));
        Finding mue = only(check, "mue");
        assertThat(mue.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(mue.message()).contains("2 unit(s) of 0006M on the date of service exceed MUE 1");
        assertThat(only(check, "code_validity").status()).isEqualTo(FindingStatus.PASS);
        assertThat(only(check(DOS, "practitioner", line("0006M", 1)), "mue").status()).isEqualTo(FindingStatus.PASS);
    }

    @Test
    void everyInvalidFieldGetsItsOwnMessage() {
        List<ClaimLine> lines = List.of(new ClaimLine("ABCDE", List.of(), 1), new ClaimLine("12345", List.of(), 1),
                new ClaimLine("99213", List.of("9Z"), 1), new ClaimLine("20610", List.of(), -2));
        assertThatThrownBy(() -> checker.check(new Claim("2016-13-01", "clinic", lines, List.of("XYZ"), "nowhere")))
                .isInstanceOfSatisfying(InvalidClaimException.class, e -> assertThat(e.errors()).extracting(InvalidClaimException.FieldError::field)
                        .containsExactlyInAnyOrder("dateOfService", "setting", "lines[0].code", "lines[1].code", "lines[2].modifiers[0]",
                                "lines[3].units", "diagnoses[0]", "locality"));
        List<ClaimLine> tooMany = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            tooMany.add(line("99213", 1));
        }
        assertThatThrownBy(() -> checker.check(new Claim(DOS, "practitioner", tooMany, List.of(), null)))
                .isInstanceOfSatisfying(InvalidClaimException.class, e -> assertThat(e.errors().get(0).message()).contains("at most 50").contains("500"));
        assertThatThrownBy(() -> checker.check(new Claim(DOS, "practitioner", List.of(), List.of(), null)))
                .isInstanceOf(InvalidClaimException.class).hasMessageContaining("at least one line");
    }
}
