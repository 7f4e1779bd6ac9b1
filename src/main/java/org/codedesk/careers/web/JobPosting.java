package org.codedesk.careers.web;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.codedesk.careers.Job;

/** A job as schema.org JobPosting (JSON-LD), so search engines list it. */
final class JobPosting {

    private JobPosting() { }

    static Map<String, Object> of(Job job, String url) {
        Map<String, Object> posting = new LinkedHashMap<>();
        posting.put("@context", "https://schema.org/");
        posting.put("@type", "JobPosting");
        posting.put("title", job.title());
        posting.put("description", job.description());
        posting.put("identifier", Map.of("@type", "PropertyValue", "name", job.organisation(), "value", String.valueOf(job.id())));
        if (job.publishedAt() != null) {
            posting.put("datePosted", job.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        posting.put("validThrough", job.expiresOn() + "T23:59:59Z");
        posting.put("employmentType", job.employmentType());
        posting.put("hiringOrganization", Map.of("@type", "Organization", "name", job.organisation()));
        if (job.workplace().equals("REMOTE")) {
            posting.put("jobLocationType", "TELECOMMUTE");
            posting.put("applicantLocationRequirements", Map.of("@type", "Country", "name", job.location()));
        } else {
            posting.put("jobLocation", Map.of("@type", "Place", "address", Map.of("@type", "PostalAddress", "addressLocality", job.location())));
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
}
