package org.codedesk.assistant;

import org.codedesk.catalog.CodeSystem;

/** Which code system a procedure code of a question belongs to: HCPCS Level II starts with a letter, CPT with a digit. */
final class ValidCodes {

    private ValidCodes() {
    }

    static CodeSystem systemOfProcedure(String key) {
        return Character.isLetter(key.charAt(0)) ? CodeSystem.HCPCS : CodeSystem.CPT;
    }
}
