package org.codedesk.catalog.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Writes one assembled release into the catalog tables (the caller holds the transaction). */
@Component
class ReleaseWriter {

    private static final int BATCH = 2000;
    private final JdbcTemplate jdbc;

    ReleaseWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long write(RecognizedFile.ReleaseKey key, String fingerprint, List<RecognizedFile> files, ReleaseContent c) {
        jdbc.update("delete from catalog_release where code_system = ? and version = ?", key.system().slug(), key.version());
        GeneratedKeyHolder holder = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("insert into catalog_release (code_system, version, label, effective_from, contents,"
                    + " fingerprint, imported_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, key.system().slug());
            ps.setString(2, key.version());
            ps.setString(3, key.label());
            ps.setObject(4, key.effectiveFrom());
            ps.setString(5, String.join(",", c.contents));
            ps.setString(6, fingerprint);
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            return ps;
        }, holder);
        long id = holder.getKey().longValue();
        for (RecognizedFile f : files) {
            jdbc.update("insert into catalog_release_file (release_id, file_name, role, sha256, size_bytes, record_count) values (?, ?, ?, ?, ?, ?)",
                    id, f.file().origin(), f.role().name(), f.file().sha256(), f.file().size(), c.recordCounts.getOrDefault(f.role().name(), 0));
        }
        batch("insert into catalog_code (release_id, code, display_code, kind, billable, short_desc, long_desc, parent_code, heading_id,"
                + " sort_order, placeholder) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.codes,
                r -> new Object[] {id, r.code(), r.displayCode(), r.kind(), r.billable(), r.shortDesc(), r.longDesc(), r.parentCode(),
                        r.headingId(), r.sortOrder(), r.placeholder()});
        batch("insert into catalog_heading (release_id, id, kind, title, parent_id, first_code, last_code, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?)",
                c.headings, r -> new Object[] {id, r.id(), r.kind(), r.title(), r.parentId(), r.firstCode(), r.lastCode(), r.sortOrder()});
        batch("insert into catalog_note (release_id, owner, kind, seq, text, lead_in, lead_in_seq, since) values (?, ?, ?, ?, ?, ?, ?, ?)",
                c.notes, r -> new Object[] {id, r.owner(), r.kind(), r.seq(), r.text(), r.leadIn(), r.leadInSeq(), r.since()});
        batch("insert into catalog_seventh_character (release_id, owner, seventh, meaning, since) values (?, ?, ?, ?, ?)", c.sevenths,
                r -> new Object[] {id, r.owner(), r.seventh(), r.meaning(), r.since()});
        batch("insert into catalog_note_gap (release_id, owner, detail) values (?, ?, ?)", c.noteGaps,
                r -> new Object[] {id, r.owner(), r.detail().length() > 2000 ? r.detail().substring(0, 2000) : r.detail()});
        batch("insert into catalog_code_attribute (release_id, code, name, attr_value) values (?, ?, ?, ?)", c.attributes,
                r -> new Object[] {id, r.code(), r.name(), r.value()});
        batch("insert into catalog_index_term (release_id, index_kind, id, parent_id, level, title, nonessential, code, manifestation,"
                + " see, see_also, see_code, use_term, path) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.indexTerms,
                r -> new Object[] {id, r.indexKind(), r.id(), r.parentId(), r.level(), r.title(), r.nonessential(), r.code(),
                        r.manifestation(), r.see(), r.seeAlso(), r.seeCode(), r.useTerm(), r.path()});
        batch("insert into catalog_index_cell (release_id, index_kind, term_id, col, heading, code) values (?, ?, ?, ?, ?, ?)", c.indexCells,
                r -> new Object[] {id, r.indexKind(), r.termId(), r.column(), r.heading(), r.code()});
        batch("insert into catalog_pcs_axis_value (release_id, table_code, row_no, position, axis_title, value_code, value_text, definition)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", c.pcsAxes,
                r -> new Object[] {id, r.tableCode(), r.rowNo(), r.position(), r.axisTitle(), r.valueCode(), r.valueText(), r.definition()});
        batch("insert into catalog_pcs_definition (release_id, section_code, position, axis_title, term, definition, explanation, includes)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", c.pcsDefinitions,
                r -> new Object[] {id, r.sectionCode(), r.position(), r.axisTitle(), r.term(), r.definition(), r.explanation(), r.includes()});
        batch("insert into catalog_code_change (release_id, code, action, billable, long_desc) values (?, ?, ?, ?, ?)", c.changes,
                r -> new Object[] {id, r.code(), r.action(), r.billable(), r.longDesc()});
        batch("insert into catalog_code_conversion (release_id, effective_date, current_code, previous_code, previous_to, previous_text)"
                + " values (?, ?, ?, ?, ?, ?)", c.conversions,
                r -> new Object[] {id, r.effectiveDate(), r.currentCode(), r.previousCode(), r.previousTo(), r.previousText()});
        return id;
    }

    private <T> void batch(String sql, List<T> rows, Function<T, Object[]> values) {
        List<Object[]> args = new ArrayList<>(Math.min(rows.size(), BATCH));
        for (T row : rows) {
            args.add(values.apply(row));
            if (args.size() == BATCH) {
                jdbc.batchUpdate(sql, args);
                args.clear();
            }
        }
        if (!args.isEmpty()) {
            jdbc.batchUpdate(sql, args);
        }
    }

}
