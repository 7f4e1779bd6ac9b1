package org.codedesk.careers.web;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.codedesk.careers.Job;

/**
 * A job as schema.org JobPosting (JSON-LD), so search engines list it, following Google's JobPosting rules:
 * {@code description} is the safe HTML rendered from the employer's Markdown; a remote job says where applicants may
 * live with {@code applicantLocationRequirements} typed {@code State} or {@code Country} (never a city); an on-site or
 * hybrid job gives its place in {@code jobLocation.address} (city, state, country). The board lists US jobs (pay in
 * USD), so a remote job whose location names no state is open to the whole country.
 */
final class JobPosting {

    private JobPosting() { }

    static Map<String, Object> of(Job job, String url, String descriptionHtml) {
        Map<String, Object> posting = new LinkedHashMap<>();
        posting.put("@context", "https://schema.org/");
        posting.put("@type", "JobPosting");
        posting.put("title", job.title());
        posting.put("description", descriptionHtml);
        posting.put("identifier", Map.of("@type", "PropertyValue", "name", job.organisation(), "value", String.valueOf(job.id())));
        if (job.publishedAt() != null) {
            posting.put("datePosted", job.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        posting.put("validThrough", job.expiresOn() + "T23:59:59Z");
        posting.put("employmentType", job.employmentType());
        posting.put("hiringOrganization", Map.of("@type", "Organization", "name", job.organisation()));
        Place place = Place.of(job.location());
        if (job.workplace().equals("REMOTE")) {
            posting.put("jobLocationType", "TELECOMMUTE");
            posting.put("applicantLocationRequirements", place.state().<Map<String, Object>>map(s -> Map.of("@type", "State", "name", s))
                    .orElse(Map.of("@type", "Country", "name", "US")));
        } else {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            place.city().ifPresent(c -> address.put("addressLocality", c));
            place.stateCode().ifPresent(s -> address.put("addressRegion", s));
            address.put("addressCountry", "US");
            posting.put("jobLocation", Map.of("@type", "Place", "address", address));
        }
        if (job.salaryMin() != null || job.salaryMax() != null) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("@type", "QuantitativeValue");
            if (job.salaryMin() != null) {
                value.put("minValue", job.salaryMin());
            }
            if (job.salaryMax() != null) {
                value.put("maxValue", job.salaryMax());
            }
            value.put("unitText", job.salaryPeriod());
            posting.put("baseSalary", Map.of("@type", "MonetaryAmount", "currency", "USD", "value", value));
        }
        if (!job.credentialsRequired().isEmpty()) {
            posting.put("qualifications", "Required: " + String.join(", ", job.credentialsRequired()));
        }
        posting.put("url", url);
        return posting;
    }

    /** A job's free-text location read as "City, ST", "City, State", "State" or a country: what is recognised, nothing guessed. */
    record Place(Optional<String> city, Optional<String> stateCode) {

        Optional<String> state() {
            return stateCode.map(STATES::get);
        }

        static Place of(String location) {
            String text = location == null ? "" : location.strip();
            String[] parts = text.split("\\s*,\\s*");
            for (int i = parts.length - 1; i >= 0; i--) {
                Optional<String> code = stateCode(parts[i]);
                if (code.isPresent()) {
                    String city = i > 0 ? parts[0] : null;
                    return new Place(Optional.ofNullable(city).filter(c -> !c.isBlank()), code);
                }
            }
            boolean country = COUNTRY.contains(text.toLowerCase(Locale.ROOT).replace(".", ""));
            return new Place(country || text.isBlank() ? Optional.empty() : Optional.of(parts[0]), Optional.empty());
        }

        private static Optional<String> stateCode(String part) {
            String word = part.strip().replaceAll("\\s+\\d{5}(-\\d{4})?$", ""); // "TX 78701"
            if (STATES.containsKey(word.toUpperCase(Locale.ROOT)) && word.length() == 2) {
                return Optional.of(word.toUpperCase(Locale.ROOT));
            }
            return STATES.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(word)).map(Map.Entry::getKey).findFirst();
        }
    }

    private static final java.util.Set<String> COUNTRY = java.util.Set.of("us", "usa", "united states", "united states of america",
            "anywhere in the us", "remote", "nationwide");

    /** US states, DC and Puerto Rico by their USPS code. */
    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("AL", "Alabama"), Map.entry("AK", "Alaska"), Map.entry("AZ", "Arizona"), Map.entry("AR", "Arkansas"),
            Map.entry("CA", "California"), Map.entry("CO", "Colorado"), Map.entry("CT", "Connecticut"), Map.entry("DE", "Delaware"),
            Map.entry("DC", "District of Columbia"), Map.entry("FL", "Florida"), Map.entry("GA", "Georgia"), Map.entry("HI", "Hawaii"),
            Map.entry("ID", "Idaho"), Map.entry("IL", "Illinois"), Map.entry("IN", "Indiana"), Map.entry("IA", "Iowa"),
            Map.entry("KS", "Kansas"), Map.entry("KY", "Kentucky"), Map.entry("LA", "Louisiana"), Map.entry("ME", "Maine"),
            Map.entry("MD", "Maryland"), Map.entry("MA", "Massachusetts"), Map.entry("MI", "Michigan"), Map.entry("MN", "Minnesota"),
            Map.entry("MS", "Mississippi"), Map.entry("MO", "Missouri"), Map.entry("MT", "Montana"), Map.entry("NE", "Nebraska"),
            Map.entry("NV", "Nevada"), Map.entry("NH", "New Hampshire"), Map.entry("NJ", "New Jersey"), Map.entry("NM", "New Mexico"),
            Map.entry("NY", "New York"), Map.entry("NC", "North Carolina"), Map.entry("ND", "North Dakota"), Map.entry("OH", "Ohio"),
            Map.entry("OK", "Oklahoma"), Map.entry("OR", "Oregon"), Map.entry("PA", "Pennsylvania"), Map.entry("RI", "Rhode Island"),
            Map.entry("SC", "South Carolina"), Map.entry("SD", "South Dakota"), Map.entry("TN", "Tennessee"), Map.entry("TX", "Texas"),
            Map.entry("UT", "Utah"), Map.entry("VT", "Vermont"), Map.entry("VA", "Virginia"), Map.entry("WA", "Washington"),
            Map.entry("WV", "West Virginia"), Map.entry("WI", "Wisconsin"), Map.entry("WY", "Wyoming"), Map.entry("PR", "Puerto Rico"));
}
