package org.codedesk.edits.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.codedesk.edits.AddOnEdit;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.Edits;
import org.codedesk.edits.EditsRelease;
import org.codedesk.edits.FeeSchedule;
import org.codedesk.edits.GemMapping;
import org.codedesk.edits.Locality;
import org.codedesk.edits.Modifier;
import org.codedesk.edits.Modifiers;
import org.codedesk.edits.MueLimit;
import org.codedesk.edits.PtpEdit;
import org.codedesk.edits.Setting;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * JSON API of the edits module: every PTP edit, MUE, add-on edit and fee schedule row of a code on a date,
 * GEMs, localities, modifiers and the releases imported. Edits and GEMs are member content: a guest gets 401.
 */
@RestController
@Tag(name = "Edits", description = "NCCI PTP and add-on edits, MUE, Physician Fee Schedule, GEMs, modifiers")
class EditsApiController {

    private final Edits edits;
    private final Modifiers modifiers;

    EditsApiController(Edits edits, Modifiers modifiers) {
        this.edits = edits;
        this.modifiers = modifiers;
    }

    record PtpTable(String setting, EditsRelease release, List<PtpEdit> asColumn1, List<PtpEdit> asColumn2, String missing) { }

    record MueEntry(String setting, EditsRelease release, MueLimit limit, String missing) { }

    record CodeEdits(String code, LocalDate dateOfService, List<PtpTable> ptp, List<MueEntry> mue, List<AddOnEdit> addOn,
                     String addOnMissing, List<FeeSchedule> feeSchedule, String feeScheduleMissing) { }

    @GetMapping("/api/v1/edits/{code}")
    @Operation(summary = "NCCI PTP edits (column 1 and column 2, per setting), MUEs per setting, add-on edits and fee schedule of a CPT/HCPCS code",
            description = "Only edits in force on the date of service (today by default). locality=MAC-locality adds the payment there.")
    CodeEdits code(@PathVariable String code, @RequestParam(required = false) String date, @RequestParam(required = false) String locality,
                   HttpServletRequest request) {
        requireMember(request);
        String key = code.trim().toUpperCase(Locale.ROOT);
        if (!key.matches("[0-9]{4}[0-9FTU]|[A-Z][0-9]{4}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "\"" + code + "\" is not a CPT or HCPCS Level II code.");
        }
        LocalDate day = date(date);
        List<PtpTable> ptp = new ArrayList<>();
        List<MueEntry> mue = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            setting.ptp().ifPresent(dataset -> {
                Optional<EditsRelease> r = edits.inForce(dataset, day);
                ptp.add(r.map(release -> new PtpTable(setting.slug(), release, edits.ptp(release, key, true, day), edits.ptp(release, key, false, day), null))
                        .orElseGet(() -> new PtpTable(setting.slug(), null, List.of(), List.of(), "no " + dataset.title() + " in force on " + day)));
            });
            Optional<EditsRelease> r = edits.inForce(setting.mue(), day);
            mue.add(r.map(release -> new MueEntry(setting.slug(), release, edits.mue(release, setting, key).orElse(null), null))
                    .orElseGet(() -> new MueEntry(setting.slug(), null, null, "no " + setting.mue().title() + " in force on " + day)));
        }
        Optional<EditsRelease> aoc = edits.inForce(Dataset.ADD_ON, day);
        List<AddOnEdit> addOn = aoc.map(r -> edits.addOns(r, List.of(key)).getOrDefault(key, List.of()).stream().filter(e -> e.activeOn(day)).toList())
                .orElse(List.of());
        Optional<EditsRelease> rvu = edits.inForce(Dataset.PFS_RVU, day);
        Optional<Locality> chosen = Optional.empty();
        if (locality != null && !locality.isBlank()) {
            chosen = edits.locality(day, locality);
            if (chosen.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown payment locality \"" + locality + "\"; see /api/v1/localities.");
            }
        }
        Optional<Locality> l = chosen;
        List<FeeSchedule> fees = rvu.map(r -> edits.fees(r, List.of(key), l).getOrDefault(key, List.of())).orElse(List.of());
        return new CodeEdits(key, day, ptp, mue, addOn, aoc.isEmpty() ? "no add-on code edits in force on " + day : null, fees,
                rvu.isEmpty() ? "no Physician Fee Schedule RVU file in force on " + day : null);
    }

    @GetMapping("/api/v1/gems/{system}/{code}")
    @Operation(summary = "GEMs of an ICD-10-CM or ICD-10-PCS code, forward (to ICD-9-CM) and backward (ICD-9-CM codes mapping to it)")
    Map<String, List<GemMapping>> gems(@PathVariable String system, @PathVariable String code, @RequestParam(required = false) String date,
                                       HttpServletRequest request) {
        requireMember(request);
        LocalDate day = date(date);
        String key = code.trim().replace(".", "").toUpperCase(Locale.ROOT);
        Map<String, List<GemMapping>> result = new LinkedHashMap<>();
        switch (system.toLowerCase(Locale.ROOT)) {
            case "icd10cm" -> {
                result.put("forward", edits.gems(Dataset.GEM_I10_I9, key, true, day));
                result.put("backward", edits.gems(Dataset.GEM_I9_I10, key, false, day));
            }
            case "icd10pcs" -> {
                result.put("forward", edits.gems(Dataset.GEM_PCS_I9, key, true, day));
                result.put("backward", edits.gems(Dataset.GEM_I9_PCS, key, false, day));
            }
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "GEMs exist for icd10cm and icd10pcs codes, not " + system + ".");
        }
        return result;
    }

    @GetMapping("/api/v1/localities")
    @Operation(summary = "Medicare payment localities with their GPCIs (GPCI release in force on the date)")
    List<Locality> localities(@RequestParam(required = false) String date) {
        return edits.localities(date(date));
    }

    @GetMapping("/api/v1/modifiers")
    @Operation(summary = "Every modifier: HCPCS Level II descriptors and CodeDesk's explanation of how NCCI treats each")
    List<Modifier> modifiers() {
        return modifiers.all(LocalDate.now());
    }

    @GetMapping("/api/v1/modifiers/{code}")
    @Operation(summary = "One modifier")
    Modifier modifier(@PathVariable String code) {
        return modifiers.find(code, LocalDate.now())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no modifier " + code + "."));
    }

    @GetMapping("/api/v1/edits-releases")
    @Operation(summary = "Every imported edits release (table and quarter) with its effective date and row count")
    List<EditsRelease> releases() {
        return edits.releases();
    }

    static void requireMember(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                    "NCCI edits, MUE, fee schedule and GEMs are for members: log in, or send an API token (Authorization: Bearer cdk_…).");
        }
    }

    static LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "\"" + date + "\" is not a date: write it as YYYY-MM-DD.");
        }
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason()));
    }
}
