package org.codedesk.catalog.source.icd10cm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.codedesk.OfficialData;
import org.codedesk.catalog.source.OrderFileEntry;
import org.codedesk.catalog.source.OrderFileParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds the four ICD-10-CM indexes of every year from the FY2017 XML and the CDC index addenda of FY2018 to FY2026
 * (with the January 2021 and April 2022 updates), and checks them where the truth is known: the drug, neoplasm and
 * external-cause tables of FY2026 against the April 2026 XML (terms in both or one only, cells that agree), and every
 * code the rebuilt alphabetic index of a year names against that year's order file (the share that is a code or header
 * of the year). Prints the figures docs/data-import.md quotes. Runs with {@code CODEDESK_DATA_DIR}; skipped without it.
 */
class IndexAddendaRealDataTest {

    /** One addenda step: the release it makes, the folder or zip, the member prefix, the order file year. */
    private record Step(String release, String source, String year) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("FY2018", "addenda/2018/2018-ICD-10-Addendum.zip", "2018"),
            new Step("FY2019", "addenda/2019", "2019"),
            new Step("FY2020", "addenda/2020", "2020"),
            new Step("FY2021", "addenda/2021", "2021"),
            new Step("FY2021-01", "addenda/2021-jan/icd10cm-addenda-files-Jan-2021.zip", "2021"),
            new Step("FY2022", "addenda/2022/icd10cm-addendum-2022.zip", "2022"),
            new Step("FY2022-04", "addenda/2022-april", "2022"),
            new Step("FY2023", "addenda/2023/icd10cm-addendum-2023.zip", "2023"),
            new Step("FY2024", "addenda/2024/icd10cm-addendum-2024.zip", "2024"),
            new Step("FY2025", "addenda/2025/ICD10cm-addendum-2025.zip", "2025"),
            new Step("FY2026", "2026/icd10cm-addenda-2026.zip", "2026"));

    private static final Map<IndexKind, String> NAMES = Map.of(IndexKind.INDEX, "-index-", IndexKind.EXTERNAL_CAUSE, "eindex",
            IndexKind.DRUG, "drug", IndexKind.NEOPLASM, "neoplasm");

    /** Kind, then release, to the rebuilt index and the report of its addenda. */
    private static final Map<IndexKind, Map<String, IndexAddendaApplier.Result>> chain = new EnumMap<>(IndexKind.class);
    private static Path icd10cm;

    @BeforeAll
    static void rebuild() throws IOException {
        icd10cm = OfficialData.file("icd10cm");
        for (IndexKind kind : IndexKind.values()) {
            IndexFile index = xml(kind, "2017/ICD10CM_FY2017_Full_XML.zip", "icd10cm_" + xmlName(kind) + "_2017.xml");
            Map<String, IndexAddendaApplier.Result> byRelease = new LinkedHashMap<>();
            long start = System.nanoTime();
            for (Step step : STEPS) {
                Map.Entry<String, byte[]> pdf = addenda(step, kind);
                List<IndexAddendaEntry> entries = new IndexAddendaParser().parse(kind, pdf.getKey(), new ByteArrayInputStream(pdf.getValue()));
                IndexAddendaApplier.Result result = new IndexAddendaApplier().apply(index, entries, step.release());
                index = result.index();
                byRelease.put(step.release(), result);
                System.out.printf(Locale.ROOT, "%-14s %-9s %-48s entries %5d applied %5d skipped %4d %s%n", kind, step.release(),
                        pdf.getKey(), entries.size(), result.report().applied(), result.report().skipped().size(),
                        result.report().skippedByCause());
            }
            System.out.printf(Locale.ROOT, "%s chain: %d ms%n", kind, (System.nanoTime() - start) / 1_000_000);
            chain.put(kind, byRelease);
        }
    }

    private static String xmlName(IndexKind kind) {
        return switch (kind) {
            case INDEX -> "index";
            case EXTERNAL_CAUSE -> "eindex";
            case DRUG -> "drug";
            case NEOPLASM -> "neoplasm";
        };
    }

    @Test
    void covidLeadsToU071FromFy2021AndIsAbsentBefore() {
        // FY2021 index addenda p.9: "Add Coronavirus (infection)", "Add - COVID-19 U07.1"; the January 2021 addenda p.1
        // adds the main term "COVID-19 U07.1"
        IndexFile fy2019 = chain.get(IndexKind.INDEX).get("FY2019").index();
        IndexFile fy2021 = chain.get(IndexKind.INDEX).get("FY2021").index();
        IndexFile january = chain.get(IndexKind.INDEX).get("FY2021-01").index();
        assertThat(fy2019.terms()).noneMatch(t -> t.title().equals("COVID-19"));
        assertThat(fy2021.findByPath("Coronavirus > COVID-19")).get().extracting(IndexTerm::code).isEqualTo("U07.1");
        assertThat(fy2021.findByPath("COVID-19")).isEmpty();
        assertThat(january.findByPath("COVID-19")).get().extracting(IndexTerm::code).isEqualTo("U07.1");
        assertThat(january.findByPath("Exposure > COVID-19")).get().extracting(IndexTerm::code).isEqualTo("Z20.822");
    }

    @Test
    void tablesOfFy2026AgreeWithTheApril2026Xml() throws IOException {
        for (IndexKind kind : List.of(IndexKind.DRUG, IndexKind.NEOPLASM, IndexKind.EXTERNAL_CAUSE)) {
            IndexFile truth = xml(kind, "2026-april", "icd10cm-" + xmlName(kind) + "-April-1-2026-XML.xml");
            IndexFile rebuilt = chain.get(kind).get("FY2026").index();
            IndexFile fy2017 = xml(kind, "2017/ICD10CM_FY2017_Full_XML.zip", "icd10cm_" + xmlName(kind) + "_2017.xml");
            Agreement rebuiltAgreement = agreement(rebuilt, truth);
            Agreement unchanged = agreement(fy2017, truth);
            System.out.printf(Locale.ROOT, "%-14s rebuilt FY2026 vs April 2026 XML: %s | FY2017 unchanged: %s%n", kind, rebuiltAgreement, unchanged);
            assertThat(rebuiltAgreement.termShare()).isGreaterThan(unchanged.termShare());
            assertThat(rebuiltAgreement.valueShare()).isGreaterThanOrEqualTo(unchanged.valueShare());
        }
    }

    @Test
    void codesOfEachRebuiltIndexAreCodesOfTheirYear() throws IOException {
        for (IndexKind kind : IndexKind.values()) {
            IndexFile fy2017 = xml(kind, "2017/ICD10CM_FY2017_Full_XML.zip", "icd10cm_" + xmlName(kind) + "_2017.xml");
            for (Step step : STEPS) {
                Set<String> valid = orderCodes(step.year());
                IndexFile index = chain.get(kind).get(step.release()).index();
                double unchanged = share(fy2017, valid);
                double share = share(index, valid);
                System.out.printf(Locale.ROOT, "%-14s %-9s codes named %,7d, of the year's order file %6.2f%% (FY2017's unchanged: %6.2f%%)%n",
                        kind, step.release(), named(index), share, unchanged);
                assertThat(share).isGreaterThan(99.0).isGreaterThanOrEqualTo(unchanged);
            }
        }
    }

    private static List<String> codes(IndexFile index) {
        List<String> codes = new ArrayList<>();
        for (IndexTerm t : index.terms()) {
            if (t.code() != null) {
                codes.add(t.code());
            }
            t.cells().stream().map(IndexCell::code).filter(Objects::nonNull).forEach(codes::add);
        }
        return codes;
    }

    private static int named(IndexFile index) {
        return codes(index).size();
    }

    /** The share of the codes an index names (term codes and cells) that are codes or headers of the order file. */
    private static double share(IndexFile index, Set<String> valid) {
        List<String> codes = codes(index);
        long known = codes.stream().filter(c -> valid.contains(c.replace(".", "").replace("-", ""))).count();
        return 100.0 * known / codes.size();
    }

    @Test
    void handCheckedFacts() {
        // FY2021 index addenda p.1: "Revise from - - skull R93.09 / Revise to - - skull R93.0" under Abnormal > diagnostic imaging
        assertThat(chain.get(IndexKind.INDEX).get("FY2021").index().findByPath("Abnormal, abnormality, abnormalities > diagnostic imaging > skull"))
                .get().extracting(IndexTerm::code).isEqualTo("R93.0");
        // FY2026 drug addenda p.4: "Add: Fluoroquinolone antibiotics T36.AX1 ..." (a category new in FY2026)
        IndexTerm fluoroquinolone = chain.get(IndexKind.DRUG).get("FY2026").index().findByPath("Fluoroquinolone antibiotics").orElseThrow();
        assertThat(fluoroquinolone.cells()).extracting(IndexCell::code).contains("T36.AX1", "T36.AX5");
        assertThat(chain.get(IndexKind.DRUG).get("FY2025").index().findByPath("Fluoroquinolone antibiotics")).isEmpty();
        // FY2018 drug addenda p.2: Fluticasone propionate's cells revised from T49.1X- to T38.0X-
        assertThat(chain.get(IndexKind.DRUG).get("FY2018").index().findByPath("Fluticasone propionate").orElseThrow().cells())
                .extracting(IndexCell::code).contains("T38.0X1").doesNotContain("T49.1X1");
        // FY2026 neoplasm addenda p.1: breast > inflammatory added with C50.A- as malignant primary
        assertThat(chain.get(IndexKind.NEOPLASM).get("FY2026").index()
                .findByPath("Neoplasm, neoplastic > breast > inflammatory").orElseThrow().cells())
                .extracting(IndexCell::code).contains("C50.A-");
        // FY2018 index addenda: "Add - Note: heart failure stages A, B, C, and D ..." printed with heart's dash among its
        // subterms, then "Add - - stage A Z91.89", "Add - - systolic ...": the note is heart's, the subterms too (FY2026's
        // addenda repeat the note as "No Change" before revising stage B and C under it)
        for (String release : List.of("FY2018", "FY2026")) {
            IndexFile index = chain.get(IndexKind.INDEX).get(release).index();
            assertThat(index.findByPath("Failure, failed > heart > systolic > chronic")).get().extracting(IndexTerm::code).isEqualTo("I50.22");
            assertThat(index.findByPath("Failure, failed > heart > stage A")).get().extracting(IndexTerm::code).isEqualTo("Z91.89");
            assertThat(index.terms()).as("no term is filed under a note of the index, in " + release)
                    .noneMatch(t -> t.parentId() != 0 && index.term(t.parentId()).title().startsWith("Note:"));
            IndexTerm heart = index.findByPath("Failure, failed > heart").orElseThrow();
            assertThat(index.children(heart).get(0).title()).startsWith("Note: heart failure stages A, B, C, and D");
        }
        assertThat(chain.get(IndexKind.INDEX).get("FY2026").index().findByPath("Failure, failed > heart > stage C").orElseThrow().seeAlso())
                .contains("if known");
    }

    /** Terms compared by path; a term's values are its code, cross-references and cells. */
    private record Agreement(int both, int onlyRebuilt, int onlyTruth, int values, int valuesAgree) {
        double termShare() {
            return 100.0 * both / (both + onlyRebuilt + onlyTruth);
        }

        double valueShare() {
            return values == 0 ? 100.0 : 100.0 * valuesAgree / values;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "terms in both %,d, only rebuilt %,d, only XML %,d (%.2f%%); codes per cell agree %.2f%% of %,d",
                    both, onlyRebuilt, onlyTruth, termShare(), valueShare(), values);
        }
    }

    private static Agreement agreement(IndexFile rebuilt, IndexFile truth) {
        Map<String, IndexTerm> a = byPath(rebuilt);
        Map<String, IndexTerm> b = byPath(truth);
        int both = 0;
        int values = 0;
        int agree = 0;
        for (var e : a.entrySet()) {
            IndexTerm t = b.get(e.getKey());
            if (t == null) {
                continue;
            }
            both++;
            Map<Integer, String> x = cells(e.getValue());
            Map<Integer, String> y = cells(t);
            Set<Integer> columns = new HashSet<>(x.keySet());
            columns.addAll(y.keySet());
            for (int col : columns) {
                values++;
                agree += Objects.equals(x.get(col), y.get(col)) ? 1 : 0;
            }
        }
        return new Agreement(both, a.size() - both, b.size() - both, values, agree);
    }

    /** Column 0 is the term's own code (the external-cause index), then the table's cells. */
    private static Map<Integer, String> cells(IndexTerm t) {
        Map<Integer, String> result = new HashMap<>();
        if (t.code() != null) {
            result.put(0, t.code());
        }
        t.cells().forEach(c -> result.put(c.column(), c.code() == null ? "-" : c.code()));
        return result;
    }

    private static Map<String, IndexTerm> byPath(IndexFile file) {
        Map<String, IndexTerm> result = new HashMap<>();
        for (IndexTerm t : file.terms()) {
            result.putIfAbsent(IndexAddendaApplier.key(pathWithModifiers(file, t)), t);
        }
        return result;
    }

    private static String pathWithModifiers(IndexFile file, IndexTerm term) {
        StringBuilder s = new StringBuilder();
        for (IndexTerm t = term; t != null; t = t.parentId() == 0 ? null : file.term(t.parentId())) {
            s.insert(0, ">" + t.title() + (t.nonessentialModifiers() == null ? "" : t.nonessentialModifiers()));
        }
        return s.toString().replace(">", "|");
    }

    private static Set<String> orderCodes(String year) throws IOException {
        Path dir = icd10cm.resolve(year);
        Set<String> codes = new HashSet<>();
        try (var files = Files.list(dir)) {
            for (Path zip : files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList()) {
                byte[] order = member(zip, n -> n.matches("(?i).*icd10cm_order_" + year + "\\.txt"));
                if (order != null) {
                    for (OrderFileEntry e : new OrderFileParser().parse("order", new ByteArrayInputStream(order))) {
                        codes.add(e.code());
                    }
                    return codes;
                }
            }
        }
        Path extracted = dir.resolve("extracted/icd10cm_order_" + year + ".txt");
        try (InputStream in = Files.newInputStream(extracted)) {
            new OrderFileParser().parse("order", in).forEach(e -> codes.add(e.code()));
        }
        return codes;
    }

    private static IndexFile xml(IndexKind kind, String source, String name) throws IOException {
        Path path = icd10cm.resolve(source);
        byte[] bytes = Files.isDirectory(path) ? Files.readAllBytes(path.resolve(name)) : member(path, n -> n.endsWith(name));
        if (bytes == null) {
            throw new FileNotFoundException(name + " in " + path);
        }
        return new IndexParser().parse(kind, name, new ByteArrayInputStream(bytes));
    }

    private static Map.Entry<String, byte[]> addenda(Step step, IndexKind kind) throws IOException {
        Path path = icd10cm.resolve(step.source());
        java.util.function.Predicate<String> wanted = n -> {
            String lower = n.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            return lower.endsWith(".pdf") && lower.contains(NAMES.get(kind)) && (kind != IndexKind.INDEX || !lower.contains("eindex"));
        };
        if (Files.isDirectory(path)) {
            try (var files = Files.list(path)) {
                Path pdf = files.filter(f -> wanted.test(f.getFileName().toString())).findFirst()
                        .orElseThrow(() -> new FileNotFoundException(kind + " addenda in " + path));
                return Map.entry(pdf.getFileName().toString(), Files.readAllBytes(pdf));
            }
        }
        String[] name = new String[1];
        byte[] bytes = member(path, n -> {
            boolean ok = wanted.test(n.substring(n.lastIndexOf('/') + 1));
            if (ok) {
                name[0] = n.substring(n.lastIndexOf('/') + 1);
            }
            return ok;
        });
        if (bytes == null) {
            throw new FileNotFoundException(kind + " addenda in " + path);
        }
        return Map.entry(name[0], bytes);
    }

    private static byte[] member(Path zip, java.util.function.Predicate<String> wanted) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory() && wanted.test(e.getName())) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }
}
