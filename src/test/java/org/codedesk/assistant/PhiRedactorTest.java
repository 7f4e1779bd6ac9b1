package org.codedesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What must never leave the machine is replaced by a label; the coding content stays. */
class PhiRedactorTest {

    @Test
    void namesAfterTitlesAndLabelsAreRemoved() {
        assertThat(PhiRedactor.redact("Mr. John Smith has type 2 diabetes (E11.9)")).isEqualTo("Mr. [NAME] has type 2 diabetes (E11.9)");
        assertThat(PhiRedactor.redact("Patient: Maria L. Gonzalez, seen for 99213")).isEqualTo("Patient: [NAME], seen for 99213");
        assertThat(PhiRedactor.redact("Dr. Ng ordered an MRI")).isEqualTo("Dr. [NAME] ordered an MRI");
    }

    @Test
    void datesOfBirthButNotDatesOfService() {
        assertThat(PhiRedactor.redact("DOB: 03/14/1952, date of service 2026-03-02")).isEqualTo("DOB: [DOB], date of service 2026-03-02");
        assertThat(PhiRedactor.redact("born on March 4, 1960")).isEqualTo("born on [DOB]");
        assertThat(PhiRedactor.redact("Date of birth 1960-03-04")).isEqualTo("Date of birth [DOB]");
    }

    @Test
    void numbersThatIdentifySomeone() {
        assertThat(PhiRedactor.redact("MRN: 00123456 and acct # A-99881")).isEqualTo("MRN: [RECORD NUMBER] and acct # [RECORD NUMBER]");
        assertThat(PhiRedactor.redact("SSN 123-45-6789")).isEqualTo("SSN [SSN]");
        assertThat(PhiRedactor.redact("call (555) 123-4567 or 555.987.6543")).isEqualTo("call [PHONE] or [PHONE]");
        assertThat(PhiRedactor.redact("write to jane.doe@example.org")).isEqualTo("write to [EMAIL]");
    }

    @Test
    void streetAddresses() {
        assertThat(PhiRedactor.redact("lives at 1200 N Maple Grove Street, Apt 4B in town"))
                .isEqualTo("lives at [ADDRESS] in town");
    }

    @Test
    void codingContentIsLeftAlone() {
        String question = "Can 27447 and 20610 be billed together on 2026-03-02? Modifier 59, units 2, I21.4, 0DTJ4ZZ, J1100.";
        assertThat(PhiRedactor.redact(question)).isEqualTo(question);
        assertThat(PhiRedactor.redact(null)).isNull();
    }
}
