package org.codedesk.search;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.PublicCptCodes;
import org.codedesk.search.index.CodeIndex;
import org.codedesk.search.index.Fields;
import org.springframework.beans.factory.ObjectProvider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * CPT codes typed as codes ("99214", "9921") when no licensed CPT file holds them: found in the public CMS listing
 * (the Physician Fee Schedule file in force) and shown with the public fact it gives (the PFS status), never with a
 * descriptor, which is the AMA's. A code a licensed CPT file put in the index is left to the index. Thread-safe.
 */
final class PublicCpt {

    /** What a CPT code or its beginning looks like: digits, or four digits and the category letter. */
    private static final Pattern SHAPE = Pattern.compile("\\d{3,5}|\\d{4}[FTUM]");
    static final String NO_DESCRIPTOR = "CPT descriptor not shown (AMA licence)";

    private final ObjectProvider<PublicCptCodes> source;
    /** The listing in force on a day, by code; reread hourly so a new fee schedule file is seen. */
    private final Cache<LocalDate, NavigableMap<String, String>> listings = Caffeine.newBuilder().maximumSize(8)
            .expireAfterWrite(Duration.ofHours(1)).build();

    PublicCpt(ObjectProvider<PublicCptCodes> source) {
        this.source = source;
    }

    /** Adds to {@code ranked} the listed CPT codes equal to or starting with {@code key} (the exact code first), at most {@code n}. */
    void hits(Map<String, Search.Ranked> ranked, CodeIndex index, String key, LocalDate date, int n) {
        if (!SHAPE.matcher(key).matches()) {
            return;
        }
        NavigableMap<String, String> listed = listings.get(date == null ? LocalDate.now() : date, this::load);
        List<Map.Entry<String, String>> found = listed.subMap(key, true, key + Character.MAX_VALUE, false).entrySet().stream()
                .limit(n).toList();
        for (int rank = 0; rank < found.size(); rank++) {
            String code = found.get(rank).getKey();
            if (!index.search(new TermQuery(new Term(Fields.ID, CodeSystem.CPT.slug() + ":" + code)), 1).isEmpty()) {
                continue;
            }
            Document d = document(code, found.get(rank).getValue());
            Search.add(ranked, List.of(new CodeIndex.Hit(-1, 0, d)), code.equals(key) ? 2.0 : 1.0,
                    code.equals(key) ? "exact code" : "code starts with " + key);
        }
    }

    private NavigableMap<String, String> load(LocalDate date) {
        NavigableMap<String, String> codes = new TreeMap<>();
        PublicCptCodes cpt = source.getIfAvailable();
        if (cpt != null) {
            cpt.listed(date).codes().forEach(l -> codes.put(l.code(), l.fact()));
        }
        return codes;
    }

    /** A stand-in search document: the code, and as its title the public fact with the note that the descriptor is licensed. */
    private static Document document(String code, String fact) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, CodeSystem.CPT.slug() + ":" + code, Field.Store.YES));
        d.add(new StringField(Fields.SYSTEM, CodeSystem.CPT.slug(), Field.Store.YES));
        d.add(new StoredField(Fields.CODE, code));
        d.add(new StoredField(Fields.TITLE, NO_DESCRIPTOR + "; " + fact));
        d.add(new StringField(Fields.BILLABLE, "1", Field.Store.YES));
        return d;
    }
}
