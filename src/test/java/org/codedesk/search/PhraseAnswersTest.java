package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.codedesk.catalog.importing.CatalogImporter;
import org.codedesk.search.index.CodeIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Autocomplete's phrase answers (issue 21, speed of cold prefixes) on the FY2012 ranking fixture, the only release of
 * its database and so today's: the phrases are the starts of the titles and index terms, each answer is autocomplete's
 * search of its phrase, the last typed word is completed as the book continues the words before it, and the table saved
 * beside the index is read back whole or not at all.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:phrase-answers;DB_CLOSE_DELAY=-1",
        "codedesk.home=target/test-data-phrase-answers", "codedesk.search.phrase-answers=true"})
class PhraseAnswersTest {

    @Autowired Search search;
    @Autowired CatalogImporter importer;
    @Autowired SearchIndexes indexes;

    @BeforeEach
    void importFixtures() {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/search-ranking")));
    }

    private PhraseAnswers completeTable() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            PhraseAnswers table = search.phraseAnswers();
            if (table != null && table.complete() && table.key().equals(indexes.currentKey())) {
                return table;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the phrase answers were not computed within two minutes");
    }

    @Test
    void thePhrasesAreTheStartsOfTitlesAndIndexTerms() throws InterruptedException {
        PhraseAnswers table = completeTable();
        // "Cerebral infarction, unspecified" (a title) and "Calculus > kidney" (an index path, subterm before main term)
        assertThat(table.get("cerebral")).isNotNull();
        assertThat(table.get("cerebral infarction")).isNotNull();
        assertThat(table.get("kidney calculus")).isNotNull();
        assertThat(table.get("calculus kidney")).isNotNull();
        assertThat(table.get("cerebral infarction unspecified").get(0).code()).isEqualTo("I63.9");
        assertThat(table.get("infarction cerebral unspecified")).isNull();
    }

    @Test
    void eachAnswerIsTheSearchOfItsPhrase() throws InterruptedException {
        PhraseAnswers table = completeTable();
        for (String phrase : List.of("cerebral infarction", "kidney calculus", "calculus kidney", "migraine", "cellulitis of right",
                "acute toxic conjunctivitis")) {
            assertThat(table.get(phrase)).as(phrase).isNotNull().isEqualTo(search.completedSearch(phrase));
        }
    }

    @Test
    void theLastWordIsCompletedAsTheBookContinuesTheWordsBeforeIt() throws InterruptedException {
        PhraseAnswers table = completeTable();
        // "limb" and "left" are what "l" begins most often; after "cellulitis of right" the titles go on with "lower"
        assertThat(table.continuations("cellulitis of right l", 2)).containsExactly("cellulitis of right lower");
        assertThat(table.continuations("cellulitis of right u", 2)).containsExactly("cellulitis of right upper");
        assertThat(table.continuations("cerebral inf", 2)).contains("cerebral infarction");
        assertThat(table.continuations("strongyl", 2)).as("one word is the index's business").isEmpty();
        assertThat(search.suggest("cellulitis of right l", null, null, 8)).first().extracting(Search.Suggestion::code).isEqualTo("L03.115");
        assertThat(search.suggest("cellulitis of right u", null, null, 8)).first().extracting(Search.Suggestion::code).isEqualTo("L03.113");
        assertThat(search.suggest("cerebral inf", null, null, 8)).first().extracting(Search.Suggestion::code).isEqualTo("I63.9");
        assertThat(search.suggest("stro", null, null, 8)).first().extracting(Search.Suggestion::code).isNotIn("B78.0", "B78.7", "B78.9");
    }

    @Test
    void theSavedTableIsReadBackWholeOrNotAtAll() throws Exception {
        PhraseAnswers table = completeTable();
        CodeIndex index = indexes.acquire(null).orElseThrow();
        try {
            Path file = index.folder().resolveSibling(index.key() + ".phrases");
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            PhraseAnswers read = PhraseAnswers.load(index.key(), RankingFingerprint.of(), file);
            assertThat(read).isNotNull();
            assertThat(read.size()).isEqualTo(table.size());
            assertThat(read.complete()).isTrue();
            assertThat(read.get("cerebral infarction")).isEqualTo(table.get("cerebral infarction"));
            assertThat(PhraseAnswers.load("another-index", RankingFingerprint.of(), file)).isNull();
            // computed by another build of the ranking: recomputed, not served
            assertThat(PhraseAnswers.load(index.key(), "another-ranking", file)).isNull();

            Path damaged = file.resolveSibling("damaged.phrases");
            byte[] bytes = Files.readAllBytes(file);
            Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertThat(PhraseAnswers.load(index.key(), RankingFingerprint.of(), damaged)).isNull();
            Files.delete(damaged);
        } finally {
            index.release();
        }
    }
}
