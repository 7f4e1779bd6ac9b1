package org.codedesk.edits;

/**
 * A modifier as CodeDesk explains it: for HCPCS Level II modifiers the public descriptor from the release in
 * force; for CPT modifiers the number only (the descriptor is AMA text) with CodeDesk's own explanation.
 *
 * @param ptpRole how NCCI treats it: bypass (59, X{EPSU}, 27), anatomic, global (24, 25, 57, 58, 78, 79),
 *                repeat (91) or none; any but none may bypass a PTP edit whose modifier indicator is 1
 */
public record Modifier(String code, String system, String ptpRole, String label, String explanation, String descriptor,
                       String descriptorSource) {

    public boolean ptpAssociated() {
        return !"none".equals(ptpRole);
    }

    public String ptpRoleWords() {
        return switch (ptpRole) {
            case "bypass" -> "NCCI PTP-associated modifier: may bypass a PTP edit with modifier indicator 1 when the services were distinct";
            case "anatomic" -> "Anatomic modifier: may bypass a PTP edit with modifier indicator 1 when the procedures were on different sites";
            case "global" -> "Global surgery modifier: NCCI lets it bypass certain PTP edits (E/M with procedures, staged or related procedures)";
            case "repeat" -> "Repeat test modifier: may bypass a PTP or MUE edit for a repeated laboratory test on the same day";
            default -> "Not a PTP-associated modifier: it never bypasses an NCCI PTP edit";
        };
    }
}
