package org.codedesk.casecoding;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where the patient was seen, which decides what an uncertain diagnosis ("probable", "suspected") is worth:
 * in an outpatient setting it is not coded, the symptoms are (Guidelines, section IV.H); for an inpatient stay
 * it is coded as if established when still uncertain at discharge (section II.H).
 */
public enum EncounterSetting {
    OUTPATIENT, INPATIENT;

    @JsonValue
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "inpatient", "outpatient" (any case); blank gives outpatient; anything else is refused. */
    public static EncounterSetting parse(String value) {
        if (value == null || value.isBlank()) {
            return OUTPATIENT;
        }
        for (EncounterSetting s : values()) {
            if (s.slug().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("setting must be \"outpatient\" or \"inpatient\", not \"" + value + "\"");
    }
}
