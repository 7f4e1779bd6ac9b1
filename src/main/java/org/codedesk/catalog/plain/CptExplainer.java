package org.codedesk.catalog.plain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.codedesk.catalog.CptPublicFacts;
import org.codedesk.catalog.PlainLanguage.Sentence;

/**
 * A CPT code without an AMA licence, in plain words from its public CMS facts only: the status, global period and payment
 * policy indicators of its Physician Fee Schedule record and its MUE per setting. The AMA descriptor is never read, shown or
 * reworded (the facts carry none). The wordings are ours, written from the meanings of the RVU record layout (Attachment A)
 * and the MUE file; a value "9" (the concept does not apply) gets no sentence.
 */
final class CptExplainer {

    static final String LEAD = "This is a CPT (Current Procedural Terminology) code of the American Medical Association. CodeDesk does not show or reword"
            + " its description. Here is what the public Medicare files say about it.";

    static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("A", "Medicare pays for it on its own under the Physician Fee Schedule, when it is covered"),
            Map.entry("B", "Medicare never pays for it on its own. It is paid as part of other services"),
            Map.entry("C", "The local Medicare contractor sets its price, often case by case"),
            Map.entry("D", "Medicare deleted this code at the start of the year"),
            Map.entry("E", "Medicare does not pay for it under the fee schedule. If covered, it is paid another way"),
            Map.entry("F", "Medicare deleted this code, with no grace period"),
            Map.entry("G", "Medicare does not accept this code. It uses another code for the service"),
            Map.entry("H", "Medicare removed the split of this code into a doctor part and a technical part"),
            Map.entry("I", "Medicare does not accept this code. It uses another code for the service"),
            Map.entry("J", "It is an anesthesia service. It is paid under the anesthesia rules, not the fee schedule"),
            Map.entry("M", "It is used only to report on quality. Medicare pays nothing for it"),
            Map.entry("N", "Medicare does not cover it"),
            Map.entry("P", "Medicare does not pay for it on its own"),
            Map.entry("R", "Medicare covers it only in special cases. Then the contractor sets the price"),
            Map.entry("T", "Medicare pays for it only when the same provider bills no other fee schedule service that day"),
            Map.entry("X", "The law does not count it as a doctor's service. So the fee schedule does not pay for it"));

    /** Global periods: the number of days is said as a number, so the check can compare it with the record. */
    static final Map<String, String> GLOBAL = Map.of(
            "000", "It has a 0-day global surgery period. Routine care on the day of the operation is included",
            "010", "It has a 10-day global surgery period. Routine care on the day of the operation and for 10 days after is included",
            "090", "It has a 90-day global surgery period. Routine care for 90 days after the day of the operation is included."
                    + " So is the day before",
            "MMM", "It is a maternity code. The usual global surgery periods do not apply",
            "XXX", "No global surgery period applies to it",
            "YYY", "The local Medicare contractor decides its global surgery period",
            "ZZZ", "It is part of another service. It falls in that service's global surgery period");

    static final Map<String, String> MULTIPLE = Map.of(
            "0", "When done with other procedures, it is still paid in full",
            "1", "When done with other procedures, an older rule cuts its pay",
            "2", "When done with other procedures the same day, it is paid at half if it is not the one that pays most",
            "3", "When done with other scopes of the same family, special rules for scopes set its pay",
            "4", "When done with other imaging in the same session, it may be paid less",
            "5", "After the first unit of therapy, part of the pay for each further unit is cut by half",
            "6", "When done with other heart tests the same day, it may be paid less",
            "7", "When done with other eye tests the same day, it may be paid less");

    static final Map<String, String> BILATERAL = Map.of(
            "0", "If done on both sides, Medicare pays no more than for one side",
            "1", "If done on both sides, Medicare pays up to 150% of the amount for one side",
            "2", "The code already covers both sides. There is no extra pay for the second side",
            "3", "If done on both sides, each side is paid in full");

    static final Map<String, String> ASSISTANT = Map.of(
            "0", "An assistant surgeon is paid only if the records show one was needed",
            "1", "An assistant surgeon is never paid for it",
            "2", "An assistant surgeon may be paid");

    static final Map<String, String> CO_SURGEONS = Map.of(
            "0", "Two surgeons may not bill it together as co-surgeons",
            "1", "Two surgeons may bill it together if the records show both were needed",
            "2", "Two surgeons of different specialties may bill it together");

    static final Map<String, String> TEAM = Map.of(
            "0", "A team of surgeons may not bill it",
            "1", "A team of surgeons may bill it if the records show a team was needed",
            "2", "A team of surgeons may bill it");

    static final Map<String, String> SETTINGS = Map.of(
            "practitioner", "a doctor or other practitioner",
            "outpatient_hospital", "a hospital outpatient department",
            "dme", "a medical equipment supplier");

    static final Map<Integer, String> ADJUDICATION = Map.of(
            1, "Each claim line is checked on its own",
            2, "All lines for the same day are added up. This limit is firm, even on appeal",
            3, "All lines for the same day are added up. More units may be paid on appeal if the records show the need");

    private CptExplainer() {
    }

    static List<Sentence> explain(CptPublicFacts facts) {
        List<Sentence> out = new ArrayList<>();
        out.add(new Sentence(LEAD, "code", facts.code()));
        add(out, STATUS, facts.status(), "pfs:status");
        add(out, GLOBAL, facts.globalDays(), "pfs:globalDays");
        add(out, MULTIPLE, facts.multipleProcedure(), "pfs:multipleProcedure");
        add(out, BILATERAL, facts.bilateral(), "pfs:bilateral");
        add(out, ASSISTANT, facts.assistant(), "pfs:assistant");
        add(out, CO_SURGEONS, facts.coSurgeons(), "pfs:coSurgeons");
        add(out, TEAM, facts.team(), "pfs:team");
        for (CptPublicFacts.Mue mue : facts.mues()) {
            String who = SETTINGS.getOrDefault(mue.setting(), mue.setting());
            String units = mue.value() == 1 ? "1 unit" : mue.value() + " units";
            String text = "On a claim from " + who + ", at most " + units + " may be billed for one patient in one day"
                    + (ADJUDICATION.containsKey(mue.adjudication()) ? ". " + ADJUDICATION.get(mue.adjudication()) : "");
            out.add(new Sentence(Phrases.sentence(text), "mue:" + mue.setting(), mue.value() + " (adjudication " + mue.adjudication() + ")"));
        }
        if (!facts.any()) {
            out.add(new Sentence("No public Medicare fee schedule or MUE facts about it are imported for this date.", "code", facts.code()));
        }
        return out;
    }

    private static void add(List<Sentence> out, Map<String, String> words, String value, String field) {
        String v = value == null ? null : value.trim();
        if (v != null && words.containsKey(v)) {
            out.add(new Sentence(Phrases.sentence(words.get(v)), field, v));
        }
    }
}
