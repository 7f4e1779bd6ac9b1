package org.codedesk.content;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content module's API: editors' plain-language explanations of codes. Every save is a revision (who, when);
 * publishing points a code at one revision; an administrator can unpublish. Text is the editors' own: the editor
 * page reminds them never to paste CPT descriptors or other licensed text.
 */
@Service
public class Explanations {

    public static final int MAX_LENGTH = 20_000;

    private final JdbcTemplate jdbc;
    private final LicensedDescriptors descriptors;
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    Explanations(JdbcTemplate jdbc, LicensedDescriptors descriptors) {
        this.jdbc = jdbc;
        this.descriptors = descriptors;
    }

    public Optional<Explanation> published(String system, String code) {
        // the author's email is not read: it is a login name, not something to publish
        return jdbc.query("select r.body, p.published_at from content_publication p join content_revision r on r.id = p.revision_id"
                + " where p.code_system = ? and p.code = ?", (rs, i) -> new Explanation(markdown.render(rs.getString(1)), Explanation.EDITORS,
                rs.getTimestamp(2).toInstant()), system, code).stream().findFirst();
    }

    public List<Revision> revisions(String system, String code) {
        Long published = publishedRevision(system, code);
        return jdbc.query("select * from content_revision where code_system = ? and code = ? order by id desc", (rs, i) -> new Revision(
                rs.getLong("id"), rs.getString("body"), rs.getString("author_email"), rs.getTimestamp("created_at").toInstant(),
                published != null && published == rs.getLong("id")), system, code);
    }

    /** Saves the text as a new revision (a draft until published); returns the problem, or null when saved. */
    public String save(String editor, String system, String code, String body) {
        if (body == null || body.isBlank()) {
            return "Write the explanation first.";
        }
        if (body.length() > MAX_LENGTH) {
            return "The explanation is longer than " + MAX_LENGTH + " characters.";
        }
        if (containsLicensedDescriptor(system, code, body)) {
            return "The text contains the licensed CPT descriptor of " + code + ": explanations must be in your own words.";
        }
        jdbc.update("insert into content_revision (code_system, code, body, author_email, created_at) values (?, ?, ?, ?, ?)",
                system, code, body, editor, Timestamp.from(Instant.now()));
        return null;
    }

    @Transactional
    public void publish(String editor, String system, String code, long revisionId) {
        List<Long> owned = jdbc.queryForList("select id from content_revision where id = ? and code_system = ? and code = ?", Long.class,
                revisionId, system, code);
        if (owned.isEmpty()) {
            throw new IllegalArgumentException("No such revision of " + code);
        }
        jdbc.update("delete from content_publication where code_system = ? and code = ?", system, code);
        jdbc.update("insert into content_publication (code_system, code, revision_id, published_by, published_at) values (?, ?, ?, ?, ?)",
                system, code, revisionId, editor, Timestamp.from(Instant.now()));
    }

    public void unpublish(String system, String code) {
        jdbc.update("delete from content_publication where code_system = ? and code = ?", system, code);
    }

    /** Line diff between two revisions of the same code, as " ", "-" and "+" lines. */
    public List<String> diff(long fromId, long toId) {
        String from = jdbc.queryForObject("select body from content_revision where id = ?", String.class, fromId);
        String to = jdbc.queryForObject("select body from content_revision where id = ?", String.class, toId);
        return LineDiff.between(from, to).stream().map(l -> l.change() + " " + l.text()).toList();
    }

    public String preview(String body) {
        return markdown.render(body);
    }

    /** Whether the text holds the AMA descriptor of a CPT code (from the operator's licensed file), whatever the case or spacing. */
    private boolean containsLicensedDescriptor(String system, String code, String body) {
        return descriptors.licensedDescriptor(system, code).filter(d -> d != null && d.length() > 10)
                .map(d -> normalize(body).contains(normalize(d))).orElse(false);
    }

    private static String normalize(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    private Long publishedRevision(String system, String code) {
        return jdbc.queryForList("select revision_id from content_publication where code_system = ? and code = ?", Long.class, system, code)
                .stream().findFirst().orElse(null);
    }
}
