package org.codedesk.assistant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.Release;

/**
 * Drug names in a question ("toradol 60 mg", "ketorolac 30mg units") → the HCPCS Level II drug codes whose descriptor names the
 * drug. Generic names come from the descriptors themselves ("Injection, ketorolac tromethamine, per 15 mg"): every drug the
 * HCPCS release in force names is known, a typo one edit away included. HCPCS descriptors carry no brand names, so brand
 * names are a small curated list: each brand → its established (generic) name as printed on the FDA-approved label
 * (DailyMed), the name the HCPCS descriptors use. Never a code the release does not hold. Thread-safe.
 */
final class DrugNames {

    /** Where the brand → generic links come from, cited with every answer that uses one. */
    static final String BRAND_SOURCE = "CodeDesk brand names: the established name on the FDA-approved label (DailyMed)";

    /**
     * Brand → the established name as the HCPCS descriptors write it (the salt when the descriptors tell salts apart:
     * Solu-Medrol is the sodium succinate, Depo-Medrol the acetate). Keys are lower case without spaces or hyphens.
     */
    static final Map<String, String> BRANDS = Map.ofEntries(
            Map.entry("toradol", "ketorolac"), Map.entry("rocephin", "ceftriaxone"), Map.entry("zofran", "ondansetron"),
            Map.entry("solumedrol", "methylprednisolone sodium succinate"), Map.entry("depomedrol", "methylprednisolone acetate"),
            Map.entry("kenalog", "triamcinolone acetonide"), Map.entry("decadron", "dexamethasone sodium phosphate"),
            Map.entry("versed", "midazolam"), Map.entry("benadryl", "diphenhydramine"), Map.entry("lasix", "furosemide"),
            Map.entry("phenergan", "promethazine"), Map.entry("ativan", "lorazepam"), Map.entry("dilaudid", "hydromorphone"),
            Map.entry("narcan", "naloxone"), Map.entry("solucortef", "hydrocortisone sodium succinate"), Map.entry("ancef", "cefazolin"),
            Map.entry("vancocin", "vancomycin"), Map.entry("lovenox", "enoxaparin"), Map.entry("prolia", "denosumab"),
            Map.entry("xgeva", "denosumab"), Map.entry("humira", "adalimumab"), Map.entry("ofirmev", "acetaminophen"),
            Map.entry("zithromax", "azithromycin"), Map.entry("demerol", "meperidine"), Map.entry("reglan", "metoclopramide"),
            Map.entry("pepcid", "famotidine"), Map.entry("protonix", "pantoprazole"), Map.entry("remicade", "infliximab"),
            Map.entry("botox", "onabotulinumtoxina"), Map.entry("depoprovera", "medroxyprogesterone"), Map.entry("haldol", "haloperidol"),
            Map.entry("geodon", "ziprasidone"), Map.entry("zyprexa", "olanzapine"), Map.entry("cogentin", "benztropine"),
            Map.entry("epogen", "epoetin alfa"), Map.entry("procrit", "epoetin alfa"), Map.entry("neulasta", "pegfilgrastim"),
            Map.entry("neupogen", "filgrastim"), Map.entry("keytruda", "pembrolizumab"), Map.entry("eylea", "aflibercept"),
            Map.entry("lucentis", "ranibizumab"), Map.entry("avastin", "bevacizumab"), Map.entry("herceptin", "trastuzumab"),
            Map.entry("rituxan", "rituximab"), Map.entry("reclast", "zoledronic acid"), Map.entry("zometa", "zoledronic acid"),
            Map.entry("bicillin", "penicillin g benzathine"), Map.entry("marcaine", "bupivacaine"), Map.entry("xylocaine", "lidocaine"),
            Map.entry("imitrex", "sumatriptan"), Map.entry("cleocin", "clindamycin"), Map.entry("unasyn", "ampicillin sodium/sulbactam"),
            Map.entry("zosyn", "piperacillin sodium/tazobactam"), Map.entry("invega", "paliperidone palmitate"),
            Map.entry("vivitrol", "naltrexone"), Map.entry("sublocade", "buprenorphine"), Map.entry("orencia", "abatacept"),
            Map.entry("stelara", "ustekinumab"), Map.entry("entyvio", "vedolizumab"), Map.entry("tysabri", "natalizumab"),
            Map.entry("ocrevus", "ocrelizumab"), Map.entry("venofer", "iron sucrose"), Map.entry("feraheme", "ferumoxytol"),
            Map.entry("injectafer", "ferric carboxymaltose"),
            // common names the descriptors write otherwise ("Injection, vitamin b-12 cyanocobalamin")
            Map.entry("b12", "cyanocobalamin"), Map.entry("epipen", "epinephrine"), Map.entry("adrenaline", "epinephrine"));

    /** Keys of {@link #BRANDS} that are common names, not brands. */
    static final Set<String> COMMON_NAMES = Set.of("b12", "adrenaline");

    private static final Pattern INJECTION = Pattern.compile("(?i)^injection,\\s*([a-z][a-z\\-]+)");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z\\-]*");
    /** The first words of drug codes (J, Q, C Level II codes) that are no drug: "injection, unclassified", "not otherwise classified". */
    private static final Set<String> NOT_DRUGS = Set.of("unclassified", "not", "drug", "drugs", "compounded", "chemotherapy", "biosimilar",
            "other", "contrast", "sodium", "hydrochloride", "vitamin", "immune", "globulin", "factor", "human", "insulin", "hyaluronan");

    private final Catalog catalog;
    /** Per HCPCS release: its drug codes (billable Level II codes whose descriptor names a drug) and their first drug words. */
    private final Map<Long, Drugs> byRelease = new ConcurrentHashMap<>();

    private record Drugs(List<CodeSummary> codes, Set<String> generics) { }

    /** The drug a question names: the word as asked, the name searched in descriptors, the brand when one was asked, the codes. */
    record Found(String asked, String generic, boolean brand, List<CodeSummary> codes) { }

    DrugNames(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The first drug named in the question that HCPCS codes in force on the date describe; empty when none. */
    Optional<Found> find(String question, LocalDate date) {
        Optional<Release> release = catalog.releaseInForce(CodeSystem.HCPCS, date);
        if (release.isEmpty()) {
            return Optional.empty();
        }
        Drugs drugs = byRelease.computeIfAbsent(release.get().id(), id -> load(release.get()));
        String lower = question.toLowerCase(Locale.ROOT);
        // brands first, as whole words written with or without their hyphen or space ("solu-medrol", "solu medrol", "solumedrol"),
        // never inside another word ("reversed" is no Versed)
        String[] tokens = lower.split("[^a-z0-9]+");
        for (int i = 0; i < tokens.length; i++) {
            for (String candidate : i + 1 < tokens.length ? List.of(tokens[i], tokens[i] + tokens[i + 1]) : List.of(tokens[i])) {
                String generic = BRANDS.get(candidate);
                List<CodeSummary> codes = generic == null ? List.of() : codesNaming(drugs, generic);
                if (!codes.isEmpty()) {
                    return Optional.of(new Found(candidate, generic, true, codes));
                }
            }
        }
        Matcher m = WORD.matcher(lower);
        while (m.find()) {
            String word = m.group();
            if (word.length() < 6) {
                continue;
            }
            String generic = drugs.generics().contains(word) ? word : word.length() >= 8 ? drugs.generics().stream()
                    .filter(g -> Math.abs(g.length() - word.length()) <= 1 && CodingVocabulary.withinOneEdit(word, g)).findFirst().orElse(null) : null;
            if (generic != null) {
                List<CodeSummary> codes = codesNaming(drugs, generic);
                if (!codes.isEmpty()) {
                    return Optional.of(new Found(word, generic, false, codes));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The codes in force on the date whose descriptor names the same drug as this descriptor ("Injection, methylprednisolone
     * acetate, 40 mg" → J1010 "..., methylprednisolone acetate, 1 mg"): what replaces a terminated drug code. Empty when none.
     */
    List<CodeSummary> sameDrug(String descriptor, String except, LocalDate date) {
        Matcher m = DRUG_OF_DESCRIPTOR.matcher(descriptor == null ? "" : descriptor);
        Optional<Release> release = catalog.releaseInForce(CodeSystem.HCPCS, date);
        if (!m.find() || release.isEmpty()) {
            return List.of();
        }
        Drugs drugs = byRelease.computeIfAbsent(release.get().id(), id -> load(release.get()));
        return codesNaming(drugs, m.group(1).trim()).stream().filter(c -> !c.key().equals(except)).toList();
    }

    /** "Injection, methylprednisolone acetate, 40 mg" → "methylprednisolone acetate". */
    private static final Pattern DRUG_OF_DESCRIPTOR = Pattern.compile("(?i)^injection,\\s*([^,]+),");

    /** The drug codes whose descriptor names the drug (every word of the name, in order), injections first, at most 6. */
    private static List<CodeSummary> codesNaming(Drugs drugs, String name) {
        Pattern named = Pattern.compile("(?i)\\b" + Pattern.quote(name).replace(" ", "\\E[\\s,]+\\Q") + "\\b");
        List<CodeSummary> injections = new ArrayList<>();
        List<CodeSummary> others = new ArrayList<>();
        for (CodeSummary c : drugs.codes()) {
            if (c.title() != null && named.matcher(c.title()).find()) {
                (c.title().toLowerCase(Locale.ROOT).startsWith("injection") ? injections : others).add(c);
            }
        }
        injections.addAll(others);
        return injections.subList(0, Math.min(6, injections.size()));
    }

    private Drugs load(Release release) {
        List<CodeSummary> codes = new ArrayList<>();
        Set<String> generics = new LinkedHashSet<>();
        for (String prefix : List.of("J", "Q", "C9")) {
            for (CodeSummary c : catalog.codes(release, prefix, true, 0, 20_000)) {
                if (c.title() == null) {
                    continue;
                }
                Matcher m = INJECTION.matcher(c.title());
                if (m.find() && m.group(1).length() >= 6 && !NOT_DRUGS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    generics.add(m.group(1).toLowerCase(Locale.ROOT));
                }
                codes.add(c);
            }
        }
        return new Drugs(List.copyOf(codes), Set.copyOf(generics));
    }
}
