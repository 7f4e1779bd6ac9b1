package org.codedesk.catalog;

/** A code as listed: children, search results, nearest matches. {@code title} may be null (no official title). */
public record CodeSummary(CodeSystem system, String key, String code, String title, boolean billable) {

    public String url() {
        return "/codes/" + system.slug() + "/" + code;
    }
}
