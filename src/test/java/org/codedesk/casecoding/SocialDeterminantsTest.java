package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.codedesk.casecoding.text.ClinicalText;
import org.junit.jupiter.api.Test;

class SocialDeterminantsTest {

    private static List<String> codes(String text) {
        NoteFacts facts = new NoteFacts(ClinicalText.read(text, a -> List.of()));
        return SocialDeterminants.of(facts, EnumSet.allOf(NoteSections.class)).stream().map(SocialDeterminants.Finding::code).toList();
    }

    @Test
    void missedDialysisIsNoncomplianceByTheReasonWritten() {
        assertThat(codes("Presented after missing two HD sessions (transportation problems).")).containsExactly("Z91.158", "Z59.82");
        assertThat(codes("Skipped dialysis last week because he could not afford the copays.")).containsExactly("Z91.151");
    }

    @Test
    void homelessnessAndFoodInsecurityAreCodedByWhatTheNoteSays() {
        assertThat(codes("Currently homeless, staying at a shelter downtown.")).containsExactly("Z59.01");
        assertThat(codes("Homeless, living in her car.")).containsExactly("Z59.02");
        assertThat(codes("Reports food insecurity since losing his job.")).containsExactly("Z59.41");
    }

    @Test
    void aNegatedProblemOrAServiceArrangedIsNotADeterminant() {
        assertThat(codes("Denies food insecurity. Social work arranged dialysis transportation.")).isEmpty();
        assertThat(codes("No missed dialysis sessions.")).isEmpty();
    }

    @Test
    void aDrugTakenLessOrStoppedByThePatientIsIntentionalUnderdosingByTheReasonWritten() {
        assertThat(codes("Has been rationing her insulin because she could not afford it.")).containsExactly("Z91.120");
        assertThat(codes("He stopped taking his amlodipine 3 weeks ago on his own (no cost or side-effect issue).")).containsExactly("Z91.128");
        assertThat(codes("Stopped taking ibuprofen once the pain resolved, as instructed.")).as("no drug word of a regimen").isEmpty();
    }

    @Test
    void runningOutOfADrugIsUnintentionalUnderdosingUnlessTheCostIsTheReason() {
        assertThat(codes("Underdosing of insulin: he ran out of glargine over the holiday weekend.")).containsExactly("Z91.138");
        assertThat(codes("Hepatic encephalopathy precipitated by underdosing of lactulose (ran out 1 wk PTA, did not refill).")).as("ran out, no 'of'")
                .containsExactly("Z91.138");
        assertThat(codes("Frail, with dementia; ran out of her lisinopril last week.")).containsExactly("Z91.130");
        assertThat(codes("Underdosing of lithium carbonate - patient stopped it on his own because of tremor.")).containsExactly("Z91.128");
        assertThat(codes("Ran out of insulin because she could not afford the refill; rationing since.")).containsExactly("Z91.120");
    }
}
