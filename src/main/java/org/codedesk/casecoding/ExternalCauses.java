package org.codedesk.casecoding;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * External-cause codes for an injury (Guidelines I.C.20): how it happened, where and doing what, and the status
 * (leisure, work), read from the story of the injury, with the injury's 7th character. Only what the note says is
 * coded: no mechanism found, no external-cause code; the place or activity left out when not stated.
 */
final class ExternalCauses {

    /** A cause code and the words it rests on. */
    record Cause(String code, NoteFacts.Found evidence, String axis) { }

    private record Rule(Pattern pattern, String code) { }

    private static final Set<NoteSections> STORY = EnumSet.of(NoteSections.NARRATIVE, NoteSections.CONCLUSION, NoteSections.TREATED);

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    /** Mechanisms, most specific first. Codes carry "A" as the 7th character; the injury's replaces it. */
    private static final List<Rule> MECHANISMS = List.of(
            new Rule(p("\\b(bitten by (an? |the |his |her |their )?(\\w+ )?dog|dog bite)"), "W54.0XXA"),
            new Rule(p("\\b(bitten by (an? |the |his |her |their )?(\\w+ )?cat|cat bite)"), "W55.01XA"),
            new Rule(p("\\bdriver\\b[^.\\n]{0,80}\\b(rear-ended|collision|collided|crash|struck|hit)\\b[^.\\n]{0,40}\\b(car|vehicle|suv)\\b"
                    + "|\\b(rear-ended|collided|t-boned)\\b[^.\\n]{0,40}\\b(car|vehicle)\\b[^.\\n]{0,60}\\bdriver\\b"), "V43.52XA"),
            new Rule(p("\\bpassenger\\b[^.\\n]{0,80}\\b(rear-ended|collision|collided|crash)\\b"), "V43.62XA"),
            new Rule(p("\\b(mvc|mva|motor vehicle (collision|crash|accident)|car accident)\\b"), "V89.2XXA"),
            new Rule(p("\\b(fell|thrown|flipped) (off|from) (his |her |their |a |the )?(bicycle|bike)\\b[^.\\n]{0,60}\\b(street|road|roadway|traffic)\\b"),
                    "V18.4XXA"),
            new Rule(p("\\b(fell|thrown|flipped) (off|from) (his |her |their |a |the )?(bicycle|bike)\\b"), "V18.0XXA"),
            new Rule(p("\\b(collided|collision) with (another|an opposing|a) (player|person|teammate|runner)\\b[^.\\n]{0,40}\\b(fell|fall)\\b"),
                    "W03.XXXA"),
            new Rule(p("\\b(knife|kitchen knife|box cutter)\\b"), "W26.0XXA"),
            // powered hand tools (the index: "Nail > contact with > gun" W29.4)
            new Rule(p("\\bnail ?gun\\b|\\bnailer\\b"), "W29.4XXA"),
            // burns: hot cooking oil or grease, other hot liquids (I.C.20: the source of the burn)
            new Rule(p("\\b(hot|boiling|frying|cooking) (cooking )?(oil|grease)\\b|\\b(oil|grease) (splash\\w*|spatter\\w*|burn)"), "X10.2XXA"),
            new Rule(p("\\b(hot|boiling) (water|coffee|tea|soup|liquid)\\b|\\bscald(ed|ing)? by\\b"), "X12.XXXA"),
            // playground falls (the index: "Fall, from playground equipment > jungle gym, slide, swing")
            new Rule(p("\\b(fell|fall|falling) (off|from) (the |a )?(monkey bars|jungle gym)\\b"), "W09.2XXA"),
            new Rule(p("\\b(fell|fall|falling) (off|from) (the |a )?(playground )?slide\\b"), "W09.0XXA"),
            new Rule(p("\\b(fell|fall|falling) (off|from) (the |a )?(playground )?swing\\b"), "W09.1XXA"),
            new Rule(p("\\b(fell|fall|falling|missed|slipped|tripped)\\b[^.\\n]{0,60}\\b(stairs|steps|staircase)\\b"
                    + "|\\b(stairs|steps)\\b[^.\\n]{0,40}\\b(fell|fall)\\b"), "W10.9XXA"),
            new Rule(p("\\bfell (off|from) (a |the )?ladder\\b"), "W11.XXXA"),
            new Rule(p("\\b(fell|fall|falling) (about |approximately |~)?(\\d+ ?(ft|feet|foot|m) )?(off|from|out of) (a |the )?tree\\b"), "W14.XXXA"),
            new Rule(p("\\bfell (out of|from) (the |her |his )?bed\\b"), "W06.XXXA"),
            new Rule(p("\\bslipped on (the )?(ice|snow)\\b|\\bslipped on (an )?icy\\b"), "W00.0XXA"),
            // a slip or trip, then striking against furniture on the way down (W01.190: "Fall, same level, from slipping, tripping and
            // stumbling, with subsequent striking against furniture")
            new Rule(p("\\b(tripped|slipped|stumbled)\\b[^.\\n]{0,120}\\b(striking|struck|hit|hitting|hits)\\b[^.\\n]{0,60}\\b(coffee table|table|nightstand"
                    + "|dresser|chair|desk|bed ?frame|couch|sofa|cabinet|counter ?top|furniture)\\b"), "W01.190A"),
            new Rule(p("\\b(tripped|slipped|stumbled)\\b"), "W01.0XXA"),
            new Rule(p("\\b(fell|fall)\\b"), "W19.XXXA"));

    private static final List<Rule> PLACES = List.of(
            new Rule(p("\\bnursing home\\b[^.\\n]{0,20}\\b(room|bedroom)\\b|\\b(room|bedroom)\\b[^.\\n]{0,20}\\bnursing home\\b"), "Y92.122"),
            new Rule(p("\\bnursing home\\b"), "Y92.129"),
            // another room of a house, where the fall happened (before the kitchen it was walked from) ("Place of occurrence > residence > house, single family > specified NEC")
            new Rule(p("\\b(living room|family room|den|hallway|foyer|laundry room)\\b[^.\\n]{0,30}\\b(house|single-family home)\\b"), "Y92.018"),
            new Rule(p("\\b(living room|family room|hallway|laundry room)\\b"), "Y92.008"),
            new Rule(p("\\bbasketball court\\b"), "Y92.310"),
            new Rule(p("\\b(bike|bicycle) (path|trail)\\b"), "Y92.482"),
            new Rule(p("\\belementary school\\b"), "Y92.211"),
            new Rule(p("\\b(middle|junior high) school\\b"), "Y92.212"),
            new Rule(p("\\bhigh school\\b"), "Y92.213"),
            new Rule(p("\\bkitchen\\b[^.\\n]{0,30}\\bhouse\\b"), "Y92.010"),
            new Rule(p("\\bapartment kitchen\\b|\\bkitchen\\b[^.\\n]{0,30}\\bapartment\\b|\\bapartment\\b[^.\\n]{0,15}\\bkitchen\\b"), "Y92.030"),
            new Rule(p("\\bkitchen\\b"), "Y92.000"),
            new Rule(p("\\bbedroom\\b[^.\\n]{0,30}\\bhouse\\b"), "Y92.013"),
            new Rule(p("\\bbedroom\\b"), "Y92.003"),
            new Rule(p("\\bbathroom\\b[^.\\n]{0,30}\\bhouse\\b"), "Y92.012"),
            new Rule(p("\\bbathroom\\b"), "Y92.002"),
            new Rule(p("\\bdriveway\\b"), "Y92.014"),
            // "Place of occurrence > industrial and construction area > building under construction"
            new Rule(p("\\b(under construction|construction site)\\b"), "Y92.61"),
            // a garden or yard of a house (the single-family house, as the kitchen and bathroom above), else of an unspecified residence
            new Rule(p("\\b(back ?yard|front ?yard|yard|garden)\\b[^.\\n]{0,30}\\b(house|home)\\b"), "Y92.017"),
            new Rule(p("\\b(back ?yard|front ?yard)\\b"), "Y92.007"),
            new Rule(p("\\bsidewalk\\b"), "Y92.480"),
            new Rule(p("\\b(public )?park\\b(?! ?ing)"), "Y92.830"),
            new Rule(p("\\binterstate\\b"), "Y92.411"),
            new Rule(p("\\b(highway|freeway)\\b"), "Y92.410"),
            new Rule(p("\\bat (her |his |their )?home\\b|\\b(her|his|their) (house|home)\\b"), "Y92.009"));

    private static final List<Rule> ACTIVITIES = List.of(
            new Rule(p("\\b(jogging|running)\\b"), "Y93.02"),
            new Rule(p("\\b(walking|hiking)\\b"), "Y93.01"),
            new Rule(p("\\b(cooking|baking|frying|deep[- ]frying)\\b"), "Y93.G3"),
            new Rule(p("\\b(cutting|chopping|slicing|peeling|dicing) (up )?(\\w+ )?(vegetables|food|onions?|meat|bread|fruit|bagels?|avocados?)\\b"
                    + "|\\b(preparing|making) (food|dinner|lunch|breakfast)\\b|\\bwashing (the )?dishes\\b"), "Y93.G1"),
            new Rule(p("\\b(shoveling|raking|digging)\\b"), "Y93.H1"),
            new Rule(p("\\b(gardening|landscaping)\\b"), "Y93.H2"),
            new Rule(p("\\b(framing|carpentry|building construction|construction work)\\b"), "Y93.H3"),
            new Rule(p("\\b(cleaning (the |his |her )?gutters|gutter cleaning|roofing|painting the house)\\b"), "Y93.H9"),
            new Rule(p("\\bbasketball\\b"), "Y93.67"),
            new Rule(p("\\bsoccer\\b"), "Y93.66"),
            new Rule(p("\\bfootball\\b"), "Y93.61"),
            new Rule(p("\\bbaseball\\b"), "Y93.64"),
            new Rule(p("\\b(bicycl\\w*|biking)\\b"), "Y93.55"),
            // "Activity, climbing NEC" (a tree, a fence); rock, mountain and wall climbing are Y93.31, stairs are no sport
            new Rule(p("\\b(rock|mountain|wall) climbing\\b|\\bclimbing (a |the )?(rock|climbing) wall\\b"), "Y93.31"),
            new Rule(p("\\bclimbing\\b(?! (up |down )?(the |a )?(stairs|steps|staircase))"), "Y93.39"));

    private static final Pattern AT_WORK = p("\\b(at work|while working|on the job|work-related|workplace injury|workers'? comp\\w*|worker's comp\\w*)\\b");

    /** Words a past event is written with: "hx of R BKA (2020, after MVC)" is not how today's injury happened. */
    private static final Pattern PAST = p("\\b(19|20)\\d\\d\\b|\\b(hx|history|h/o|s/p|status post|years? ago|remote)\\b");

    /** A mechanism written inside a parenthesis about a past event ("hx of R BKA (2020, after MVC)") is not today's. */
    private static boolean past(NoteFacts facts, NoteFacts.Found f) {
        String text = facts.note().text().toLowerCase(java.util.Locale.ROOT);
        String window = text.substring(Math.max(0, f.start() - 30), f.start());
        int open = window.lastIndexOf('(');
        int stop = Math.max(Math.max(window.lastIndexOf('.'), window.lastIndexOf('\n')), window.lastIndexOf(')'));
        return open > stop && PAST.matcher(window.substring(open)).find();
    }

    private ExternalCauses() { }

    /** The external causes of an injury whose 7th character is {@code seventh}; empty when the note gives no mechanism. */
    static List<Cause> of(NoteFacts facts, char seventh, java.util.function.Predicate<String> release) {
        return of(facts, seventh, release, false);
    }

    /**
     * The external causes of an injury; with {@code mechanismCoded} (the index already gave the mechanism: "Fall from tree"),
     * the place, activity and status the story writes, once it names a mechanism.
     */
    static List<Cause> of(NoteFacts facts, char seventh, java.util.function.Predicate<String> release, boolean mechanismCoded) {
        List<Cause> causes = new ArrayList<>();
        Optional<Cause> mechanism = firstOf(MECHANISMS, facts, seventh, release, "mechanism");
        if (mechanism.isEmpty()) {
            return causes;
        }
        if (!mechanismCoded) {
            causes.add(mechanism.get());
        }
        // the place and activity written with the mechanism first ("framing a new house under construction"), not a place of another
        // story ("last tetanus ... maybe in high school")
        int story = mechanism.get().evidence().mention().sentence();
        firstOf(PLACES, facts, seventh, release, "place", story).or(() -> firstOf(PLACES, facts, seventh, release, "place")).ifPresent(causes::add);
        firstOf(ACTIVITIES, facts, seventh, release, "activity", story).or(() -> firstOf(ACTIVITIES, facts, seventh, release, "activity"))
                .ifPresent(causes::add);
        Optional<NoteFacts.Found> work = facts.first(AT_WORK, STORY);
        String status = work.isPresent() ? "Y99.0" : "Y99.8";
        if (release.test(status)) {
            causes.add(new Cause(status, work.orElse(mechanism.get().evidence()), "status"));
        }
        return causes;
    }

    private static Optional<Cause> firstOf(List<Rule> rules, NoteFacts facts, char seventh, java.util.function.Predicate<String> release, String axis) {
        return firstOf(rules, facts, seventh, release, axis, -1);
    }

    /** The first rule that matches, in the sentence given (or anywhere for -1). */
    private static Optional<Cause> firstOf(List<Rule> rules, NoteFacts facts, char seventh, java.util.function.Predicate<String> release, String axis,
                                           int sentence) {
        for (Rule rule : rules) {
            Optional<NoteFacts.Found> found = facts.all(rule.pattern(), STORY).stream().filter(f -> !past(facts, f)
                    && (sentence < 0 || f.mention().sentence() == sentence)).findFirst();
            if (found.isPresent()) {
                String code = rule.code().length() == 8 ? rule.code().substring(0, 7) + seventh : rule.code();
                if (release.test(code)) {
                    return Optional.of(new Cause(code, found.get(), axis));
                }
            }
        }
        return Optional.empty();
    }
}
