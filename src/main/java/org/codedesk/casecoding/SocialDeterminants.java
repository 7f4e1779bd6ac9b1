package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Social determinants of health and noncompliance with dialysis, coded from the note's words (I.C.21.c.17: they may
 * come from any clinician's documentation or the patient's own account): noncompliance with a medication regimen
 * (Z91.14-), transportation insecurity (Z59.82),
 * homelessness (Z59.0-), food insecurity (Z59.41), dialysis sessions missed (Z91.15-, by the reason written). A
 * negated mention ("denies food insecurity") does not count; arranging a service ("social work arranged
 * transportation") is not a problem written.
 */
final class SocialDeterminants {

    /** A code the note's words support. */
    record Finding(String code, NoteFacts.Found evidence, String why) { }

    private static final Pattern MISSED_DIALYSIS = Pattern.compile("\\b(miss(ed|es|ing)|skipp(ed|ing)|skips|non-?complian\\w* with|not attending)"
            + "\\s+(\\w+\\s+){0,2}(hd|hemodialysis|dialysis)\\b");
    private static final Pattern MEDICATION_NONCOMPLIANCE = Pattern.compile("\\b(non-?complian\\w*|non-?adheren\\w*) (with|to) (his |her |their )?"
            + "(\\w+ ){0,2}(medications?|meds|regimen|antipsychotics?|insulin|antihypertensives?|inhalers?)\\b");
    private static final Pattern FINANCIAL = Pattern.compile("(?<!no )(?<!not a )\\b(afford\\w*|cost|costs|financial\\w*|money|copays?)\\b");
    /** Taking less of a drug than prescribed, or stopping it, by the patient's own choice (I.C.19.e.5.c: underdosing, Z91.12-). */
    private static final Pattern INTENTIONAL_UNDERDOSING = Pattern.compile("\\b(rationing|rationed|rations|underdos\\w*|stopped taking"
            + "|stopped (his|her|their) \\w+ on (his|her|their) own|stopped (it|them) on (his|her|their) own)\\b");
    /**
     * Taking less than prescribed without meaning to (Z91.13-): running out of a drug, forgetting doses, "unintentional";
     * age-related debility (Z91.130) when the note says so. Running out because of the cost is the financial hardship
     * of the intentional underdosing (the index: "Underdosing > intentional > due to financial hardship").
     */
    private static final Pattern UNINTENTIONAL_UNDERDOSING = Pattern.compile("\\b(ran out|run(s|ning)? out|unintentional\\w*"
            + "|forgot|forgets|forgetting|did not mean to stop)\\b");
    private static final Pattern DEBILITY = Pattern.compile("\\b(age[- ]related debility|debility|frail\\w*|dementia|cognitive impairment)\\b");
    private static final Pattern DRUG_WORDS = Pattern.compile("\\b(insulin|glargine|lispro|medications?|meds|pills|doses?|lithium|underdosing"
            + "|antipsychotics?|antihypertensives?|anticoagulants?|warfarin"
            + "|[a-z]+(pril|sartan|olol|dipine|statin|formin|azide|thiazide|apine|idone|oxetine|aline|xaban|parin))\\b");
    private static final Pattern TRANSPORTATION = Pattern.compile("\\b(transportation (problems?|issues?|insecurity|barriers?|difficult\\w*)"
            + "|lack of transportation|no (ride|transportation)|(unable to|could not|couldn't|can't|cannot) (get|find|arrange) (a )?(ride|transportation))\\b");
    private static final Pattern HOMELESS = Pattern.compile("\\b(homeless(ness)?|unhoused|living on the streets?|lives (on the streets?|in (his|her|their|a) car))\\b");
    private static final Pattern SHELTER = Pattern.compile("\\b(shelter|transitional housing|motel voucher)\\b");
    private static final Pattern UNSHELTERED = Pattern.compile("\\b(unsheltered|streets?|in (his|her|their|a) car|encampment|outdoors)\\b");
    private static final Pattern FOOD = Pattern.compile("\\b(food insecur\\w*|not enough (food|to eat)|runs? out of food|food bank)\\b");

    private SocialDeterminants() {
    }

    static List<Finding> of(NoteFacts facts, Set<NoteSections> sections) {
        List<Finding> found = new ArrayList<>();
        facts.all(MISSED_DIALYSIS, sections).stream().findFirst().ifPresent(f -> {
            boolean financial = FINANCIAL.matcher(facts.sentenceOf(f)).find();
            found.add(new Finding(financial ? "Z91.151" : "Z91.158", f, "noncompliance with renal dialysis"
                    + (financial ? " due to financial hardship" : " for a reason other than financial hardship")));
        });
        facts.all(MEDICATION_NONCOMPLIANCE, sections).stream().findFirst().ifPresent(f -> {
            boolean financial = FINANCIAL.matcher(facts.sentenceOf(f)).find();
            found.add(new Finding(financial ? "Z91.141" : "Z91.148", f, "noncompliance with the medication regimen"
                    + (financial ? " due to financial hardship" : " for a reason other than financial hardship")));
        });
        List<NoteFacts.Found> unintentional = facts.all(UNINTENTIONAL_UNDERDOSING, sections).stream()
                .filter(f -> DRUG_WORDS.matcher(facts.sentenceOf(f)).find() && !FINANCIAL.matcher(facts.sentenceOf(f)).find()).toList();
        if (!unintentional.isEmpty()) {
            NoteFacts.Found f = unintentional.get(0);
            boolean debility = unintentional.stream().anyMatch(u -> DEBILITY.matcher(facts.sentenceOf(u)).find());
            found.add(new Finding(debility ? "Z91.130" : "Z91.138", f, "unintentional underdosing of the medication regimen"
                    + (debility ? " due to age-related debility" : " for a reason other than age-related debility")
                    + " (code also the drug's underdosing code from the Table of Drugs)"));
        }
        facts.all(INTENTIONAL_UNDERDOSING, sections).stream().filter(f -> unintentional.isEmpty() && DRUG_WORDS.matcher(facts.sentenceOf(f)).find())
                .findFirst().ifPresent(f -> {
            boolean financial = facts.all(INTENTIONAL_UNDERDOSING, sections).stream().anyMatch(u -> FINANCIAL.matcher(facts.sentenceOf(u)).find());
            found.add(new Finding(financial ? "Z91.120" : "Z91.128", f, "intentional underdosing of the medication regimen"
                    + (financial ? " due to financial hardship" : " for a reason other than financial hardship")
                    + " (code also the drug's underdosing code from the Table of Drugs)"));
        });
        facts.all(TRANSPORTATION, sections).stream().findFirst()
                .ifPresent(f -> found.add(new Finding("Z59.82", f, "transportation insecurity (social determinant of health)")));
        facts.all(HOMELESS, sections).stream().findFirst().ifPresent(f -> {
            String sentence = facts.sentenceOf(f);
            String code = SHELTER.matcher(sentence).find() ? "Z59.01" : UNSHELTERED.matcher(sentence).find() ? "Z59.02" : "Z59.00";
            found.add(new Finding(code, f, "homelessness (social determinant of health)"));
        });
        facts.all(FOOD, sections).stream().findFirst()
                .ifPresent(f -> found.add(new Finding("Z59.41", f, "food insecurity (social determinant of health)")));
        return found;
    }
}
