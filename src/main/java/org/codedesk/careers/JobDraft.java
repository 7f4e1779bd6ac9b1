package org.codedesk.careers;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an employer writes for a job, as typed; {@link #errors()} says what is wrong, field by field. Lists are
 * comma-separated; credentials must be ones coders hold (CPC, CCS...).
 */
public record JobDraft(String title, String organisation, String location, String workplace, String employmentType, String credentialsRequired,
                       String credentialsPreferred, String specialties, String codeSets, String experienceYears, String salaryMin,
                       String salaryMax, String salaryPeriod, String description, String applyUrl, String expiresOn) {

    public static final Set<String> CREDENTIALS = Set.of("CPC", "COC", "CIC", "CRC", "CPMA", "CPB", "CPPM", "CPCO", "CCS", "CCS-P", "CCA",
            "RHIT", "RHIA", "CDIP", "CCDS", "CCDS-O", "CHDA", "CHPS", "CEMC", "CASCC", "CGSC", "CIRCC", "COBGC");
    public static final Set<String> WORKPLACES = Set.of("ONSITE", "HYBRID", "REMOTE");
    public static final Set<String> EMPLOYMENT_TYPES = Set.of("FULL_TIME", "PART_TIME", "CONTRACT", "TEMPORARY", "PER_DIEM");
    public static final int DEFAULT_DAYS = 60;

    /** The text fields of the form in order, each with the label an employer reads (never the field's name). */
    public static final Map<String, String> FIELD_LABELS = labels(
            "title", "Job title",
            "organisation", "Employer (organisation)",
            "location", "Location (city and state, e.g. Austin, TX; for a remote job, the state or country applicants must live in)",
            "credentialsRequired", "Credentials required (comma-separated, e.g. CPC, CCS)",
            "credentialsPreferred", "Credentials preferred (comma-separated)",
            "specialties", "Specialties (comma-separated, e.g. Cardiology, Radiology)",
            "codeSets", "Code sets used (comma-separated)",
            "experienceYears", "Years of experience required",
            "salaryMin", "Lowest salary in US dollars",
            "salaryMax", "Highest salary in US dollars",
            "applyUrl", "Where to apply (web address; leave empty to receive applications here)",
            "expiresOn", "Open until (YYYY-MM-DD; empty: " + DEFAULT_DAYS + " days)");

    /** Workplaces and employment types in words, for the form's choices. */
    public static final Map<String, String> WORKPLACE_LABELS = labels("REMOTE", "Remote", "HYBRID", "Hybrid", "ONSITE", "On site");
    public static final Map<String, String> EMPLOYMENT_TYPE_LABELS = labels("FULL_TIME", "Full time", "PART_TIME", "Part time",
            "CONTRACT", "Contract", "TEMPORARY", "Temporary", "PER_DIEM", "Per diem");

    private static Map<String, String> labels(String... keysAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            labels.put(keysAndLabels[i], keysAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(labels);
    }

    public static JobDraft empty() {
        return new JobDraft("", "", "", "REMOTE", "FULL_TIME", "", "", "", "ICD-10-CM, CPT", "", "", "", "YEAR", "", "", "");
    }

    public Map<String, String> errors(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "title", title, 150);
        required(errors, "organisation", organisation, 150);
        required(errors, "location", location, 150);
        required(errors, "description", description, 20_000);
        if (!WORKPLACES.contains(upper(workplace))) {
            errors.put("workplace", "Choose on site, hybrid or remote.");
        }
        if (!EMPLOYMENT_TYPES.contains(upper(employmentType))) {
            errors.put("employmentType", "Choose full time, part time, contract, temporary or per diem.");
        }
        for (String field : new String[] {"credentialsRequired", "credentialsPreferred"}) {
            List<String> unknown = list(field.equals("credentialsRequired") ? credentialsRequired : credentialsPreferred).stream()
                    .filter(c -> !CREDENTIALS.contains(c)).toList();
            if (!unknown.isEmpty()) {
                errors.put(field, "Not a coding credential: " + String.join(", ", unknown) + " (known: CPC, COC, CIC, CRC, CPMA, CCS, CCS-P, CCA,"
                        + " RHIT, RHIA, CDIP, CCDS...).");
            }
        }
        Integer experience = number(errors, "experienceYears", experienceYears, 0, 50);
        Integer min = number(errors, "salaryMin", salaryMin, 1, 10_000_000);
        Integer max = number(errors, "salaryMax", salaryMax, 1, 10_000_000);
        if (min != null && max != null && min > max) {
            errors.put("salaryMax", "The highest salary is below the lowest.");
        }
        if ((min != null || max != null) && !Set.of("YEAR", "HOUR").contains(upper(salaryPeriod))) {
            errors.put("salaryPeriod", "Say whether the salary is per year or per hour.");
        }
        if (min != null && "HOUR".equals(upper(salaryPeriod)) && min > 1000) {
            errors.put("salaryMin", "An hourly rate above 1,000 looks like a yearly salary: choose \"per year\".");
        }
        if (applyUrl != null && !applyUrl.isBlank()) {
            try {
                URI uri = URI.create(applyUrl.trim());
                if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
                    errors.put("applyUrl", "An address starting with https:// (or leave it empty to take applications here).");
                }
            } catch (IllegalArgumentException e) {
                errors.put("applyUrl", "An address starting with https:// (or leave it empty to take applications here).");
            }
        }
        if (expiresOn != null && !expiresOn.isBlank()) {
            try {
                LocalDate date = LocalDate.parse(expiresOn.trim());
                if (!date.isAfter(today) || date.isAfter(today.plusDays(180))) {
                    errors.put("expiresOn", "An expiry date after today and within 180 days.");
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.put("expiresOn", "A date as YYYY-MM-DD.");
            }
        }
        if (experience != null && experience < 0) {
            errors.put("experienceYears", "Years of experience cannot be negative.");
        }
        return errors;
    }

    /** The fields by name, for the form. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("title", title);
        map.put("organisation", organisation);
        map.put("location", location);
        map.put("credentialsRequired", credentialsRequired);
        map.put("credentialsPreferred", credentialsPreferred);
        map.put("specialties", specialties);
        map.put("codeSets", codeSets);
        map.put("experienceYears", experienceYears);
        map.put("salaryMin", salaryMin);
        map.put("salaryMax", salaryMax);
        map.put("applyUrl", applyUrl);
        map.put("expiresOn", expiresOn);
        return map;
    }

    public LocalDate expiry(LocalDate today) {
        return expiresOn == null || expiresOn.isBlank() ? today.plusDays(DEFAULT_DAYS) : LocalDate.parse(expiresOn.trim());
    }

    /** "cpc, CCS-P" to [CPC, CCS-P]. */
    public static List<String> list(String value) {
        List<String> result = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String item = part.trim().toUpperCase(Locale.ROOT);
                if (!item.isEmpty() && !result.contains(item)) {
                    result.add(item);
                }
            }
        }
        return result;
    }

    /** Free lists (specialties, code sets) keep their case. */
    public static List<String> freeList(String value) {
        List<String> result = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String item = part.trim();
                if (!item.isEmpty() && item.length() <= 60 && !result.contains(item)) {
                    result.add(item);
                }
            }
        }
        return result;
    }

    static String upper(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }

    static Integer integer(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.trim().replace(",", ""));
    }

    private static void required(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "Required.");
        } else if (value.length() > max) {
            errors.put(field, "At most " + String.format("%,d", max) + " characters.");
        }
    }

    private static Integer number(Map<String, String> errors, String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim().replace(",", ""));
            if (n < min || n > max) {
                errors.put(field, "Between " + min + " and " + String.format("%,d", max) + ".");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, "A whole number.");
            return null;
        }
    }
}
