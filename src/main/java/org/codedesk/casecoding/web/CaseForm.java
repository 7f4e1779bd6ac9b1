package org.codedesk.casecoding.web;

import java.time.LocalDate;

/** The case-to-code form: the note (pasted, or uploaded as a .txt), the date of service and the setting. */
class CaseForm {

    private String text = "";
    private String dateOfService = LocalDate.now().toString();
    private String setting = "outpatient";

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? "" : text;
    }

    public String getDateOfService() {
        return dateOfService;
    }

    public void setDateOfService(String dateOfService) {
        this.dateOfService = dateOfService;
    }

    public String getSetting() {
        return setting;
    }

    public void setSetting(String setting) {
        this.setting = setting;
    }
}
