package org.codedesk.claims;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.claims.InvalidClaimException.FieldError;
import org.codedesk.edits.Edits;
import org.codedesk.edits.Locality;
import org.codedesk.edits.Modifiers;

/**
 * Turns a submitted claim into a {@link ValidClaim}, or lists every field that is wrong (all at once, so the
 * user fixes them in one go). A code is unknown when no imported code set release and no edits table has it.
 */
final class ClaimValidator {

    static final int MAX_LINES = Claim.MAX_LINES;
    static final int MAX_MODIFIERS = 4;
    static final int MAX_UNITS = 9999;
    static final int MAX_DIAGNOSES = 12;
    static final String CODE = CodeSystem.PROCEDURE_CODE;

    private final Catalog catalog;
    private final Edits edits;
    private final Modifiers modifiers;

    ClaimValidator(Catalog catalog, Edits edits, Modifiers modifiers, java.time.Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.edits = edits;
        this.modifiers = modifiers;
    }

    Modifiers modifiers() {
        return modifiers;
    }

    private final java.time.Clock clock;

    ValidClaim validate(Claim claim) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = LocalDate.now(clock); // "today" is the application's clock's, as on code pages and in the currency sentences
        if (claim.dateOfService() != null && !claim.dateOfService().isBlank()) {
            try {
                date = LocalDate.parse(claim.dateOfService().trim());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("dateOfService", "\"" + claim.dateOfService() + "\" is not a date: write it as YYYY-MM-DD."));
            }
        }
        ClaimSetting setting = ClaimSetting.PRACTITIONER;
        if (claim.setting() != null && !claim.setting().isBlank()) {
            Optional<ClaimSetting> s = ClaimSetting.ofSlug(claim.setting());
            if (s.isEmpty()) {
                errors.add(new FieldError("setting", "\"" + claim.setting() + "\" is not a setting: use practitioner, outpatient_hospital,"
                        + " inpatient_hospital or dme."));
            } else {
                setting = s.get();
            }
        }
        List<ValidClaim.Line> lines = new ArrayList<>();
        Known known = new Known(claim, date);
        if (claim.lines().isEmpty()) {
            errors.add(new FieldError("lines", "A claim needs at least one line."));
        } else if (claim.lines().size() > MAX_LINES) {
            errors.add(new FieldError("lines", "A claim has at most " + MAX_LINES + " lines; this one has " + claim.lines().size()
                    + ". Split it into several claims."));
        } else {
            for (int i = 0; i < claim.lines().size(); i++) {
                line(i, claim.lines().get(i), known, errors).ifPresent(lines::add);
            }
        }
        List<String> diagnoses = new ArrayList<>();
        if (claim.diagnoses().size() > MAX_DIAGNOSES) {
            errors.add(new FieldError("diagnoses", "At most " + MAX_DIAGNOSES + " diagnosis codes per claim; this one has " + claim.diagnoses().size() + "."));
        } else {
            Set<String> knownDiagnoses = catalog.known(CodeSystem.ICD10CM, claim.diagnoses().stream().map(CodeSystem.ICD10CM::key)
                    .filter(CodeSystem.ICD10CM::isWellFormed).distinct().toList());
            for (int i = 0; i < claim.diagnoses().size(); i++) {
                String key = CodeSystem.ICD10CM.key(claim.diagnoses().get(i));
                if (key.isEmpty()) {
                    continue;
                }
                if (!CodeSystem.ICD10CM.isWellFormed(key)) {
                    errors.add(new FieldError("diagnoses[" + i + "]", "\"" + claim.diagnoses().get(i) + "\" is not an ICD-10-CM code."));
                } else if (!knownDiagnoses.contains(key)) {
                    errors.add(new FieldError("diagnoses[" + i + "]", "Unknown ICD-10-CM code " + CodeSystem.ICD10CM.display(key)
                            + ": no imported release has it."));
                } else {
                    diagnoses.add(key);
                }
            }
        }
        Optional<Locality> locality = Optional.empty();
        if (claim.locality() != null && !claim.locality().isBlank()) {
            locality = edits.locality(date, claim.locality());
            if (locality.isEmpty()) {
                errors.add(new FieldError("locality", "Unknown payment locality \"" + claim.locality() + "\": use MAC-locality as listed"
                        + " on the fee schedule page (for example 01112-05)."));
            }
        }
        Optional<String> placeOfService = Optional.empty();
        if (claim.placeOfService() != null && !claim.placeOfService().isBlank()) {
            String pos = claim.placeOfService().trim();
            List<String> imported = edits.placesOfService().stream().map(org.codedesk.edits.PlaceOfService::code).toList();
            if (!pos.matches("[0-9]{2}")) {
                errors.add(new FieldError("placeOfService", "\"" + pos + "\" is not a place of service code: two digits, e.g. 11 (office)."));
            } else if (!imported.isEmpty() && !imported.contains(pos)) {
                errors.add(new FieldError("placeOfService", "Place of service " + pos + " is not in the imported CMS code set (unassigned or retired)."));
            } else {
                placeOfService = Optional.of(pos);
            }
        }
        if (claim.age() != null && (claim.age() < 0 || claim.age() > 124)) {
            errors.add(new FieldError("age", "Age " + claim.age() + " is not an age in years from 0 to 124."));
        }
        String sex = claim.sex() == null ? "" : claim.sex().trim().toUpperCase(java.util.Locale.ROOT);
        if (!sex.matches("|M|F|U|MALE|FEMALE|UNKNOWN")) {
            errors.add(new FieldError("sex", "\"" + claim.sex() + "\" is not a sex: use M, F or U (unknown)."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidClaimException(errors);
        }
        return new ValidClaim(date, setting, lines, diagnoses, locality, placeOfService, claim.age(),
                sex.startsWith("M") ? "M" : sex.startsWith("F") ? "F" : null);
    }

    /** The codes and modifiers of a claim that are known, looked up once per claim rather than once per line. */
    private final class Known {
        final Set<String> codes = new HashSet<>();
        final Set<String> modifiers;

        Known(Claim claim, LocalDate date) {
            List<String> keys = claim.lines().size() > MAX_LINES ? List.of() : claim.lines().stream()
                    .map(l -> l.code() == null ? "" : l.code().trim().toUpperCase(Locale.ROOT)).filter(c -> c.matches(CODE)).distinct().toList();
            codes.addAll(catalog.known(CodeSystem.HCPCS, keys.stream().filter(ValidClaim::isLevelTwo).toList()));
            codes.addAll(catalog.known(CodeSystem.CPT, keys.stream().filter(c -> !ValidClaim.isLevelTwo(c)).toList()));
            keys.stream().filter(c -> !codes.contains(c) && edits.mentions(c)).forEach(codes::add);
            modifiers = ClaimValidator.this.modifiers.known(date);
        }
    }

    private Optional<ValidClaim.Line> line(int i, ClaimLine line, Known known, List<FieldError> errors) {
        String field = "lines[" + i + "]";
        int before = errors.size();
        String code = line.code() == null ? "" : line.code().trim().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            errors.add(new FieldError(field + ".code", "Line " + (i + 1) + " has no code."));
        } else if (!code.matches(CODE)) {
            errors.add(new FieldError(field + ".code", "\"" + line.code() + "\" is not a CPT or HCPCS Level II code (5 characters: 99213,"
                    + " 0001F, 0006M, J1100)."));
        } else if (!known.codes.contains(code)) {
            errors.add(new FieldError(field + ".code", "Unknown code " + code + ": no imported code set, fee schedule or edit table has it."));
        }
        List<String> mods = new ArrayList<>();
        if (line.modifiers().size() > MAX_MODIFIERS) {
            errors.add(new FieldError(field + ".modifiers", "At most " + MAX_MODIFIERS + " modifiers per line."));
        }
        for (int m = 0; m < line.modifiers().size(); m++) {
            String mod = line.modifiers().get(m) == null ? "" : line.modifiers().get(m).trim().toUpperCase(Locale.ROOT);
            if (mod.isEmpty()) {
                continue;
            }
            if (!mod.matches("[A-Z0-9]{2}") || !known.modifiers.contains(mod)) {
                errors.add(new FieldError(field + ".modifiers[" + m + "]", "\"" + line.modifiers().get(m) + "\" is not a known modifier."));
            } else {
                mods.add(mod);
            }
        }
        Integer units = line.units() == null ? Integer.valueOf(1) : line.units();
        if (units < 1 || units > MAX_UNITS) {
            errors.add(new FieldError(field + ".units", "Units must be a whole number from 1 to " + MAX_UNITS
                    + (units == Integer.MIN_VALUE ? "." : "; got " + units + ".")));
        }
        return errors.size() == before ? Optional.of(new ValidClaim.Line(i + 1, code, List.copyOf(mods), units)) : Optional.empty();
    }
}
