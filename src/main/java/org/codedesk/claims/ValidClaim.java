package org.codedesk.claims;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.codedesk.edits.Locality;

/**
 * A claim whose every field passed validation: codes in key form, modifiers upper case, units positive; age 0-124 or
 * null, sex "M", "F" or null (unknown).
 */
record ValidClaim(LocalDate date, ClaimSetting setting, List<Line> lines, List<String> diagnoses, Optional<Locality> locality,
                  Optional<String> placeOfService, Integer age, String sex) {

    /**
     * Places of service where Medicare pays a practitioner the facility rate (the facility bears the practice
     * expense): telehealth 02, outpatient hospital 19/22, inpatient 21, emergency room 23, ASC 24, military
     * facility 26, SNF 31, hospice 34, ambulances 41/42, psychiatric facilities 51/52/53/56, rehabilitation 61.
     */
    static final java.util.Set<String> FACILITY = java.util.Set.of("02", "19", "21", "22", "23", "24", "26", "31", "34", "41", "42",
            "51", "52", "53", "56", "61");

    boolean facility() {
        return placeOfService.map(FACILITY::contains).orElse(false);
    }

    record Line(int number, String code, List<String> modifiers, int units) { }

    /** HCPCS Level II codes start with a letter; CPT codes with a digit. */
    static boolean isLevelTwo(String code) {
        return Character.isLetter(code.charAt(0));
    }

    List<Integer> linesOf(String code) {
        return lines.stream().filter(l -> l.code().equals(code)).map(Line::number).toList();
    }
}
