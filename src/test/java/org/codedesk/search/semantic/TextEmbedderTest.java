package org.codedesk.search.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model loads without a network and ranks clinical paraphrases sensibly. */
class TextEmbedderTest {

    private static TextEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new TextEmbedder(2);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void loadsOfflineWith384Dimensions() {
        float[] vector = embedder.embed("Essential (primary) hypertension");
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(vector).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void layTermIsCloserToItsClinicalTitle() {
        assertCloser("heart attack", "Acute myocardial infarction", "Fracture of femur");
        assertCloser("sugar diabetes", "Type 2 diabetes mellitus without complications", "Acute appendicitis");
    }

    @Test
    void batchEqualsOneByOne() {
        List<String> texts = List.of("Acute myocardial infarction", "Fracture of femur", "Acute appendicitis",
                "Type 2 diabetes mellitus without complications", "Asthma", "Asthma");
        float[][] batch = embedder.embedAll(texts);
        assertThat(batch).hasNumberOfRows(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] single = embedder.embed(texts.get(i));
            for (int d = 0; d < single.length; d++) {
                assertThat(batch[i][d]).as("text %d, dimension %d", i, d).isCloseTo(single[d], within(1e-5f));
            }
        }
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    @Test
    void blankTextIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> embedder.embed(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> embedder.embedAll(List.of("Asthma", "")))
                .withMessageContaining("texts[1]");
    }

    @Test
    void cosineOfVectors() {
        assertThat(TextEmbedder.cosine(new float[] {1, 0}, new float[] {2, 0})).isCloseTo(1f, within(1e-6f));
        assertThat(TextEmbedder.cosine(new float[] {1, 0}, new float[] {0, 3})).isCloseTo(0f, within(1e-6f));
        assertThat(TextEmbedder.cosine(new float[] {1, 1}, new float[] {-1, -1})).isCloseTo(-1f, within(1e-6f));
        assertThat(TextEmbedder.cosine(new float[] {0, 0}, new float[] {1, 1})).isZero();
    }

    private static void assertCloser(String query, String near, String far) {
        float[][] v = embedder.embedAll(List.of(query, near, far));
        float toNear = TextEmbedder.cosine(v[0], v[1]);
        float toFar = TextEmbedder.cosine(v[0], v[2]);
        assertThat(toNear).as("cos(%s, %s) vs cos(%s, %s)", query, near, query, far).isGreaterThan(toFar);
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
