package org.codedesk.edits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * CodeDesk's own reference files: every line well formed, the NCCI PTP-associated modifiers marked as the NCCI
 * Policy Manual (chapter I) lists them, and a meaning for every indicator value the fee schedule file uses.
 */
class ReferenceFilesTest {

    static List<String[]> rows(String name) throws IOException {
        try (InputStream in = ReferenceFilesTest.class.getResourceAsStream("/edits/" + name)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            int fields = lines.get(0).split("\t", -1).length;
            List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
            assertThat(rows).allSatisfy(r -> assertThat(r).as(String.join("|", r)).hasSize(fields));
            return rows;
        }
    }

    @Test
    void ptpAssociatedModifiersAreMarkedAsNcciListsThem() throws IOException {
        Map<String, String> role = new HashMap<>();
        for (String[] r : rows("modifiers.tsv")) {
            assertThat(role.put(r[0], r[2])).as("duplicate " + r[0]).isNull();
            assertThat(r[1]).isIn("cpt", "hcpcs");
            assertThat(r[2]).isIn("bypass", "anatomic", "global", "repeat", "none");
            assertThat(r[4]).as(r[0]).isNotBlank();
        }
        for (String m : Set.of("59", "XE", "XS", "XP", "XU", "27")) {
            assertThat(role.get(m)).as(m).isEqualTo("bypass");
        }
        for (String m : Set.of("24", "25", "57", "58", "78", "79")) {
            assertThat(role.get(m)).as(m).isEqualTo("global");
        }
        for (String m : Set.of("LT", "RT", "E1", "E4", "FA", "F9", "TA", "T9", "LC", "LD", "LM", "RC", "RI")) {
            assertThat(role.get(m)).as(m).isEqualTo("anatomic");
        }
        assertThat(role.get("91")).isEqualTo("repeat");
        for (String m : Set.of("50", "51", "76", "77", "26", "TC", "GA")) {
            assertThat(role.get(m)).as(m).isEqualTo("none");
        }
    }

    @Test
    void everyIndicatorValueOfTheFeeScheduleHasAMeaning() throws IOException {
        Set<String> keys = new java.util.HashSet<>();
        rows("indicators.tsv").forEach(r -> keys.add(r[0] + "|" + r[1]));
        for (String status : List.of("A", "B", "C", "D", "E", "I", "J", "M", "N", "P", "R", "T", "X")) {
            assertThat(keys).contains("pfs_status|" + status);
        }
        for (String global : List.of("000", "010", "090", "MMM", "XXX", "YYY", "ZZZ")) {
            assertThat(keys).contains("pfs_global|" + global);
        }
        for (String v : List.of("0", "1", "2", "3", "9")) {
            assertThat(keys).contains("pfs_bilateral|" + v);
        }
        assertThat(keys).contains("mue_adjudication|1", "mue_adjudication|2", "mue_adjudication|3", "aoc_edit_type|1", "aoc_edit_type|2",
                "aoc_edit_type|3", "gem_flag|approximate", "gem_flag|no_map", "gem_flag|combination", "pfs_mult_proc|2", "pfs_pctc|1");
    }
}
