package org.codedesk.edits.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.DateOfService;
import org.codedesk.edits.CodeEdits;
import org.codedesk.edits.Dataset;
import org.codedesk.edits.Edits;
import org.codedesk.edits.EditsRelease;
import org.codedesk.edits.GemMapping;
import org.codedesk.edits.Locality;
import org.codedesk.edits.Modifier;
import org.codedesk.edits.Modifiers;
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

    @GetMapping("/api/v1/edits/{code}")
    @Operation(summary = "NCCI PTP edits (column 1 and column 2, per setting), MUEs per setting, add-on edits and fee schedule of a CPT/HCPCS code",
            description = "Only edits in force on the date of service (today by default). locality=MAC-locality adds the payment there.")
    CodeEdits code(@PathVariable String code, @RequestParam(required = false) String date, @RequestParam(required = false) String locality,
                   HttpServletRequest request) {
        requireMember(request);
        String key = code.trim().toUpperCase(Locale.ROOT);
        if (!key.matches(CodeSystem.PROCEDURE_CODE)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "\"" + code + "\" is not a CPT or HCPCS Level II code.");
        }
        LocalDate day = DateOfService.parse(date);
        Optional<Locality> chosen = Optional.empty();
        if (locality != null && !locality.isBlank()) {
            chosen = edits.locality(day, locality);
            if (chosen.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown payment locality \"" + locality + "\"; see /api/v1/localities.");
            }
        }
        return edits.codeEdits(key, day, chosen);
    }

    @GetMapping("/api/v1/gems/{system}/{code}")
    @Operation(summary = "GEMs of an ICD-10-CM or ICD-10-PCS code, forward (to ICD-9-CM) and backward (ICD-9-CM codes mapping to it)")
    Map<String, List<GemMapping>> gems(@PathVariable String system, @PathVariable String code, @RequestParam(required = false) String date,
                                       HttpServletRequest request) {
        requireMember(request);
        LocalDate day = DateOfService.parse(date);
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
        return edits.localities(DateOfService.parse(date));
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


    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason()));
    }
}
