package org.codedesk.catalog.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.codedesk.catalog.CptPlainLanguage;
import org.codedesk.catalog.CptPublicFacts;
import org.codedesk.catalog.PlainLanguage;
import org.codedesk.catalog.PlainLanguage.Sentence;
import org.junit.jupiter.api.Test;

/** An unlicensed CPT code explained from its public CMS facts only (self-written facts), and the check of such a text. */
class CptPlainLanguageTest {

    /** A knee replacement's facts as a fee schedule record and MUE file would give them (values written here, not copied). */
    private static CptPublicFacts knee(String global) {
        return new CptPublicFacts("27447", "PPRRVU 2016-Q2", "A", global, "2", "1", "2", "1", "0",
                List.of(new CptPublicFacts.Mue("practitioner", 1, 2, "MUE 2016-Q2"), new CptPublicFacts.Mue("outpatient_hospital", 2, 3, "MUE 2016-Q2")));
    }

    @Test
    void eachPublicFactInPlainWordsWithItsField() {
        PlainLanguage plain = CptPlainLanguage.explain(knee("090"));
        assertThat(plain.source()).isEqualTo(PlainLanguage.GENERATED);
        assertThat(plain.label()).contains("public Medicare files").contains("no AMA text");
        assertThat(plain.sentences()).extracting(Sentence::field).containsExactly("code", "pfs:status", "pfs:globalDays",
                "pfs:multipleProcedure", "pfs:bilateral", "pfs:assistant", "pfs:coSurgeons", "pfs:team", "mue:practitioner",
                "mue:outpatient_hospital");
        assertThat(plain.text()).contains("does not show or reword its description")
                .contains("90-day global surgery period. Routine care for 90 days after the day of the operation is included.")
                .contains("up to 150% of the amount for one side").contains("An assistant surgeon may be paid.")
                .contains("A team of surgeons may not bill it.")
                .contains("On a claim from a doctor or other practitioner, at most 1 unit may be billed for one patient in one day.")
                .contains("This limit is firm, even on appeal.")
                .contains("at most 2 units").contains("More units may be paid on appeal");
        assertThat(plain.sentences()).filteredOn(s -> s.field().equals("pfs:globalDays")).extracting(Sentence::value).containsExactly("090");
        assertThat(CptPlainLanguage.problems(knee("090"), plain, List.of("Total knee arthroplasty"))).isEmpty();
        assertThat(plain.readingGrade()).isLessThanOrEqualTo(8);
    }

    @Test
    void notApplicableIndicatorsGetNoSentenceAndNoFactsSaySo() {
        CptPublicFacts visit = new CptPublicFacts("99214", "PPRRVU", "A", "XXX", "0", "9", "9", "9", "9", List.of());
        PlainLanguage plain = CptPlainLanguage.explain(visit);
        assertThat(plain.sentences()).extracting(Sentence::field).containsExactly("code", "pfs:status", "pfs:globalDays", "pfs:multipleProcedure");
        assertThat(plain.text()).contains("No global surgery period applies to it.");
        assertThat(CptPlainLanguage.problems(visit, plain, List.of())).isEmpty();

        PlainLanguage none = CptPlainLanguage.explain(new CptPublicFacts("0001U", null, null, null, null, null, null, null, null, List.of()));
        assertThat(none.text()).contains("No public Medicare fee schedule or MUE facts about it are imported for this date.");
    }

    @Test
    void theCheckCatchesAWrongGlobalPeriodAWrongMueAMissingFactAndDescriptorText() {
        PlainLanguage written = CptPlainLanguage.explain(knee("090"));
        // the record says 010: the text written from 090 contradicts it
        assertThat(CptPlainLanguage.problems(knee("010"), written, List.of())).anyMatch(p -> p.contains("pfs:globalDays sentence from 090"))
                .anyMatch(p -> p.contains("global period said is not the record's 010"));
        // a sentence claiming a different MUE
        List<Sentence> wrongMue = new ArrayList<>(written.sentences());
        wrongMue.replaceAll(s -> s.field().equals("mue:practitioner")
                ? new Sentence(s.text().replace("at most 1 unit", "at most 3 units"), s.field(), s.value()) : s);
        assertThat(CptPlainLanguage.problems(knee("090"), PlainLanguageWriter.of(wrongMue), List.of()))
                .anyMatch(p -> p.contains("mue:practitioner"));
        // a fact of the record left out
        List<Sentence> withoutTeam = written.sentences().stream().filter(s -> !s.field().equals("pfs:team")).toList();
        assertThat(CptPlainLanguage.problems(knee("090"), PlainLanguageWriter.of(withoutTeam), List.of()))
                .containsExactly("cpt: the record's pfs:team 0 is not said");
        // descriptor text, whole or three long words of it, must never appear
        List<Sentence> leaking = new ArrayList<>(written.sentences());
        leaking.add(new Sentence("It is a total knee arthroplasty.", "code", "27447"));
        assertThat(CptPlainLanguage.problems(knee("090"), PlainLanguageWriter.of(leaking), List.of("Total knee arthroplasty")))
                .anyMatch(p -> p.startsWith("cpt: repeats descriptor text"));
        List<Sentence> part = new ArrayList<>(written.sentences());
        part.add(new Sentence("The knee replacement surgery was done.", "code", "27447"));
        assertThat(CptPlainLanguage.problems(knee("090"), PlainLanguageWriter.of(part), List.of("Arthroplasty with knee replacement surgery, both sides")))
                .anyMatch(p -> p.startsWith("cpt: repeats part of the descriptor"));
        // a sentence from a field that is not a public CMS fact
        List<Sentence> descriptorField = new ArrayList<>(written.sentences());
        descriptorField.add(new Sentence("Something.", "longDescription", "x"));
        assertThat(CptPlainLanguage.problems(knee("090"), PlainLanguageWriter.of(descriptorField), List.of()))
                .anyMatch(p -> p.contains("not a public CMS fact"));
    }
}
