package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.codedesk.catalog.source.OrderFileEntry;
import org.codedesk.catalog.source.OrderFileParser;
import org.codedesk.catalog.source.icd10cm.TabularAddendaEntry.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds every year's tabular from the FY2017 XML and the CDC tabular addenda of FY2018 to FY2026 (with the
 * January 2021 and April 2022 updates), and compares each year's codes and titles with that year's official order
 * file, where the truth is known. Runs when {@code CODEDESK_DATA_DIR} points at the data directory (the one holding
 * {@code icd10cm/}, or that folder itself); skipped otherwise, since the files are not in the repository.
 *
 * <p>The rebuilt codes are the tabular's {@code diag} names plus, on every code without children below a 7th-character
 * definition, the code padded with X and each 7th character (title: "title, meaning"), which is how the order file
 * lists them; the FY2018 note "7th characters D and S do not apply to codes in category S06 with 6th character 7 ...
 * or 8" is honoured. Titles are compared without accents (the order file is ASCII). Differences a mid-year update
 * explains are counted apart: codes of the order file that took effect after the rebuilt release (the conversion
 * table's effective date), codes of a mid-year update for which the data has no tabular addenda (April 2023), and
 * titles revised by a later mid-year addenda of the same year or by the April 2023 order addenda.
 */
class TabularAddendaRealDataTest {

    /** One addenda of the chain: the release it makes, its file, the order file to compare with, its date. */
    private record Step(String release, String archive, String member, String orderYear, LocalDate effective) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("FY2018", "addenda/2018/2018-ICD-10-Addendum.zip", "icd10cm_tabular addenda_2018.pdf", "2018", LocalDate.of(2017, 10, 1)),
            new Step("FY2019", "addenda/2019/icd10cm_tabular_addenda_2019.pdf", null, "2019", LocalDate.of(2018, 10, 1)),
            new Step("FY2020", "addenda/2020/icd10cm_tabular_addenda_2020.pdf", null, "2020", LocalDate.of(2019, 10, 1)),
            new Step("FY2021", "addenda/2021/icd10cm_tabular_addenda_2021.pdf", null, "2021", LocalDate.of(2020, 10, 1)),
            new Step("FY2021-01", "addenda/2021-jan/icd10cm-addenda-files-Jan-2021.zip", "icd10cm-tabular-addenda-Jan-2021.pdf", "2021", LocalDate.of(2021, 1, 1)),
            new Step("FY2022", "addenda/2022/icd10cm-addendum-2022.zip", "icd10cm-tabular-addenda2022-updated-6-30-2021.pdf", "2022", LocalDate.of(2021, 10, 1)),
            new Step("FY2022-04", "addenda/2022-april/icd10cm-tabular-addenda-2022-April-1.pdf", null, "2022", LocalDate.of(2022, 4, 1)),
            new Step("FY2023", "addenda/2023/icd10cm-addendum-2023.zip", "icd10cm-tabular-addenda-2023.pdf", "2023", LocalDate.of(2022, 10, 1)),
            new Step("FY2024", "addenda/2024/icd10cm-addendum-2024.zip", "icd10cm-tabular-addenda-2024.pdf", "2024", LocalDate.of(2023, 10, 1)),
            new Step("FY2025", "addenda/2025/ICD10cm-addendum-2025.zip", "icd-10-cm-tabular-addenda-2025.pdf", "2025", LocalDate.of(2024, 10, 1)),
            new Step("FY2026", "2026/extracted/icd10cm-tabular-addenda-2026.pdf", null, "2026", LocalDate.of(2025, 10, 1)));

    /** The rebuilt chain, computed once for all tests of the class. */
    private static Map<String, Rebuilt> chain;
    private static Tabular fy2017;
    private static long chainMillis;

    private record Rebuilt(Step step, List<TabularAddendaEntry> entries, TabularAddendaReport report, Tabular tabular) {
    }

    private Path icd10cm;

    @BeforeEach
    void locateData() throws IOException {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null && !dir.isBlank(), "CODEDESK_DATA_DIR not set: official ICD-10-CM files unavailable");
        Path root = Path.of(dir);
        icd10cm = Files.isDirectory(root.resolve("icd10cm")) ? root.resolve("icd10cm") : root;
        if (chain == null) {
            rebuild();
        }
    }

    private void rebuild() throws IOException {
        try (InputStream in = Files.newInputStream(icd10cm.resolve("2017/extracted/icd10cm_tabular_2017.xml"))) {
            fy2017 = new TabularParser().parse("icd10cm_tabular_2017.xml", in);
        }
        Map<String, Rebuilt> result = new LinkedHashMap<>();
        Tabular tabular = fy2017;
        long start = System.nanoTime();
        for (Step step : STEPS) {
            byte[] pdf = read(icd10cm.resolve(step.archive()), step.member());
            String name = step.member() != null ? step.member() : Path.of(step.archive()).getFileName().toString();
            List<TabularAddendaEntry> entries = new TabularAddendaParser().parse(name, new ByteArrayInputStream(pdf));
            TabularAddendaApplier.Result applied = new TabularAddendaApplier().apply(tabular, entries, step.release());
            tabular = applied.tabular();
            result.put(step.release(), new Rebuilt(step, entries, applied.report(), tabular));
        }
        chainMillis = (System.nanoTime() - start) / 1_000_000;
        chain = result;
    }

    @Test
    void everyYearsCodesAndTitlesAgreeWithItsOrderFile() throws IOException {
        Map<String, LocalDate> effective = effectiveDates();
        Map<String, String> april2023Titles = april2023Revisions();
        System.out.printf("%nTabular rebuilt from the FY2017 XML and %d addenda in %d ms (PDF parsing included)%n", STEPS.size(), chainMillis);
        System.out.printf("%-9s %7s %7s %7s %7s %8s %6s %6s %6s %6s %8s %5s %5s  %s%n", "release", "entries", "applied", "changes", "skipped",
                "codes", "order", "midyr", "built", "note", "titles%", "diff", "midyr", "skipped by cause");
        for (Rebuilt r : chain.values()) {
            Comparison c = compare(r, effective, april2023Titles);
            long changes = r.report().applied().stream().filter(e -> e.action() != TabularAddendaEntry.Action.NO_CHANGE).count();
            System.out.printf("%-9s %7d %7d %7d %7d %8d %6d %6d %6d %6d %8.3f %5d %5d  %s%n", r.step().release(), r.entries().size(),
                    r.report().applied().size(), changes, r.report().skipped().size(), c.both, c.onlyOrder.size(), c.midYearCodes.size(),
                    c.onlyRebuilt.size(), c.excludedByNote, c.titleAgreement(), c.titleDifferences.size(), c.midYearTitles.size(),
                    r.report().skippedByCause());
            c.onlyOrder.forEach(code -> System.out.println("    only in the order file: " + code));
            c.onlyRebuilt.forEach(code -> System.out.println("    only in the rebuilt tabular: " + code));
            if (!c.midYearCodes.isEmpty()) {
                System.out.println("    mid-year codes (no addenda before this release): " + c.midYearCodes);
            }
            c.midYearTitles.forEach(t -> System.out.println("    mid-year title: " + t));
            c.titleDifferences.forEach(t -> System.out.println("    title differs: " + t));
            r.report().skipped().forEach(s -> System.out.println("    skipped " + s.cause() + " " + s.describe()));

            // Every code of every year is rebuilt, apart from the mid-year ones the data has no addenda for.
            assertThat(c.onlyOrder).as(r.step().release() + " codes only in the order file").isEmpty();
            assertThat(c.onlyRebuilt).as(r.step().release() + " codes only in the rebuilt tabular").isEmpty();
            // Residue: "[BMI]30.0" (FY2021 addenda, no space) on Z68.30 and Z68.41; the rest is explained above.
            assertThat(c.titleDifferences).as(r.step().release() + " titles").hasSizeLessThanOrEqualTo(2);
            assertThat(c.titleAgreement()).as(r.step().release() + " title agreement").isGreaterThanOrEqualTo(99.99);
            assertThat(r.report().skipped().size()).as(r.step().release() + " skipped")
                    .isLessThanOrEqualTo(r.entries().size() / 100);
        }
        assertThat(chainMillis).as("parsing and applying all addenda").isLessThan(30_000);
    }

    @Test
    void knownChangesAreThere() {
        for (String release : chain.keySet()) {
            Tabular t = chain.get(release).tabular();
            assertThat(texts(t, "I21.9", NoteKind.INCLUSION_TERM)).as(release).contains("Myocardial infarction (acute) NOS");
            assertThat(texts(t, "I21.3", NoteKind.INCLUSION_TERM)).as(release).doesNotContain("Myocardial infarction (acute) NOS");
        }
        assertThat(texts(fy2017, "I21.3", NoteKind.INCLUSION_TERM)).contains("Myocardial infarction (acute) NOS");

        Tabular fy2026 = chain.get("FY2026").tabular();
        assertThat(texts(fy2026, "D12.6", NoteKind.EXCLUDES2)).contains("inflammatory polyp of colon (K51.4-)");
        assertThat(texts(fy2026, "D12.6", NoteKind.EXCLUDES1)).doesNotContain("inflammatory polyp of colon (K51.4-)");
        assertThat(texts(chain.get("FY2025").tabular(), "D12.6", NoteKind.EXCLUDES1)).contains("inflammatory polyp of colon (K51.4-)");
        InstructionalNote moved = fy2026.notes().stream()
                .filter(n -> n.owner().equals("D12.6") && n.text().equals("inflammatory polyp of colon (K51.4-)")).findFirst().orElseThrow();
        assertThat(moved.since()).isEqualTo("FY2026");

        assertThat(node(chain.get("FY2023").tabular(), "J44.81")).isNull();
        for (String release : List.of("FY2024", "FY2025", "FY2026")) {
            TabularNode j4481 = node(chain.get(release).tabular(), "J44.81");
            assertThat(j4481).as(release).isNotNull();
            assertThat(j4481.since()).isEqualTo("FY2024");
            assertThat(j4481.parent()).isEqualTo("J44.8");
        }
        assertThat(node(chain.get("FY2020").tabular(), "U07.1")).isNull();
        TabularNode u071 = node(chain.get("FY2021").tabular(), "U07.1");
        assertThat(u071.description()).isEqualTo("COVID-19");
        assertThat(node(chain.get("FY2021").tabular(), "22").description()).isEqualTo("Codes for special purposes (U00-U85)");

        TabularNode i10 = chain.get("FY2024").tabular().nodes().stream()
                .filter(n -> n.kind() == TabularNode.Kind.SECTION && n.code().startsWith("I10-")).findFirst().orElseThrow();
        assertThat(i10.code()).isEqualTo("I10-I1A");
        assertThat(node(chain.get("FY2024").tabular(), "I1A").parent()).isEqualTo("I10-I1A");
        // Unchanged since the XML: the FY2017 label stays.
        assertThat(node(fy2026, "A00").since()).isEqualTo("FY2017");
        assertThat(fy2026.seventhCharacters()).contains(new SeventhCharacter("T07", "A", "initial encounter", "FY2018"));
    }

    @Test
    void newCodesSitInBookOrder() throws IOException {
        // Siblings in the rebuilt FY2026 tabular come in the order of the FY2026 order file.
        Map<String, Integer> order = new HashMap<>();
        orderFile("2026").forEach(e -> order.put(e.code(), e.order()));
        Tabular t = chain.get("FY2026").tabular();
        int misplaced = 0;
        int checked = 0;
        Map<String, String> previousChild = new HashMap<>();
        for (TabularNode n : t.nodes()) {
            if (n.kind() != TabularNode.Kind.DIAG) {
                continue;
            }
            String before = previousChild.put(n.parent(), n.code());
            Integer mine = order.get(n.code().replace(".", ""));
            Integer theirs = before == null ? null : order.get(before.replace(".", ""));
            if (mine != null && theirs != null) {
                checked++;
                if (theirs > mine) {
                    misplaced++;
                    System.out.println("    out of book order: " + before + " before " + n.code());
                }
            }
        }
        System.out.printf("FY2026 siblings checked %d, out of book order %d%n", checked, misplaced);
        assertThat(misplaced).isLessThanOrEqualTo(6);
    }

    @Test
    void leadInsKeepTheirItems() {
        List<InstructionalNote> codeFirst = notes(fy2017, "T36-T50", NoteKind.CODE_FIRST);
        assertThat(codeFirst.get(0).text()).isEqualTo(", for adverse effects, the nature of the adverse effect, such as:");
        assertThat(codeFirst.get(0).leadIn()).isTrue();
        assertThat(codeFirst.subList(1, codeFirst.size())).allSatisfy(n -> assertThat(n.leadInSequence()).isEqualTo(1));

        // An Excludes2 list: the lead-in's items end where the alphabetical order starts again.
        List<InstructionalNote> f41 = notes(fy2017, "F41", NoteKind.EXCLUDES2);
        assertThat(f41).extracting(InstructionalNote::text, InstructionalNote::leadIn, InstructionalNote::leadInSequence).startsWith(
                tuple("anxiety in:", true, 0),
                tuple("acute stress reaction (F43.0)", false, 1),
                tuple("transient adjustment reaction (F43.2)", false, 1),
                tuple("neurasthenia (F48.8)", false, 0));

        // FY2018 made B81's Excludes1 a lead-in ("angiostrongyliasis due to:") with two items.
        List<InstructionalNote> b81 = notes(chain.get("FY2018").tabular(), "B81", NoteKind.EXCLUDES1);
        InstructionalNote leadIn = b81.stream().filter(n -> n.text().equals("angiostrongyliasis due to:")).findFirst().orElseThrow();
        assertThat(leadIn.leadIn()).isTrue();
        assertThat(leadIn.since()).isEqualTo("FY2018");
        assertThat(b81.stream().filter(n -> n.leadInSequence() == leadIn.sequence()).map(InstructionalNote::text))
                .containsExactly("Angiostrongylus cantonensis (B83.2)", "Parastrongylus cantonensis (B83.2)");

        // How many lead-ins the rule finds, for the record.
        long leadIns = fy2017.notes().stream().filter(InstructionalNote::leadIn).count();
        long items = fy2017.notes().stream().filter(InstructionalNote::isItem).count();
        System.out.printf("FY2017 XML: %d notes, %d lead-ins, %d items%n", fy2017.notes().size(), leadIns, items);
        assertThat(leadIns).isEqualTo(345);
    }

    @Test
    void entriesCarryTheirPlaceInTheBook() {
        List<TabularAddendaEntry> fy2026 = chain.get("FY2026").entries();
        TabularAddendaEntry added = fy2026.stream()
                .filter(e -> e.subject() == Subject.NOTE_HEADER && e.context().code() != null && e.context().code().equals("D12.6")
                        && e.noteKind() == NoteKind.EXCLUDES2).findFirst().orElseThrow();
        assertThat(added.action()).isEqualTo(TabularAddendaEntry.Action.ADD);
        assertThat(added.text()).isEqualTo("inflammatory polyp of colon (K51.4-)");
        assertThat(added.context().section()).isEqualTo("D10-D36");
        assertThat(added.context().chapter()).isEqualTo("2");
        assertThat(added.location().page()).isEqualTo(2);
        assertThat(fy2026.stream().filter(e -> e.subject() == Subject.UNKNOWN)).isEmpty();
        for (Rebuilt r : chain.values()) {
            assertThat(r.entries().stream().filter(e -> e.subject() == Subject.UNKNOWN)).as(r.step().release()).isEmpty();
        }
    }

    // --- comparison -------------------------------------------------------------------------------------------

    private static final class Comparison {
        int both;
        int titlesAgreeing;
        int excludedByNote;
        final Set<String> onlyOrder = new TreeSet<>();
        final Set<String> onlyRebuilt = new TreeSet<>();
        final Set<String> midYearCodes = new TreeSet<>();
        final List<String> midYearTitles = new ArrayList<>();
        final List<String> titleDifferences = new ArrayList<>();

        double titleAgreement() {
            return 100.0 * (titlesAgreeing + midYearTitles.size()) / both;
        }
    }

    private Comparison compare(Rebuilt r, Map<String, LocalDate> effective, Map<String, String> april2023Titles) throws IOException {
        Comparison c = new Comparison();
        List<OrderFileEntry> order = orderFile(r.step().orderYear());
        Map<String, String> rebuilt = expand(r.tabular(), c);
        Set<LocalDate> covered = chain.values().stream().map(x -> x.step().effective()).collect(Collectors.toSet());
        Set<String> addedByAnAddenda = chain.values().stream().flatMap(x -> x.entries().stream())
                .filter(e -> e.subject() == Subject.CODE && e.action() == TabularAddendaEntry.Action.ADD)
                .map(e -> e.code().replace(".", "")).collect(Collectors.toSet());
        Set<String> midYear = new TreeSet<>();
        for (OrderFileEntry e : order) {
            LocalDate date = effective.get(e.code());
            boolean later = date != null && date.isAfter(r.step().effective());
            boolean withoutAddenda = date != null && date.getMonthValue() != 10 && !covered.contains(date)
                    && !addedByAnAddenda.contains(e.code().substring(0, Math.min(e.code().length(), 7)))
                    && !addedByAnAddenda.contains(e.code().length() == 7 ? e.code().substring(0, 6).replaceAll("X+$", "") : "");
            if (later || withoutAddenda) {
                midYear.add(e.code());
            }
        }
        // A header is mid-year when every billable code below it is.
        Map<String, boolean[]> below = new HashMap<>();
        for (OrderFileEntry e : order) {
            if (e.billable()) {
                for (int length = 3; length < e.code().length(); length++) {
                    boolean[] flags = below.computeIfAbsent(e.code().substring(0, length), k -> new boolean[] {true});
                    flags[0] &= midYear.contains(e.code());
                }
            }
        }
        for (OrderFileEntry e : order) {
            boolean[] flags = below.get(e.code());
            if (!e.billable() && flags != null && flags[0]) {
                midYear.add(e.code());
            }
        }
        Map<String, String> laterMidYearTitles = laterMidYearTitles(r, april2023Titles);
        for (OrderFileEntry e : order) {
            String mine = rebuilt.remove(e.code());
            if (mine == null) {
                (midYear.contains(e.code()) ? c.midYearCodes : c.onlyOrder).add(e.code());
                continue;
            }
            c.both++;
            if (fold(mine).equals(fold(e.longDescription()))) {
                c.titlesAgreeing++;
            } else if (laterMidYearTitles.containsKey(e.code()) && fold(laterMidYearTitles.get(e.code())).equals(fold(e.longDescription()))) {
                c.midYearTitles.add(e.code() + ": \"" + mine + "\" until \"" + e.longDescription() + "\"");
            } else {
                c.titleDifferences.add(e.code() + ": rebuilt \"" + mine + "\", order file \"" + e.longDescription() + "\"");
            }
        }
        c.onlyRebuilt.addAll(rebuilt.keySet());
        return c;
    }

    /** Titles a mid-year update revised after this release: a later addenda of the same year, or April 2023. */
    private Map<String, String> laterMidYearTitles(Rebuilt r, Map<String, String> april2023Titles) {
        Map<String, String> titles = new HashMap<>();
        boolean after = false;
        for (Rebuilt other : chain.values()) {
            if (after && other.step().orderYear().equals(r.step().orderYear())) {
                other.entries().stream().filter(e -> e.subject() == Subject.CODE && e.revisedFrom() != null)
                        .forEach(e -> titles.put(e.code().replace(".", ""), e.text()));
            }
            after |= other == r;
        }
        if (r.step().effective().isAfter(LocalDate.of(2022, 9, 30))) {
            titles.putAll(april2023Titles);
        }
        return titles;
    }

    /** Codes and titles as the order file lists them (see {@link TabularCodes}). */
    private static Map<String, String> expand(Tabular t, Comparison c) {
        TabularCodes.Listed listed = TabularCodes.of(t);
        c.excludedByNote += listed.excludedByNote();
        return listed.codes();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("\\s+", " ").strip();
    }

    // --- files --------------------------------------------------------------------------------------------------

    private List<OrderFileEntry> orderFile(String year) throws IOException {
        byte[] bytes;
        Path extracted = icd10cm.resolve(year).resolve("extracted").resolve("icd10cm_order_" + year + ".txt");
        if (Files.exists(extracted)) {
            bytes = Files.readAllBytes(extracted);
        } else {
            try (Stream<Path> files = Files.list(icd10cm.resolve(year))) {
                Path zip = files.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
                bytes = read(zip, "icd10cm_order_" + year + ".txt");
            }
        }
        return new OrderFileParser().parse("icd10cm_order_" + year + ".txt", new ByteArrayInputStream(bytes));
    }

    /** Each code's first effective date, from the FY2026 conversion table (it repeats every earlier row). */
    private Map<String, LocalDate> effectiveDates() throws IOException {
        String name = "ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx";
        try (InputStream in = Files.newInputStream(icd10cm.resolve("conversion").resolve(name))) {
            return new ConversionTableParser().parse(name, in).stream().collect(Collectors.toMap(CodeConversion::currentCode,
                    CodeConversion::effectiveDate, (a, b) -> a.isBefore(b) ? a : b, TreeMap::new));
        }
    }

    /** The April 2023 update has no tabular addenda; the FY2023 zip's order addenda lists its codes and titles. */
    private Map<String, String> april2023Revisions() throws IOException {
        try (Stream<Path> files = Files.list(icd10cm.resolve("2023"))) {
            Path zip = files.filter(p -> p.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
            byte[] bytes = read(zip, "icd10cm_order_addenda_2023.txt");
            return new OrderAddendaParser().parse("icd10cm_order_addenda_2023.txt", new ByteArrayInputStream(bytes)).stream()
                    .filter(a -> a.action().equals(AddendaEntry.REVISE_TO))
                    .collect(Collectors.toMap(AddendaEntry::code, AddendaEntry::longDescription));
        }
    }

    /** The file itself, or the zip member whose name ends with {@code member}. */
    private static byte[] read(Path file, String member) throws IOException {
        if (member == null) {
            return Files.readAllBytes(file);
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(member)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new FileNotFoundException(member + " in " + file);
    }

    // --- lookups ------------------------------------------------------------------------------------------------

    private static TabularNode node(Tabular t, String code) {
        return t.nodes().stream().filter(n -> n.code().equals(code)).findFirst().orElse(null);
    }

    private static List<InstructionalNote> notes(Tabular t, String owner, NoteKind kind) {
        return t.notes().stream().filter(n -> n.owner().equals(owner) && n.kind() == kind).toList();
    }

    private static List<String> texts(Tabular t, String owner, NoteKind kind) {
        return notes(t, owner, kind).stream().map(InstructionalNote::text).toList();
    }
}
