package org.codedesk.casecoding.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.codedesk.casecoding.dictionary.IndexDictionary;
import org.codedesk.casecoding.text.Assertion;
import org.codedesk.casecoding.text.ClinicalText;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.SearchDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learns from a small corpus written here in the CodiEsp layout (invented cases), then codes a new note. */
class CaseModelTrainerTest {

    @TempDir Path folder;

    private static SearchDocument doc(String code, String title, String path) {
        return new SearchDocument(CodeSystem.ICD10CM, code.replace(".", ""), code, "code", true, title, title, null, null, List.of(),
                List.of(new SearchDocument.IndexPath("Alphabetic Index", path, null, null, null, "FY2019")));
    }

    private static final CaseModel.Dictionaries DICTIONARIES = new CaseModel.Dictionaries(IndexDictionary.build(List.of(
            doc("R50.9", "Fever, unspecified", "Fever"), doc("J18.9", "Pneumonia, unspecified organism", "Pneumonia"),
            doc("I10", "Essential (primary) hypertension", "Hypertension"))), IndexDictionary.empty());

    private static ClinicalText read(String text) {
        return ClinicalText.read(text, a -> List.of());
    }

    private Path corpus() throws IOException {
        Path split = Files.createDirectories(folder.resolve("train"));
        Files.createDirectories(split.resolve("text_files"));
        Files.createDirectories(split.resolve("text_files_en"));
        List<String> d = new ArrayList<>();
        List<String> x = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "case-" + i;
            boolean hot = i % 2 == 0;
            String text = "A patient of " + (30 + i) + " years came to the clinic.\n"
                    + (hot ? "On arrival she had a high temperature and shivering.\n" : "On arrival she was well and walking.\n")
                    + "She lives with her daughter.\nShe works as a teacher.\n"
                    + (i % 3 == 0 ? "Blood pressure readings showed hypertension.\n" : "The rest of the examination was normal.\n");
            Files.writeString(split.resolve("text_files_en").resolve(id + ".txt"), text);
            Files.writeString(split.resolve("text_files").resolve(id + ".txt"), text);
            if (hot) {
                d.add(id + "\tr50.9");
                int at = text.indexOf("high temperature");
                x.add(id + "\tDIAGNOSTICO\tr50.9\thigh temperature\t" + at + " " + (at + 16));
            }
            if (i % 3 == 0) {
                d.add(id + "\ti10");
                int at = text.indexOf("hypertension");
                x.add(id + "\tDIAGNOSTICO\ti10\thypertension\t" + at + " " + (at + 12));
            }
        }
        Files.write(split.resolve("trainD.tsv"), d);
        Files.write(split.resolve("trainP.tsv"), List.of());
        Files.write(split.resolve("trainX.tsv"), x);
        return split;
    }

    @Test
    void phrasesLearnedFromCodedCasesFindCodesTheIndexDoesNot() throws IOException {
        TrainingCorpus corpus = TrainingCorpus.read(corpus());
        assertThat(corpus.documents()).hasSize(20);
        assertThat(corpus.documents().get(0).diagnoses()).containsExactly("R50.9", "I10");

        CaseModel model = CaseModelTrainer.train(corpus, CaseModelTrainerTest::read, DICTIONARIES,
                a -> a == Assertion.PRESENT || a == Assertion.HISTORY);
        assertThat(model.trained()).isTrue();
        assertThat(model.description()).contains("20 coded cases");

        ClinicalText note = read("The boy had a high temperature overnight.");
        List<Candidate> ranked = model.rank(note, DICTIONARIES, a -> a == Assertion.PRESENT);
        Candidate top = ranked.get(0);
        assertThat(top.code()).isEqualTo("R50.9");
        assertThat(top.mentions()).anyMatch(m -> m.route().startsWith("Phrase learned from coded cases"));
        assertThat(ranked).noneMatch(c -> c.code().equals("J18.9"));

        // a learned phrase that is negated is not codable; the index route still works
        List<Candidate> negated = model.rank(read("No high temperature. Hypertension noted."), DICTIONARIES, a -> a == Assertion.PRESENT);
        Candidate fever = negated.stream().filter(c -> c.code().equals("R50.9")).findFirst().orElseThrow();
        assertThat(fever.mentions()).isEmpty();
        assertThat(fever.uncodable()).isNotEmpty();
        Candidate hypertension = negated.stream().filter(c -> c.code().equals("I10")).findFirst().orElseThrow();
        assertThat(hypertension.score()).isGreaterThan(fever.score());
    }

    @Test
    void anUntrainedModelRanksByTheIndexRoute() {
        CaseModel model = CaseModel.untrained();
        assertThat(model.trained()).isFalse();
        List<Candidate> ranked = model.rank(read("Fever and pneumonia."), DICTIONARIES, a -> a == Assertion.PRESENT);
        assertThat(ranked).extracting(Candidate::code).containsExactlyInAnyOrder("R50.9", "J18.9");
        assertThat(ranked).allMatch(c -> c.score() > 0.3);
    }
}
