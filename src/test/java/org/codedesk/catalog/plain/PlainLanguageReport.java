package org.codedesk.catalog.plain;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.ImportReport;
import org.codedesk.catalog.PlainLanguage;
import org.codedesk.catalog.Release;
import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plain-language bench (issue 24), not a test: over every code of the FY2026 ICD-10-CM and ICD-10-PCS releases and
 * the newest HCPCS release (January 2026), assembles each page (which writes its explanation), and prints per system
 * and per half (dev: codes whose hash is even, which the wording was tuned on; test: the other half) the reading grade
 * distribution (Flesch-Kincaid), the share at grade 8 or lower, the sentences per text, the abbreviations left
 * unexplained, and the result of {@link PlainLanguageCheck} over every code (problems by kind, with examples).
 * Writes every text to target/plain-language-{system}.tsv and a review sample of 200 dev codes (fixed seed) to
 * target/plain-language-sample.tsv. Uses the database at SPRING_DATASOURCE_URL when it already holds the releases,
 * otherwise imports CODEDESK_DATA_DIR. Run: {@code CODEDESK_DATA_DIR=../shared/data bench/plain-language.sh}.
 */
@SpringBootTest(properties = {"codedesk.home=target/plain-eval", "spring.datasource.hikari.maximum-pool-size=6"})
class PlainLanguageReport {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);
    /** CPT: a day on which both the newest imported PFS file (2025 October) and MUE tables (2026-Q2) are in force. */
    private static final LocalDate CPT_DAY = LocalDate.of(2026, 4, 15);
    private static final String[] BUCKETS = {"<=4", "4-6", "6-8", "8-10", "10-12", "12-14", ">14"};

    @Autowired CatalogImporter importer;
    @Autowired Catalog catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.codedesk.edits.Edits edits;

    /**
     * The same report outside Maven (bench/plain-language.sh): the run takes longer than a test run may hold the shared
     * Maven lock. Boots the application on a free port with the database at SPRING_DATASOURCE_URL.
     */
    public static void main(String[] args) throws Exception {
        try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(org.codedesk.CodeDeskApplication.class)
                .properties("codedesk.home=target/plain-eval", "server.port=0", "codedesk.test.smtp-port=2525",
                        "codedesk.import.download-on-empty=false", "codedesk.search.semantic=false", "codedesk.casecoding.warm-up=false",
                        "spring.datasource.hikari.maximum-pool-size=6", "logging.level.root=WARN").run(args)) {
            PlainLanguageReport report = new PlainLanguageReport();
            report.importer = context.getBean(CatalogImporter.class);
            report.catalog = context.getBean(Catalog.class);
            report.jdbc = context.getBean(JdbcTemplate.class);
            report.edits = context.getBean(org.codedesk.edits.Edits.class);
            report.report();
        }
    }

    @Test
    void report() throws Exception {
        String dir = System.getenv("CODEDESK_DATA_DIR");
        assumeTrue(dir != null, "CODEDESK_DATA_DIR not set");
        if (catalog.releaseInForce(CodeSystem.ICD10PCS, DAY).isEmpty()) {
            ImportReport report = importer.importPaths(List.of(Path.of(dir)));
            System.out.println("PLAIN imported: failed=" + report.failed());
        }
        int limit = Integer.getInteger("plain.limit", 0);
        List<String[]> sample = new ArrayList<>();
        // -Dplain.systems=icd10cm,icd10pcs,hcpcs,cpt (all by default): a run of some systems only
        List<String> systems = List.of(System.getProperty("plain.systems", "icd10cm,icd10pcs,hcpcs,cpt").split(","));
        for (CodeSystem system : List.of(CodeSystem.ICD10CM, CodeSystem.ICD10PCS, CodeSystem.HCPCS)) {
            if (!systems.contains(system.slug())) {
                continue;
            }
            Optional<Release> release = catalog.releaseInForce(system, DAY);
            if (release.isEmpty()) {
                System.out.println("PLAIN " + system.slug() + ": no release in force on " + DAY);
                continue;
            }
            List<String> keys = jdbc.queryForList("select code from catalog_code where release_id = ? order by sort_order", String.class,
                    release.get().id());
            if (limit > 0 && keys.size() > limit) {
                keys = keys.subList(0, limit);
            }
            // -Dplain.every=N: every Nth code only (a quicker pass; the figures say how many codes they cover); -Dplain.pcs-every
            // for ICD-10-PCS alone, whose pages are the slowest to assemble
            int every = system == CodeSystem.ICD10PCS ? Integer.getInteger("plain.pcs-every", Integer.getInteger("plain.every", 1))
                    : Integer.getInteger("plain.every", 1);
            if (every > 1) {
                List<String> all = keys;
                keys = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % every == 0).mapToObj(all::get).toList();
            }
            run(system, release.get(), keys, sample);
        }
        if (systems.contains("cpt")) {
            cpt(Path.of(dir));
        }
        Collections.shuffle(sample, new java.util.Random(24));
        Path out = Path.of("target/plain-language-sample" + (systems.size() < 4 ? "-" + String.join("-", systems) : "") + ".tsv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("system\tcode\tofficial title\tgenerated\tgrade\tproblems");
            sample.stream().sorted((a, b) -> a[0].compareTo(b[0])).forEach(r -> w.println(String.join("\t", r)));
        }
    }

    private void run(CodeSystem system, Release release, List<String> keys, List<String[]> sample) throws IOException {
        Map<String, Stats> halves = new TreeMap<>();
        halves.put("dev", new Stats());
        halves.put("test", new Stats());
        Map<String, String> lines = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        boolean light = system == CodeSystem.ICD10PCS && !Boolean.getBoolean("plain.pcs-full-pages");
        java.util.Set<String> measured = new java.util.HashSet<>(keys);
        List<String> all = light ? keys.stream().filter(k -> k.length() >= 3).map(k -> k.substring(0, 3)).distinct().toList() : keys;
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < all.size(); i = next.getAndIncrement()) {
                String key = all.get(i);
                // ICD-10-PCS: the pages of a whole table at once, with only the facts the explanation reads (see
                // Catalog.pcsExplanationPages); a full page is ~0.08 s, too slow for all 80,000 codes
                List<CodePage> pages = light ? catalog.pcsExplanationPages(release, key) : catalog.page(system, key, DAY).stream().toList();
                if (pages.isEmpty()) {
                    halves.get(isDev(key) ? "dev" : "test").missing.increment();
                    continue;
                }
                for (CodePage page : pages) {
                    if (light && !measured.contains(page.key())) {
                        continue;
                    }
                    Stats stats = halves.get(isDev(page.key()) ? "dev" : "test");
                    PlainLanguage plain = page.plainLanguage();
                    List<String> problems = PlainLanguageCheck.problems(page, plain);
                    List<String> abbreviations = Abbreviations.unexplained(plain.text());
                    stats.add(page.key(), plain, problems, abbreviations);
                    lines.put(page.key(), system.slug() + "\t" + page.code() + "\t" + plain.readingGrade() + "\t" + String.join(" | ", problems)
                            + "\t" + plain.text());
                }
            }
        };
        Thread[] threads = new Thread[Integer.getInteger("plain.threads", 2)];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(worker);
            threads[t].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        if (light) {
            // the light pages must explain a code exactly as its full page does: every 400th code compared
            int compared = 0;
            int differ = 0;
            for (int i = 0; i < keys.size(); i += 400) {
                Optional<CodePage> full = catalog.page(system, keys.get(i), DAY);
                if (full.isPresent() && lines.containsKey(keys.get(i))) {
                    compared++;
                    if (!lines.get(keys.get(i)).endsWith("\t" + full.get().plainLanguage().text())) {
                        differ++;
                        System.out.println("PLAIN icd10pcs light page differs from the full page: " + keys.get(i));
                    }
                }
            }
            System.out.printf("PLAIN %s: light pages compared with full pages: %d, differ: %d%n", system.slug(), compared, differ);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of("target/plain-language-" + system.slug() + ".tsv")))) {
            keys.forEach(k -> { if (lines.containsKey(k)) w.println(lines.get(k)); });
        }
        for (var half : halves.entrySet()) {
            half.getValue().print(system.slug() + " " + release.version() + " " + half.getKey());
        }
        System.out.printf("PLAIN %s: %d codes in %d s%n", system.slug(), keys.size(), seconds);
        // the review sample: dev codes only, a fixed share per system (ICD-10-CM 90, PCS 70, HCPCS 40)
        int wanted = system == CodeSystem.ICD10CM ? 90 : system == CodeSystem.ICD10PCS ? 70 : 40;
        List<String> dev = new ArrayList<>(keys.stream().filter(PlainLanguageReport::isDev).filter(lines::containsKey).toList());
        Collections.shuffle(dev, new java.util.Random(2024));
        for (String key : dev.subList(0, Math.min(wanted, dev.size()))) {
            CodePage page = catalog.page(system, key, DAY).orElseThrow();
            String[] f = lines.get(key).split("\t", 5);
            sample.add(new String[] {system.slug(), page.code(), String.valueOf(page.longDescription()).replace('\t', ' '), f[4], f[2], f[3]});
        }
    }

    /**
     * Every CPT code with a public CMS fact (a fee schedule row or an MUE in force on {@link #CPT_DAY}, when both the PFS and
     * the MUE files imported are), explained from those facts and checked, with the RVU file's descriptor column (AMA text,
     * read here from the official file, never stored) given to the check, which must find none of it in the text.
     */
    private void cpt(Path dataDir) throws IOException {
        Optional<org.codedesk.edits.EditsRelease> rvu = edits.inForce(org.codedesk.edits.Dataset.PFS_RVU, CPT_DAY);
        java.util.Set<String> codes = new java.util.TreeSet<>();
        rvu.ifPresent(r -> codes.addAll(jdbc.queryForList("select distinct code from edits_rvu where release_id = ?", String.class, r.id())));
        for (org.codedesk.edits.Setting setting : org.codedesk.edits.Setting.values()) {
            edits.inForce(setting.mue(), CPT_DAY).ifPresent(r -> codes.addAll(jdbc.queryForList("select distinct code from edits_mue where release_id = ?",
                    String.class, r.id())));
        }
        codes.removeIf(c -> !CodeSystem.isCptCode(c));
        Map<String, List<String>> descriptors = new java.util.HashMap<>();
        try (var files = Files.walk(dataDir.resolve("pfs"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("PPRRVU.*\\.csv")).toList()) {
                for (String line : Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    String[] cells = line.split(",", -1);
                    if (cells.length > 3 && codes.contains(cells[0].strip()) && !cells[2].isBlank()) {
                        descriptors.computeIfAbsent(cells[0].strip(), k -> new ArrayList<>()).add(cells[2].replace("\"", "").strip());
                    }
                }
            }
        }
        Map<String, Stats> halves = new TreeMap<>();
        halves.put("dev", new Stats());
        halves.put("test", new Stats());
        long start = System.nanoTime();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of("target/plain-language-cpt.tsv")))) {
            for (String code : codes) {
                org.codedesk.catalog.CptPublicFacts facts = edits.publicFacts(code, CPT_DAY);
                PlainLanguage plain = org.codedesk.catalog.CptPlainLanguage.explain(facts);
                List<String> problems = org.codedesk.catalog.CptPlainLanguage.problems(facts, plain, descriptors.getOrDefault(code, List.of()));
                halves.get(isDev(code) ? "dev" : "test").add(code, plain, problems, Abbreviations.unexplained(plain.text()));
                w.println("cpt\t" + code + "\t" + plain.readingGrade() + "\t" + String.join(" | ", problems) + "\t" + plain.text());
            }
        }
        for (var half : halves.entrySet()) {
            half.getValue().print("cpt " + rvu.map(org.codedesk.edits.EditsRelease::version).orElse("(no PFS)") + " " + half.getKey());
        }
        System.out.printf("PLAIN cpt: %d codes with public facts on %s (%d with a descriptor in the RVU file, given to the check) in %d s%n",
                codes.size(), CPT_DAY, descriptors.size(), (System.nanoTime() - start) / 1_000_000_000L);
    }

    /** The half a code belongs to, fixed by its text (dev: the wording was tuned on these; test: never looked at). */
    static boolean isDev(String key) {
        return (key.hashCode() & 1) == 0;
    }

    /** Figures of one half of one system. */
    private static final class Stats {
        final LongAdder codes = new LongAdder();
        final LongAdder missing = new LongAdder();
        final LongAdder withProblems = new LongAdder();
        final LongAdder withAbbreviations = new LongAdder();
        final LongAdder sentences = new LongAdder();
        final Map<String, LongAdder> buckets = new ConcurrentHashMap<>();
        final Map<String, LongAdder> problemKinds = new ConcurrentHashMap<>();
        final Map<String, String> problemExamples = new ConcurrentHashMap<>();
        final Map<String, LongAdder> abbreviations = new ConcurrentHashMap<>();
        final List<Double> grades = Collections.synchronizedList(new ArrayList<>());

        void add(String key, PlainLanguage plain, List<String> problems, List<String> unexplained) {
            codes.increment();
            sentences.add(plain.sentences().size());
            double g = plain.readingGrade();
            grades.add(g);
            String bucket = g <= 4 ? BUCKETS[0] : g <= 6 ? BUCKETS[1] : g <= 8 ? BUCKETS[2] : g <= 10 ? BUCKETS[3] : g <= 12 ? BUCKETS[4]
                    : g <= 14 ? BUCKETS[5] : BUCKETS[6];
            buckets.computeIfAbsent(bucket, b -> new LongAdder()).increment();
            if (!problems.isEmpty()) {
                withProblems.increment();
                for (String p : problems) {
                    String kind = p.substring(0, Math.max(p.indexOf(':'), 0));
                    problemKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
                    problemExamples.putIfAbsent(kind, key + ": " + p);
                }
            }
            if (!unexplained.isEmpty()) {
                withAbbreviations.increment();
                unexplained.forEach(a -> abbreviations.computeIfAbsent(a, x -> new LongAdder()).increment());
            }
        }

        void print(String name) {
            long n = codes.sum();
            if (n == 0) {
                return;
            }
            List<Double> sorted = new ArrayList<>(grades);
            Collections.sort(sorted);
            StringBuilder dist = new StringBuilder();
            for (String b : BUCKETS) {
                dist.append(String.format(" %s:%.1f%%", b, 100.0 * buckets.getOrDefault(b, new LongAdder()).sum() / n));
            }
            long atMost8 = sorted.stream().filter(g -> g <= 8).count();
            System.out.printf("PLAIN %s: codes=%d missing=%d grade median=%.1f p90=%.1f mean=%.1f <=8: %.1f%% | dist%s%n", name, n, missing.sum(),
                    sorted.get(n > 0 ? (int) (n / 2) : 0), sorted.get((int) Math.min(n - 1, n * 9 / 10)),
                    sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0), 100.0 * atMost8 / n, dist);
            System.out.printf("PLAIN %s: sentences/text=%.1f; check: %d codes with a problem (%.2f%%) %s%n", name, (double) sentences.sum() / n,
                    withProblems.sum(), 100.0 * withProblems.sum() / n, problemKinds.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue().sum()).toList());
            problemExamples.forEach((k, v) -> System.out.println("PLAIN " + name + ":   e.g. " + v));
            System.out.printf("PLAIN %s: texts with an unexplained abbreviation: %d (%.2f%%); top: %s%n", name, withAbbreviations.sum(),
                    100.0 * withAbbreviations.sum() / n, abbreviations.entrySet().stream()
                            .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(15)
                            .map(e -> e.getKey() + "=" + e.getValue().sum()).toList());
        }
    }
}
