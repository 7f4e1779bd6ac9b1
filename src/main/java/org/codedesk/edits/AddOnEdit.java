package org.codedesk.edits;

import java.time.LocalDate;

/**
 * An NCCI add-on code edit: an add-on code and a primary code it may be billed with ({@code primaryCode}
 * null when the row names none). Type 1: only with the listed primaries; 2: no primary list, the contractor
 * decides; 3: some primaries listed, the contractor may allow others.
 */
public record AddOnEdit(String addOnCode, String primaryCode, int editType, LocalDate effective, LocalDate deleted,
                        String note, EditsRelease release) {

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(effective) && (deleted == null || !date.isAfter(deleted));
    }
}
