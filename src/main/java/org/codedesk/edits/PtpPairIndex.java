package org.codedesk.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every PTP edit of one release in compact sorted arrays (about 20 bytes an edit), so that a claim's pairs are
 * found by binary search instead of a query returning each code's hundreds of edits. A code of five
 * characters [0-9A-Z] is a base-36 number below 2^26, a pair of them one long, and base-36 order is the
 * codes' own order. Immutable after construction, like the release rows it is read from; thread-safe.
 */
final class PtpPairIndex {

    private final EditsRelease release;
    private final long[] keys;
    private final int[] effective;
    private final int[] deleted;
    private final byte[] indicator;
    private final boolean[] prior;
    private final int[] rationale;
    private final String[] rationales;

    private PtpPairIndex(EditsRelease release, long[] keys, int[] effective, int[] deleted, byte[] indicator, boolean[] prior,
                         int[] rationale, String[] rationales) {
        this.release = release;
        this.keys = keys;
        this.effective = effective;
        this.deleted = deleted;
        this.indicator = indicator;
        this.prior = prior;
        this.rationale = rationale;
        this.rationales = rationales;
    }

    static PtpPairIndex load(JdbcTemplate jdbc, EditsRelease release) {
        int n = jdbc.queryForObject("select count(*) from edits_ptp where release_id = ?", Integer.class, release.id());
        long[] keys = new long[n];
        int[] effective = new int[n];
        int[] deleted = new int[n];
        byte[] indicator = new byte[n];
        boolean[] prior = new boolean[n];
        int[] rationale = new int[n];
        Map<String, Integer> texts = new HashMap<>();
        int[] i = {0};
        jdbc.query("select column1, column2, prior_1996, effective_date, deletion_date, modifier_indicator, rationale from edits_ptp"
                + " where release_id = ?", rs -> {
            int at = i[0]++;
            keys[at] = key(rs.getString(1), rs.getString(2));
            prior[at] = rs.getBoolean(3);
            effective[at] = (int) rs.getObject(4, LocalDate.class).toEpochDay();
            LocalDate del = rs.getObject(5, LocalDate.class);
            deleted[at] = del == null ? Integer.MAX_VALUE : (int) del.toEpochDay();
            indicator[at] = (byte) rs.getInt(6);
            rationale[at] = texts.computeIfAbsent(rs.getString(7), t -> texts.size());
        }, release.id());
        String[] rationales = new String[texts.size()];
        texts.forEach((text, id) -> rationales[id] = text);
        // sort the row numbers by key, then lay every array out in that order
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        return new PtpPairIndex(release, permute(keys, order), permute(effective, order), permute(deleted, order),
                permute(indicator, order), permute(prior, order), permute(rationale, order), rationales);
    }

    /** The edits of the pair with {@code column1} in column 1 and {@code column2} in column 2 (any dates). */
    List<PtpEdit> edits(String column1, String column2) {
        long key = key(column1, column2);
        int at = Arrays.binarySearch(keys, key);
        if (at < 0) {
            return List.of();
        }
        while (at > 0 && keys[at - 1] == key) {
            at--;
        }
        List<PtpEdit> found = new ArrayList<>(1);
        for (; at < keys.length && keys[at] == key; at++) {
            found.add(new PtpEdit(column1, column2, prior[at], LocalDate.ofEpochDay(effective[at]),
                    deleted[at] == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(deleted[at]),
                    ModifierIndicator.of(indicator[at]), rationales[rationale[at]], release));
        }
        return found;
    }

    static long key(String column1, String column2) {
        return ((long) base36(column1) << 32) | base36(column2);
    }

    private static int base36(String code) {
        int value = 0;
        for (int k = 0; k < code.length(); k++) {
            value = value * 36 + Character.digit(code.charAt(k), 36);
        }
        return value;
    }

    private static long[] permute(long[] a, Integer[] order) {
        long[] out = new long[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[order[k]];
        }
        return out;
    }

    private static int[] permute(int[] a, Integer[] order) {
        int[] out = new int[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[order[k]];
        }
        return out;
    }

    private static byte[] permute(byte[] a, Integer[] order) {
        byte[] out = new byte[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[order[k]];
        }
        return out;
    }

    private static boolean[] permute(boolean[] a, Integer[] order) {
        boolean[] out = new boolean[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[order[k]];
        }
        return out;
    }
}
