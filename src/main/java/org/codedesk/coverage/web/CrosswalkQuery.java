package org.codedesk.coverage.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.DateOfService;
import org.codedesk.coverage.Coverage;
import org.codedesk.coverage.Crosswalk;
import org.codedesk.coverage.source.CoverageSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * One crosswalk question as the page, the CSV export and the API ask it: a CPT/HCPCS code (the diagnoses that support
 * it) or an ICD-10-CM code (the procedures it supports), on a date, optionally narrowed by a filter (a code prefix or
 * words of the titles).
 */
record CrosswalkQuery(String code, String key, boolean procedure, LocalDate date, String filter) {

    static CrosswalkQuery of(String code, String date, String filter) {
        String key = CoverageSet.key(code);
        if (key.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Give a CPT/HCPCS code (82306) or an ICD-10-CM code (E55.9).");
        }
        boolean procedure = key.matches(CodeSystem.PROCEDURE_CODE);
        if (!procedure && !key.matches("[A-Z][0-9][0-9A-Z]{1,5}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + code.trim() + "' is neither a CPT/HCPCS code (82306, G0103) nor an"
                    + " ICD-10-CM code (E55.9).");
        }
        return new CrosswalkQuery(code.trim(), key, procedure, DateOfService.parse(date), filter == null || filter.isBlank() ? null : filter.trim());
    }

    /** The documents governing the procedure, their diagnosis lists narrowed by the filter. */
    List<Crosswalk.ForProcedure> diagnoses(Coverage coverage) {
        return coverage.diagnosesFor(key, date).stream().map(d -> new Crosswalk.ForProcedure(d.document(), d.procedures(),
                d.groups().stream().map(g -> new Crosswalk.Group(g.paragraph(), g.resolution(), g.codes().stream().filter(this::matches).toList()))
                        .filter(g -> !g.codes().isEmpty() || filter == null).toList(), d.codeCount())).toList();
    }

    List<Crosswalk.ForDiagnosis> procedures(Coverage coverage) {
        return coverage.proceduresFor(key, date);
    }

    private boolean matches(Crosswalk.Diagnosis d) {
        if (filter == null) {
            return true;
        }
        String f = filter.toLowerCase(Locale.ROOT);
        return d.code().replace(".", "").toLowerCase(Locale.ROOT).startsWith(f.replace(".", ""))
                || d.title() != null && d.title().toLowerCase(Locale.ROOT).contains(f);
    }
}
