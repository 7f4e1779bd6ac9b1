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
