package org.codedesk.claims.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.codedesk.claims.Claim;
import org.codedesk.claims.ClaimLine;

/** The claim checker's HTML form: free-text fields as typed, turned into a {@link Claim}; blank lines are skipped. */
public class ClaimForm {

    static final int ROWS = 12;

    private String dateOfService = "";
    private String setting = "practitioner";
    private String locality = "";
    private String placeOfService = "";
    private String diagnoses = "";
    private String age = "";
    private String sex = "";
    private List<LineForm> lines = new ArrayList<>();

    public ClaimForm() {
        while (lines.size() < ROWS) {
            lines.add(new LineForm());
        }
    }

    /** One row of the form; units as typed so that "-1" or "two" gets a message, not a binding error. */
    public static class LineForm {
        private String code = "";
        private String modifiers = "";
        private String units = "";

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getModifiers() { return modifiers; }
        public void setModifiers(String modifiers) { this.modifiers = modifiers; }
        public String getUnits() { return units; }
        public void setUnits(String units) { this.units = units; }

        boolean blank() {
            return code.isBlank() && modifiers.isBlank() && units.isBlank();
        }
    }

    /** Form row index → claim line index (blank rows are skipped), to put each error next to its row. */
    List<Integer> rowOfLine() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).blank()) {
                rows.add(i);
            }
        }
        return rows;
    }

    Claim toClaim() {
        List<ClaimLine> claimLines = new ArrayList<>();
        for (LineForm line : lines) {
            if (line.blank()) {
                continue;
            }
            List<String> mods = Arrays.stream(line.modifiers.split("[,\\s]+")).filter(m -> !m.isBlank()).toList();
            Integer units;
            try {
                units = line.units.isBlank() ? 1 : Integer.valueOf(line.units.trim());
            } catch (NumberFormatException e) {
                units = Integer.MIN_VALUE; // reported by the validator as "units must be a whole number"
            }
            claimLines.add(new ClaimLine(line.code, mods, units));
        }
        List<String> dx = Arrays.stream(diagnoses.split("[,\\s]+")).filter(d -> !d.isBlank()).toList();
        Integer years;
        try {
            years = age.isBlank() ? null : Integer.valueOf(age.trim());
        } catch (NumberFormatException e) {
            years = -1; // reported by the validator as not an age
        }
        return new Claim(dateOfService, setting, claimLines, dx, locality, placeOfService, years, sex.isBlank() ? null : sex);
    }

    public String getDateOfService() { return dateOfService; }
    public void setDateOfService(String dateOfService) { this.dateOfService = dateOfService == null ? "" : dateOfService; }
    public String getSetting() { return setting; }
    public void setSetting(String setting) { this.setting = setting; }
    public String getLocality() { return locality; }
    public void setLocality(String locality) { this.locality = locality == null ? "" : locality; }
    public String getPlaceOfService() { return placeOfService; }
    public void setPlaceOfService(String placeOfService) { this.placeOfService = placeOfService == null ? "" : placeOfService; }
    public String getDiagnoses() { return diagnoses; }
    public void setDiagnoses(String diagnoses) { this.diagnoses = diagnoses == null ? "" : diagnoses; }
    public String getAge() { return age; }
    public void setAge(String age) { this.age = age == null ? "" : age; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex == null ? "" : sex; }
    public List<LineForm> getLines() { return lines; }
    public void setLines(List<LineForm> lines) { this.lines = lines; }
}
