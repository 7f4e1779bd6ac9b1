package org.codedesk.casecoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.codedesk.casecoding.text.ClinicalText;
import org.junit.jupiter.api.Test;

/** The contraceptive management of a visit (Z30) from the assessment and plan: the method, first prescription or surveillance. */
class ContraceptionTest {

    private static Optional<String> code(String text) {
        return Contraception.of(new NoteFacts(ClinicalText.read(text, w -> List.of()))).map(Contraception.Found::code);
    }

    @Test
    void aFirstPrescriptionIsCodedByTheMethodAndAListOfOptionsIsNot() {
        assertThat(code("HPI: 6 wk postpartum.\nAssessment/Plan:\n1. Postpartum depression.\n2. Contraception - desires OCP; progestin-only pill"
                + " (norethindrone 0.35 mg daily) prescribed, first prescription, start today.")).contains("Z30.011");
        assertThat(code("Assessment/Plan:\n1. Encounter for contraception - counseled on options incl. LARC (IUD, implant), DMPA, pill, patch, ring."
                + " Prefers the pill: combined oral contraceptive levonorgestrel 0.15 mg/ethinyl estradiol 30 mcg, first prescription, quick start today."))
                .contains("Z30.011");
        assertThat(code("Assessment/Plan:\n1. Contraception - Depo-Provera 150 mg IM given today, first injection.")).contains("Z30.013");
        assertThat(code("Assessment/Plan:\n1. Contraception - doing well on OCP, refilled x 12 months.")).contains("Z30.41");
        assertThat(code("Assessment/Plan:\n1. Contraception - counseled on options incl. IUD, implant, DMPA, pill; will think about it."))
                .as("options only").isEmpty();
        assertThat(code("PMH: on OCPs.\nAssessment/Plan:\n1. Acute cystitis - nitrofurantoin.")).as("not in the assessment").isEmpty();
        assertThat(Contraception.deviceInPlace("Contraception: Mirena IUD in place, strings seen.")).isTrue();
        assertThat(Contraception.deviceInPlace("Counseled on options incl. LARC (IUD, implant).")).isFalse();
    }
}
