package org.codedesk.careers;

/**
 * A job search: words (title, organisation, description), a credential, remote only, a location, a minimum yearly
 * salary, a specialty, posted within so many days, the order ("newest" or "salary") and the page (from 1; a page past the
 * last shows the last).
 */
public record JobQuery(String words, String credential, boolean remoteOnly, String location, Integer minSalary, String specialty,
                       Integer postedWithinDays, String sort, int page) {

    public static final int PAGE_SIZE = 20;

    /** "Posted within" beyond this many days means any time (and keeps the date computable). */
    static final int MAX_DAYS = 36_500;

    public JobQuery {
        page = Math.max(1, page);
        postedWithinDays = postedWithinDays == null ? null : Math.max(0, Math.min(postedWithinDays, MAX_DAYS));
        sort = "salary".equals(sort) ? "salary" : "newest";
    }
}
