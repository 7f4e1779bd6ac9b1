package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.codedesk.casecoding.dictionary.IndexDictionary;
import org.codedesk.casecoding.text.ClinicalText;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.SearchDocument;
import org.junit.jupiter.api.Test;

/** The Table of Drugs read for poisoning, adverse effect and underdosing (I.C.19.e), on a small table written here. */
class DrugEffectsTest {

    private static final String[] COLUMNS = {"Poisoning Accidental (unintentional)", "Poisoning Intentional self-harm", "Poisoning Assault",
        "Poisoning Undetermined", "Adverse effect", "Underdosing"};

    /** Rows of the table: path, modifiers, the six-character header each column gives (its 6th character is the column's). */
    private static final String[][] ROWS = {
        {"Insulin", "", "T38.3X"},
        {"Warfarin", "", "T45.51"},
        {"Acetaminophen", "", "T39.1X"},
        {"Lisinopril", "", "T46.4X"},
        {"Lithium > salts", "(carbonate)", "T43.59"},
        {"Lithium > gluconate", "", "T43.59"},
        {"Blockers, calcium channel", "", "T46.1X"},
        {"Anticoagulant NEC", "", "T45.51"},
        {"Losartan", "", "T46.5X"},
    };

    private static IndexDictionary table() {
        List<SearchDocument> docs = new ArrayList<>();
        for (String[] row : ROWS) {
            for (int col = 0; col < COLUMNS.length; col++) {
                String header = row[2] + (col + 1);
                docs.add(new SearchDocument(CodeSystem.ICD10CM, header.replace(".", ""), header, "code", false, header, header, null, null, List.of(),
                        List.of(new SearchDocument.IndexPath("Table of Drugs and Chemicals", row[0], row[1].isEmpty() ? null : row[1], COLUMNS[col],
                                null, "test"))));
                docs.add(new SearchDocument(CodeSystem.ICD10CM, (header + "A").replace(".", ""), header + "A", "code", true, header + " initial", null,
                        null, null, List.of(), List.of()));
            }
        }
        // "Lithium" alone is the metal: no adverse effect or underdosing column
        docs.add(new SearchDocument(CodeSystem.ICD10CM, "T56891", "T56.891", "code", false, "lithium", null, null, null, List.of(),
                List.of(new SearchDocument.IndexPath("Table of Drugs and Chemicals", "Lithium", null, COLUMNS[0], null, "test"))));
        return IndexDictionary.build(docs);
    }

    private static final IndexDictionary TABLE = table();

    private static List<String> codes(String text) {
        NoteFacts facts = new NoteFacts(ClinicalText.read(text, a -> List.of()));
        return DrugEffects.of(facts, TABLE, EnumSet.allOf(NoteSections.class)).stream().map(DrugEffects.Effect::code).toList();
    }

    @Test
    void underdosingIsTheDrugsUnderdosingColumnWithTheInitialEncounter() {
        assertThat(codes("Type 2 diabetes with hyperglycemia - underdosing of insulin, ran out of glargine.")).containsExactly("T38.3X6A");
        assertThat(codes("Underdosing of amlodipine - patient stopped on his own.")).containsExactly("T46.1X6A");
        assertThat(codes("He ran out of his Lantus last week.")).as("a brand read as the table's row").containsExactly("T38.3X6A");
    }

    @Test
    void theDeepestRowTheNoteNamesIsUsedAndTheMetalHasNoUnderdosing() {
        assertThat(codes("Underdosing of lithium carbonate - stopped it on his own because of tremor.")).containsExactly("T43.596A");
        assertThat(codes("Underdosing of lithium.")).as("the main term fills no underdosing column").isEmpty();
    }

    @Test
    void anAdverseEffectNeedsTheDrugAfterDueToOrItsOwnWords() {
        assertThat(codes("Upper GI bleed due to supratherapeutic anticoagulation with warfarin.")).containsExactly("T45.515A");
        assertThat(codes("Warfarin-associated coagulopathy, INR 6.8.")).containsExactly("T45.515A");
        assertThat(codes("Chronic cough due to lisinopril (ACE inhibitor cough, adverse effect) - stop lisinopril, start losartan 50 mg daily."))
                .containsExactly("T46.4X5A");
        assertThat(codes("Hematuria on apixaban, adverse effect.")).containsExactly("T45.515A");
        assertThat(codes("No adverse effects from lisinopril. Side effects of losartan reviewed.")).isEmpty();
        assertThat(codes("DKA due to insulin omission.")).as("a drug not taken is no adverse effect").isEmpty();
        assertThat(codes("Hypokalemia due to vomiting; on lisinopril.")).isEmpty();
    }

    @Test
    void poisoningIsCodedByItsIntentAndAccidentalWhenNoneIsWritten() {
        assertThat(codes("Acetaminophen poisoning, intentional self-harm (suicide attempt).")).containsExactly("T39.1X2A");
        assertThat(codes("Intentional Tylenol overdose.")).containsExactly("T39.1X2A");
        assertThat(codes("Accidental overdose of acetaminophen taken for back pain.")).containsExactly("T39.1X1A");
        assertThat(codes("Acetaminophen overdose, intent undetermined.")).containsExactly("T39.1X4A");
    }
}
