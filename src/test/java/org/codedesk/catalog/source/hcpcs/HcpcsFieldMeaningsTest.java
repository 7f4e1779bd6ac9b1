package org.codedesk.catalog.source.hcpcs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HcpcsFieldMeaningsTest {

    @Test
    void labelsEveryKeyAndFallsBackToTheKey() {
        assertThat(HcpcsFieldMeanings.keys()).hasSize(43).allSatisfy(key ->
                assertThat(HcpcsFieldMeanings.label(key)).isNotBlank().isNotEqualTo(key));
        assertThat(HcpcsFieldMeanings.label("coverageCode")).isEqualTo("Coverage code");
        assertThat(HcpcsFieldMeanings.label("typeOfService3")).isEqualTo("Type of service 3");
        assertThat(HcpcsFieldMeanings.label("longDescription")).isEqualTo("Long description");
        assertThat(HcpcsFieldMeanings.label("somethingElse")).isEqualTo("somethingElse");
    }

    @Test
    void explainsCodedValues() {
        assertThat(HcpcsFieldMeanings.meaning("coverageCode", "C")).contains("Carrier judgment");
        assertThat(HcpcsFieldMeanings.meaning("actionCode", "N")).contains("No maintenance for this code");
        assertThat(HcpcsFieldMeanings.meaning("actionCode", "D")).contains("Discontinue procedure or modifier code");
        assertThat(HcpcsFieldMeanings.meaning("betos", "O1E")).contains("Other drugs");
        assertThat(HcpcsFieldMeanings.meaning("typeOfService2", "P"))
                .contains("Lump sum purchase of DME, prosthetics, orthotics");
        assertThat(HcpcsFieldMeanings.meaning("pricingIndicator1", "51")).contains("Drugs");
        assertThat(HcpcsFieldMeanings.meaning("pricingIndicator4", "00")).hasValueSatisfying(m ->
                assertThat(m).startsWith("Service not separately priced by Part B"));
        assertThat(HcpcsFieldMeanings.meaning("multiplePricingIndicator", "A"))
                .contains("Not applicable: priced under one methodology");
        assertThat(HcpcsFieldMeanings.meaning("labCertification8", "340")).contains("Toxicology");
        assertThat(HcpcsFieldMeanings.meaning("ascGroup", "YY")).isPresent();
        assertThat(HcpcsFieldMeanings.meaning("mogPaymentIndicator", "9")).contains("ASC payment not applicable");
    }

    @Test
    void hasNoMeaningForFreeTextOrUnknownValues() {
        assertThat(HcpcsFieldMeanings.meaning("statute", "1861")).isEmpty();
        assertThat(HcpcsFieldMeanings.meaning("coverageCode", "Q")).isEmpty();
        assertThat(HcpcsFieldMeanings.meaning("coverageCode", null)).isEmpty();
        assertThat(HcpcsFieldMeanings.meaning("nope", "A")).isEmpty();
    }

    @Test
    void everyCodedFieldIsAKnownKey() {
        assertThat(HcpcsFieldMeanings.codedBaseKeys()).allSatisfy(base ->
                assertThat(HcpcsFieldMeanings.keys()).anyMatch(key -> key.equals(base) || key.startsWith(base)));
    }
}
