package org.codedesk.content;

import java.time.Instant;

/**
 * A published plain-language explanation of a code: safe HTML rendered from the editor's Markdown, with the byline
 * shown to readers (never an editor's email: accounts have no display name, so the byline is the editorial team's).
 */
public record Explanation(String html, String byline, Instant publishedAt) {

    /** What readers see as the author: editors sign as a team, their login emails stay private. */
    public static final String EDITORS = "CodeDesk editors";
}
