package org.codedesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.nio.file.Path;

import org.codedesk.CoverageFixtureData;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.edits.Edits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The offline assistant over the 2016 fixtures: each kind of question answered from the right tool, every
 * statement cited, missing data said, and no code in any answer that the catalog or the edit tables do not have.
 */
@SpringBootTest
class AssistantTest {

    static final LocalDate DOS = LocalDate.of(2016, 6, 1);
    private static final Pattern CODE_LIKE = Pattern.compile("\\b([A-Z]\\d[0-9A-Z](?:\\.?[0-9A-Z]{1,4})?|\\d{4}[0-9FTU])\\b");

    @Autowired CatalogImporter importer;
    @Autowired Assistant assistant;
    @Autowired Catalog catalog;
    @Autowired Edits edits;
    @Autowired org.codedesk.coverage.Coverage coverage;

    @BeforeEach
    void importFixtures() {
        CoverageFixtureData.importAll(importer); // with the edits fixtures
    }

    Answer ask(String question) {
        Answer answer = assistant.answer(question, DOS);
        assertThat(answer.statements()).allSatisfy(s -> assertThat(s.citations()).as(s.text()).isNotEmpty());
        assertEveryCodeExists(answer);
        return answer;
    }

    /**
     * No invented code: every code-like token of the answer is a code some imported release or table has. Statements
     * quoting official or curated text (tabular notes, the modifier reference) may name codes of other releases.
     */
    private void assertEveryCodeExists(Answer answer) {
        for (Answer.Statement s : answer.statements()) {
            if (s.citations().stream().anyMatch(c -> c.source().endsWith("tabular") || c.source().contains("modifier reference"))) {
                continue;
            }
            // coverage document numbers (Article A52458, LCD L33252) are not codes
            Matcher m = CODE_LIKE.matcher(s.text().replaceAll("\\b(Article A|LCD L)\\d+", ""));
            while (m.find()) {
                String key = m.group(1).replace(".", "");
                boolean known = catalog.known(CodeSystem.ICD10CM, List.of(key)).contains(key) || catalog.known(CodeSystem.CPT, List.of(key)).contains(key)
                        || catalog.known(CodeSystem.HCPCS, List.of(key)).contains(key) || edits.mentions(key) || coverage.mentions(key)
                        || answer.question().toUpperCase().contains(m.group(1));
                assertThat(known).as(m.group(1) + " in: " + s.text()).isTrue();
            }
        }
    }

    @Test
    void canTwoCodesBeBilledTogether() {
        Answer answer = ask("Can 27447 and 20610 be billed together?");
        assertThat(answer.intent()).isEqualTo(Intent.PTP_PAIR);
        assertThat(answer.text()).contains("Practitioner: 20610 (column 2) is not paid with 27447 (column 1)")
                .contains("Modifier indicator 1").contains("NCCI PTP edits, practitioner, 2016-Q2")
                .contains("Outpatient hospital: 20610 (column 2) is not paid with 27447").contains("Modifier indicator 0");
        assertThat(ask("Can 99213 and 20610 be billed together?").text()).contains("no NCCI PTP edit between 99213, 20610 is in force");
    }

    @Test
    void mueGlobalPeriodAndPaymentComeFromTheirTables() {
        Answer mue = ask("What's the MUE for 20610?");
        assertThat(mue.text()).contains("Practitioner: the MUE for 20610 is 2 units").contains("Outpatient hospital: the MUE for 20610 is 3 units")
                .contains("DME supplier: no MUE is published for 20610").contains("MUE table, practitioner services, 2016-Q2");
        assertThat(ask("What's the global period of 27447?").text()).contains("27447: global period 090").contains("2016-B");
        assertThat(ask("How much does Medicare pay for 20610?").text()).contains("$64.81 non-facility");
    }

    @Test
    void modifiersAreExplainedAndComparedWithNcciPolicy() {
        Answer answer = ask("When do I use XS instead of 59?");
        assertThat(answer.intent()).isEqualTo(Intent.MODIFIER);
        assertThat(answer.text()).contains("Modifier XS").contains("Modifier 59").contains("XE (separate encounter)")
                .contains("CodeDesk modifier reference");
    }

    @Test
    void codesAreDescribedFromTheReleaseInForceAndInvalidOnesSaySo() {
        Answer known = ask("What is S72.001A?");
        assertThat(known.text()).contains("S72.001A: Fracture of unspecified part of neck of right femur, initial encounter for closed fracture")
                .contains("billable").contains("ICD-10-CM FY2016");
        Answer unknown = ask("What is S72.009Z?");
        assertThat(unknown.text()).contains("S72.009Z is not a valid ICD-10-CM code on 2016-06-01").contains("Nearest codes");
        assertThat(ask("What is the ICD-9 code for S72.001A?").text()).contains("S72.001A maps to ICD-9-CM 820.00");
    }

    @Test
    void coverageQuestionsAreAnsweredFromTheNcdsAndArticlesWithCitations() {
        Answer supported = ask("Is 27447 covered for S72.001A?");
        assertThat(supported.intent()).isEqualTo(Intent.COVERAGE);
        assertThat(supported.text()).contains("S72.001A supports the medical necessity of 27447").contains("Article A99001");
        Answer notSupported = ask("Is 27447 covered for T36.0X1A?");
        assertThat(notSupported.text()).contains("No diagnosis on the claim supports the medical necessity of 27447").contains("ABN");
        Answer crosswalk = ask("Which diagnoses support 27447?");
        assertThat(crosswalk.intent()).isEqualTo(Intent.COVERAGE);
        assertThat(crosswalk.text()).contains("ICD-10-CM codes support the medical necessity of 27447").contains("S72.001A");
        Answer byName = ask("Which diagnoses support a lipid panel?");
        assertThat(byName.text()).contains("NCD 190.23A Lipids Testing (fixture)").contains("80061").contains("H54.7 (Unspecified visual loss)")
                .contains("1 listed as denied");
        Answer diagnosis = ask("Which procedures does H54.7 support?");
        assertThat(diagnosis.text()).contains("H54.7 covered: supports medical necessity for 80061, 83718");
    }

    @Test
    void missingDataIsSaidNotGuessed() {
        Answer coverage = assistant.answer("Is 27447 covered by Medicare on 2014-06-01?", DOS);
        assertThat(coverage.intent()).isEqualTo(Intent.COVERAGE);
        assertThat(coverage.text()).contains("No loaded NCD or billing and coding article in force on 2014-06-01 governs 27447");
        // a date whose quarter is not imported: answered from the newest older table, and the answer says so
        Answer later = assistant.answer("What's the MUE for 20610 on 2031-06-01?", DOS);
        assertThat(later.dateOfService()).isEqualTo(LocalDate.of(2031, 6, 1));
        assertThat(later.notices()).anySatisfy(n -> assertThat(n)
                .startsWith("MUE table, practitioner services 2031-Q2 is in force since 2031-04-01 and is not imported; shown: "));
        assertThat(later.text()).contains("the MUE for 20610 is");
        assertThat(assistant.answer("What's the MUE for 20610?", DOS).notices()).isEmpty();
    }

    /** Issue 20: questions as coders write them, in several parts, with shorthand, about headers and 7th characters. */
    @Test
    void questionsInCodersWordsAreAnsweredPartByPart() {
        Answer two = ask("mue and global for 20610");
        assertThat(two.text()).contains("Practitioner: the MUE for 20610 is 2 units").contains("20610: global period");
        Answer header = ask("is S72.00 billable?");
        assertThat(header.text()).contains("a header, not billable").contains("Billable codes below it").contains("S72.001A");
        assertThat(ask("S72.001 initial encounter 7th char?").text()).contains("S72.001A").contains("7th characters of S72.001");
        Answer notAModifier = ask("what is the ICD-10-CM code for fracture of neck of right femur");
        assertThat(notAModifier.text()).contains("S72.001A").doesNotContain("Modifier CM");
    }

    @Test
    void anUnknownTermSaysNothingMatchesInsteadOfListingWeakHits() {
        Answer answer = ask("dx code for glorpitis?");
        assertThat(answer.text()).contains("Nothing in the code sets in force on 2016-06-01 matches \"glorpitis\"").doesNotContain("Codes matching");
        assertThat(answer.statements().get(0).citations()).extracting(Answer.Citation::url).containsExactly("/search?q=glorpitis");
    }

    @Test
    void aSearchThatCouldNotBeMadeIsNeverAnsweredNothingMatches() {
        // before any release of the tests' catalogs: no index can answer, which is not "no code has these words"
        Answer answer = assistant.answer("dx code for fracture of neck of femur", LocalDate.of(2001, 6, 1));
        assertThat(answer.text()).doesNotContain("Nothing in the code sets");
        assertThat(answer.missing()).anyMatch(m -> m.contains("ICD-10-CM was not in force on 2001-06-01"));
    }

    @Test
    void conditionsAreFoundBySearchWithTheirNotes() {
        Answer answer = ask("What is the code for fracture of neck of right femur?");
        assertThat(answer.intent()).isEqualTo(Intent.FIND_CODE);
        assertThat(answer.text()).contains("S72.001A").contains("verify in the tabular");
        Answer guideline = assistant.answer("How do I code a closed fracture of the femoral neck?", LocalDate.of(2015, 6, 1));
        assertThat(guideline.missing()).anyMatch(m -> m.contains("Official Guidelines are not imported"));
    }

    @Test
    void aCptCodeForAProcedureComesOnlyFromTheLicensedFileWithThePcsCodesOfTheInpatientProcedure() {
        // issue 19: "the CPT code for a laparoscopic appendectomy" was answered with PCS and diagnosis codes alone
        LocalDate beforeCpt = LocalDate.of(2015, 12, 1); // the fixture's licensed CPT file takes effect 2016-01-01
        Answer unlicensed = assistant.answer("What is the CPT code for destruction of fixture part alpha?", beforeCpt);
        assertThat(unlicensed.intent()).isEqualTo(Intent.FIND_CODE);
        assertThat(unlicensed.text()).contains("CodeDesk names a CPT code for a procedure only from the AMA-licensed CPT file")
                .contains("no licensed CPT file is imported for 2015-12-01").contains("hospital reports it in ICD-10-PCS").contains("0X50");
        assertThat(unlicensed.statements()).allSatisfy(st -> assertThat(st.citations()).isNotEmpty()
                .noneSatisfy(c -> assertThat(c.source()).contains("ICD-10-CM")));

        Answer licensed = ask("What is the CPT code for a knee procedure?");
        assertThat(licensed.text()).contains("in the licensed CPT file (CPT 2016)").contains("27447: Invented fixture descriptor for a knee procedure");
        assertThat(licensed.statements()).flatExtracting(Answer.Statement::citations).extracting(Answer.Citation::source)
                .noneMatch(source -> source.contains("ICD-10-CM"));
    }

    @Test
    void guidelineQuestionsQuoteTheSectionThatAnswersThem() {
        ImportReport report = importer.importPaths(List.of(Path.of("src/test/resources/fixtures/guidelines")));
        assertThat(report.outcomes()).extracting(ImportReport.Outcome::release).contains("ICD-10-CM Official Guidelines FY2016");
        assertThat(report.failed()).isFalse();
        Answer answer = ask("How do I code severe sepsis?");
        assertThat(answer.intent()).isEqualTo(Intent.GUIDELINE);
        assertThat(answer.statements().get(0).text()).startsWith("Official Guidelines, Section I.C.1.a.2 (Severe sepsis)")
                .contains("a code for severe sepsis");
        assertThat(answer.statements().get(0).citations()).extracting(Answer.Citation::source)
                .containsExactly("ICD-10-CM Official Guidelines FY2016, Section I.C.1.a.2 Severe sepsis");
        assertThat(ask("What is the principal diagnosis guideline?").text()).contains("Section II (Selection of principal diagnosis)");
        assertThat(importer.importPaths(List.of(Path.of("src/test/resources/fixtures/guidelines"))).outcomes())
                .allMatch(o -> o.status() == ImportReport.Status.UNCHANGED);
    }

    /**
     * What the code pages show members only (the edits module's sections: PTP, MUE, fee schedule, GEMs; the coverage
     * section) a guest does not get from the assistant either: each question below gives a member the fact and a guest
     * the code pages' "Register to view content" without it. What the code pages show guests stays.
     */
    @Test
    void guestsGetTheCodePagesGateInsteadOfWhatTheyShowMembersOnly() {
        record Gated(String question, String gate, String fact) { }
        List<Gated> gated = List.of(
                new Gated("Can 27447 and 20610 be billed together?", "the NCCI PTP edits between 27447 and 20610", "20610 (column 2) is not paid with 27447"),
                new Gated("What's the MUE for 20610?", "the medically unlikely edits (MUE) of 20610", "the MUE for 20610 is 2 units"),
                new Gated("What's the global period of 27447?", "the Physician Fee Schedule facts (global period, RVUs, payment) of 27447", "global period 090"),
                new Gated("How much does Medicare pay for 20610?", "the Physician Fee Schedule facts (global period, RVUs, payment) of 20610", "$64.81"),
                new Gated("What are the RVUs of 20610?", "the Physician Fee Schedule facts", "work RVU"),
                new Gated("What is the ICD-9 code for S72.001A?", "the ICD-9 mappings (GEMs) of S72.001A", "820.00"),
                new Gated("Is 27447 covered for S72.001A?", "the Medicare coverage facts", "Article A99001"),
                new Gated("Which diagnoses support 27447?", "the Medicare coverage facts", "support the medical necessity of 27447"),
                new Gated("Which diagnoses support a lipid panel?", "the Medicare coverage facts", "NCD 190.23A"),
                new Gated("Which procedures does H54.7 support?", "the Medicare coverage facts", "80061"));
        for (Gated g : gated) {
            assertThat(ask(g.question(), Reader.MEMBER).text()).as("member: " + g.question()).contains(g.fact()).doesNotContain("Register to view");
            Answer guest = ask(g.question(), Reader.GUEST);
            assertThat(guest.text()).as("guest: " + g.question()).contains("Register to view content: " + g.gate())
                    .contains("are for members").doesNotContain(g.fact());
            assertThat(guest.statements()).anySatisfy(s -> assertThat(s.citations()).extracting(Answer.Citation::url).contains("/register"));
        }
        // the guest still gets what the code pages show guests: the codes' descriptors, modifiers, search
        assertThat(ask("Is 27447 covered for S72.001A?", Reader.GUEST).text())
                .contains("S72.001A: Fracture of unspecified part of neck of right femur, initial encounter for closed fracture");
        assertThat(ask("What is S72.001A?", Reader.GUEST).text()).contains("billable").doesNotContain("Register to view");
        assertThat(ask("When do I use XS instead of 59?", Reader.GUEST).text()).contains("Modifier XS").doesNotContain("Register to view");
        assertThat(ask("What is the code for fracture of neck of right femur?", Reader.GUEST).text()).contains("S72.001A")
                .doesNotContain("Register to view");
    }

    private Answer ask(String question, Reader reader) {
        Answer answer = assistant.answer(question, DOS, reader);
        assertThat(answer.statements()).allSatisfy(s -> assertThat(s.citations()).as(s.text()).isNotEmpty());
        assertEveryCodeExists(answer);
        return answer;
    }

    @Test
    void emptyOrHugeQuestionsAreRefusedWithAReason() {
        assertThatThrownBy(() -> assistant.answer(" ", DOS)).hasMessageContaining("Ask a question");
        assertThatThrownBy(() -> assistant.answer("x".repeat(2001), DOS)).hasMessageContaining("2,000");
    }
}
