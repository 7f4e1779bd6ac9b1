package org.codedesk.claims;

import java.util.List;

/** One service line of a claim as submitted: a CPT or HCPCS code, up to four modifiers, and units. */
public record ClaimLine(String code, List<String> modifiers, Integer units) {

    public ClaimLine {
        modifiers = modifiers == null ? List.of() : modifiers;
    }
}
