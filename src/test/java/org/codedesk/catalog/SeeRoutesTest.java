package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeeRoutesTest {

    private final SeeRoutes routes = new SeeRoutes();

    SeeRoutesTest() {
        // a few terms written after the ICD-10-CM Alphabetic Index and the ICD-10-PCS Index
        routes.add(new SeeRoutes.Term(1, 0, "Infection", null, null));
        routes.add(new SeeRoutes.Term(2, 1, "tonsil", null, "Tonsillitis"));
        routes.add(new SeeRoutes.Term(3, 0, "Tonsillitis", "J0390", null));
        routes.add(new SeeRoutes.Term(4, 0, "Hemorrhage", "R58", null));
        routes.add(new SeeRoutes.Term(5, 4, "complicating", null, null));
        routes.add(new SeeRoutes.Term(6, 5, "delivery", "O679", null));
        routes.add(new SeeRoutes.Term(7, 4, "childbirth", null, "Hemorrhage, complicating, delivery"));
        routes.add(new SeeRoutes.Term(8, 0, "Infarct, infarction", null, null));
        routes.add(new SeeRoutes.Term(9, 8, "cerebral (acute) (chronic)", "I639", null));
        routes.add(new SeeRoutes.Term(10, 8, "cerebellar", null, "Infarct, cerebral"));
        routes.add(new SeeRoutes.Term(11, 0, "Fracture", null, null));
        routes.add(new SeeRoutes.Term(12, 11, "hip", null, "Fracture, by site"));
        routes.add(new SeeRoutes.Term(13, 0, "Loop", null, "Loop, again"));
        routes.add(new SeeRoutes.Term(14, 13, "again", null, "Loop"));
        routes.add(new SeeRoutes.Term(15, 0, "Inspection", null, null));
        routes.add(new SeeRoutes.Term(16, 15, "Intestinal Tract, Lower", "0DJD", null));
        routes.add(new SeeRoutes.Term(17, 0, "Colonoscopy", null, "Inspection, Intestinal Tract, Lower [0DJD]"));
        // a route ending on a comma: go on below the target with the entry's own words
        routes.add(new SeeRoutes.Term(20, 0, "Disease, diseased", null, null));
        routes.add(new SeeRoutes.Term(21, 20, "artery", null, null));
        routes.add(new SeeRoutes.Term(22, 21, "coronary", "I2510", null));
        routes.add(new SeeRoutes.Term(23, 22, "with angina pectoris", null, "Arteriosclerosis, coronary (artery),"));
        routes.add(new SeeRoutes.Term(30, 0, "Arteriosclerosis, arteriosclerotic (diffuse)", null, null));
        routes.add(new SeeRoutes.Term(31, 30, "coronary (artery)", "I2510", null));
        routes.add(new SeeRoutes.Term(32, 31, "native vessel", null, null));
        routes.add(new SeeRoutes.Term(33, 32, "with", null, null));
        routes.add(new SeeRoutes.Term(34, 33, "angina pectoris", "I25119", null));
        routes.add(new SeeRoutes.Term(35, 34, "unstable", "I25110", null));
        routes.add(new SeeRoutes.Term(36, 31, "bypass graft", "I25810", null));
        routes.add(new SeeRoutes.Term(37, 36, "with", null, null));
        routes.add(new SeeRoutes.Term(38, 37, "angina pectoris", "I25709", null));
        routes.add(new SeeRoutes.Term(39, 36, "autologous vein", null, null));
        routes.add(new SeeRoutes.Term(40, 39, "with", null, null));
        routes.add(new SeeRoutes.Term(41, 40, "angina pectoris", "I25719", null));
    }

    @Test
    void aRouteEndingOnACommaGoesOnBelowItsTargetWithTheEntrysWords() {
        // "Disease, artery, coronary, with angina pectoris - see Arteriosclerosis, coronary (artery),": not the target's
        // default (I25.10), but the shallowest terms below it spelling "with angina pectoris"
        assertThat(routes.destinations(23).stream().map(SeeRoutes.Term::code)).containsExactlyInAnyOrder("I25119", "I25709");
        assertThat(routes.destinations(10).stream().map(SeeRoutes.Term::code)).as("no comma: the one destination").containsExactly("I639");
        assertThat(routes.destinations(22)).as("a term with its own code is no route").isEmpty();
        // later indexes print the route without the comma: a qualifier entry carries over all the same
        routes.add(new SeeRoutes.Term(26, 22, "with angina pectoris", null, "Arteriosclerosis, coronary (artery)"));
        assertThat(routes.destinations(26).stream().map(SeeRoutes.Term::code)).containsExactlyInAnyOrder("I25119", "I25709");
        // a route from an entry that is no qualifier goes to the target's default, whatever lies below it
        routes.add(new SeeRoutes.Term(27, 21, "angina pectoris", null, "Arteriosclerosis, coronary (artery)"));
        assertThat(routes.destinations(27).stream().map(SeeRoutes.Term::code)).containsExactly("I2510");
    }

    @Test
    void aSeeRouteLeadsToTheMainTermsDefaultCode() {
        assertThat(routes.target(2)).isEqualTo("J0390");
    }

    @Test
    void aRouteNamesSubtermsCommaSeparatedAndTermsThatHoldCommasMatchWhole() {
        assertThat(routes.target(7)).isEqualTo("O679");
        assertThat(routes.target(10)).as("'Infarct' is one form of 'Infarct, infarction'; modifiers aside").isEqualTo("I639");
        assertThat(routes.target(17)).as("'Intestinal Tract, Lower' is one subterm; the printed code is ignored").isEqualTo("0DJD");
    }

    @Test
    void aRoutesDestinationIsTheTermItEndsAtWithItsForms() {
        assertThat(routes.destination(10).id()).isEqualTo(9);
        assertThat(SeeRoutes.forms(routes.destination(10).title())).containsExactly("cerebral");
        assertThat(SeeRoutes.forms("Infarct, infarction")).contains("infarct", "infarction");
        assertThat(routes.destination(12)).isNull();
    }

    @Test
    void aRouteToNoTermOrARoundTripLeadsNowhere() {
        assertThat(routes.target(12)).isNull();
        assertThat(routes.target(13)).isNull();
        assertThat(routes.target(3)).as("a term with its own code is not a route").isNull();
    }
}
