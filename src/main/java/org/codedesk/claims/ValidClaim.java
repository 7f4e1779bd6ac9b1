package org.codedesk.claims;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.codedesk.edits.Locality;
import org.codedesk.edits.Setting;

/** A claim whose every field passed validation: codes in key form, modifiers upper case, units positive. */
record ValidClaim(LocalDate date, Setting setting, List<Line> lines, List<String> diagnoses, Optional<Locality> locality) {

    record Line(int number, String code, List<String> modifiers, int units) { }

    /** HCPCS Level II codes start with a letter; CPT codes with a digit. */
    static boolean isLevelTwo(String code) {
        return Character.isLetter(code.charAt(0));
    }

    List<Integer> linesOf(String code) {
        return lines.stream().filter(l -> l.code().equals(code)).map(Line::number).toList();
    }
}
