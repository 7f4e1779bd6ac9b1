package org.codedesk.casecoding.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.codedesk.accounts.Accounts;
import org.codedesk.accounts.Member;
import org.codedesk.casecoding.CaseCoder;
import org.codedesk.casecoding.CaseCoding;
import org.codedesk.casecoding.EncounterSetting;
import org.codedesk.casecoding.SavedCase;
import org.codedesk.casecoding.SavedCases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case-to-code page for members: paste or upload a note, see the suggested codes with their evidence marked in
 * the note, accept or reject each, export the accepted codes (CSV or JSON) or save the case. The note is not
 * stored unless the member saves the case.
 */
@Controller
class CaseToCodeController {

    static final String VIEW = "casecoding/case";
    static final String CASES_VIEW = "casecoding/cases";
    static final String SAVED_VIEW = "casecoding/saved";

    private final CaseCoder coder;
    private final SavedCases savedCases;
    private final Accounts accounts;
    private final JsonMapper json;

    CaseToCodeController(CaseCoder coder, SavedCases savedCases, Accounts accounts, JsonMapper json) {
        this.coder = coder;
        this.json = json;
        this.savedCases = savedCases;
        this.accounts = accounts;
    }

    @GetMapping("/case-to-code")
    String form(Model model) {
        model.addAttribute("form", new CaseForm());
        return VIEW;
    }

    @PostMapping("/case-to-code")
    String code(@ModelAttribute("form") CaseForm form, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                HttpServletRequest request) {
        if (member(request).isEmpty()) {
            model.addAttribute("loginRequired", true);
            return VIEW;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(form.getDateOfService(), errors);
        EncounterSetting setting = setting(form.getSetting(), errors);
        try {
            UploadedNote.read(file).ifPresent(form::setText);
            CaseCoder.requireText(form.getText());
        } catch (IllegalArgumentException e) {
            errors.put("text", e.getMessage());
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return VIEW;
        }
        CaseCoding coding = coder.code(form.getText(), date, setting);
        model.addAttribute("result", coding);
        model.addAttribute("highlighted", HighlightedText.of(form.getText(), coding));
        return VIEW;
    }

    /**
     * A note file over the upload limit: Tomcat stops reading the request, so neither the file nor the typed fields
     * arrived; the page says so next to the note (413, not a bare error page).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        model.addAttribute("form", new CaseForm());
        model.addAttribute("errors", Map.of("text", UploadedNote.TOO_LARGE));
        return VIEW;
    }

    /** The accepted codes (checked boxes, "system|code|title") as a CSV or JSON download; nothing of the note is in it. */
    @PostMapping("/case-to-code/export")
    ResponseEntity<byte[]> export(@RequestParam(name = "accepted", required = false) List<String> accepted,
                                  @RequestParam(name = "format", defaultValue = "csv") String format, HttpServletRequest request) {
        requireMember(request);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String value : accepted == null ? List.<String>of() : accepted) {
            String[] parts = value.split("\\|", 3);
            if (parts.length == 3 && parts[0].matches("icd10cm|icd10pcs") && parts[1].matches("[A-Z0-9.]{3,8}")) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("system", parts[0]);
                row.put("code", parts[1]);
                row.put("title", parts[2]);
                rows.add(row);
            }
        }
        if (format.equals("json")) {
            return download(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("codes", rows)), "accepted-codes.json",
                    MediaType.APPLICATION_JSON);
        }
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter header = new CSVPrinter(csv, CSVFormat.RFC4180)) {
            header.printRecord("system", "code", "title");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // every value quoted, as text
        try (CSVPrinter values = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get())) {
            for (Map<String, String> row : rows) {
                values.printRecord(row.get("system"), row.get("code"), spreadsheetText(row.get("title")));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return download(csv.toString().getBytes(StandardCharsets.UTF_8), "accepted-codes.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @PostMapping("/case-to-code/save")
    String save(@ModelAttribute("form") CaseForm form, @RequestParam(name = "accepted", required = false) List<String> accepted,
                @RequestParam(name = "title", required = false) String title, HttpServletRequest request, Model model) {
        Member member = requireMember(request);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(form.getDateOfService(), errors);
        EncounterSetting setting = setting(form.getSetting(), errors);
        List<String> codes = (accepted == null ? List.<String>of() : accepted).stream().map(v -> v.split("\\|", 3))
                .filter(p -> p.length >= 2).map(p -> p[1]).toList();
        if (errors.isEmpty()) {
            try {
                long id = savedCases.save(member.id(), title, form.getText(), date, setting, codes);
                return "redirect:/case-to-code/cases/" + id;
            } catch (IllegalArgumentException e) {
                errors.put("text", e.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        return VIEW;
    }

    @GetMapping("/case-to-code/cases")
    String cases(HttpServletRequest request, Model model) {
        model.addAttribute("cases", savedCases.list(requireMember(request).id()));
        return CASES_VIEW;
    }

    @GetMapping("/case-to-code/cases/{id}")
    String saved(@PathVariable long id, HttpServletRequest request, Model model) {
        SavedCase saved = savedCases.find(requireMember(request).id(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No saved case " + id + " of yours."));
        model.addAttribute("saved", saved);
        return SAVED_VIEW;
    }

    @PostMapping("/case-to-code/cases/{id}/delete")
    String delete(@PathVariable long id, HttpServletRequest request) {
        if (!savedCases.delete(requireMember(request).id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No saved case " + id + " of yours.");
        }
        return "redirect:/case-to-code/cases";
    }

    private Optional<Member> member(HttpServletRequest request) {
        return accounts.member(request.getUserPrincipal());
    }

    private Member requireMember(HttpServletRequest request) {
        return member(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                "Case to code is for members: log in or register."));
    }

    private static LocalDate date(String value, Map<String, String> errors) {
        try {
            return value == null || value.isBlank() ? LocalDate.now() : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put("dateOfService", "Enter the date of service as YYYY-MM-DD.");
            return LocalDate.now();
        }
    }

    private static EncounterSetting setting(String value, Map<String, String> errors) {
        try {
            return EncounterSetting.parse(value);
        } catch (IllegalArgumentException e) {
            errors.put("setting", e.getMessage());
            return EncounterSetting.OUTPATIENT;
        }
    }

    /** A cell starting with = + - @ would be a formula in a spreadsheet: it is kept as text. */
    private static String spreadsheetText(String value) {
        return value.matches("^[=+\\-@].*") ? "'" + value : value;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
