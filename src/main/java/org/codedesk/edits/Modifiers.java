package org.codedesk.edits;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSummary;
import org.codedesk.catalog.CodeSystem;
import org.springframework.stereotype.Service;

/**
 * Every modifier CodeDesk knows: HCPCS Level II modifiers of the release in force (public descriptors) and
 * CodeDesk's own reference ({@code edits/modifiers.tsv}: CPT modifier numbers and NCCI treatment, written by
 * us, never AMA text). Thread-safe.
 */
@Service
public class Modifiers {

    private record Reference(String system, String ptp, String label, String explanation) { }

    private final Catalog catalog;
    private final Map<String, Reference> reference = new LinkedHashMap<>();
    // release rows never change after import, so a release's modifiers can be kept by its id
    private final Map<Long, java.util.Set<String>> hcpcsModifiers = new java.util.concurrent.ConcurrentHashMap<>();

    Modifiers(Catalog catalog) {
        this.catalog = catalog;
        for (String[] f : ReferenceTable.rows("modifiers.tsv")) {
            reference.put(f[0].trim().toUpperCase(Locale.ROOT), new Reference(f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim()));
        }
    }

    /** Every modifier on the date: CodeDesk's reference merged with the HCPCS modifiers of the release in force. */
    public List<Modifier> all(LocalDate date) {
        Map<String, Modifier> all = new TreeMap<>();
        reference.forEach((code, r) -> all.put(code, modifier(code, r, null, null)));
        for (CodeSummary hcpcs : catalog.modifiers(CodeSystem.HCPCS, date)) {
            all.put(hcpcs.key(), modifier(hcpcs.key(), reference.get(hcpcs.key()), hcpcs.title(), release(date)));
        }
        return List.copyOf(all.values());
    }

    public Optional<Modifier> find(String code, LocalDate date) {
        String key = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return all(date).stream().filter(m -> m.code().equals(key)).findFirst();
    }

    /** Every modifier known on the date: CodeDesk's reference and the HCPCS modifiers of the release in force. */
    public java.util.Set<String> known(LocalDate date) {
        java.util.Set<String> known = new java.util.HashSet<>(reference.keySet());
        catalog.releaseInForce(CodeSystem.HCPCS, date).ifPresent(r -> known.addAll(hcpcsModifiers.computeIfAbsent(r.id(),
                id -> catalog.modifiers(CodeSystem.HCPCS, date).stream().map(CodeSummary::key).collect(java.util.stream.Collectors.toSet()))));
        return known;
    }

    public boolean isKnown(String code, LocalDate date) {
        return known(date).contains(code.trim().toUpperCase(Locale.ROOT));
    }

    /** The NCCI role of a modifier ("bypass", "anatomic", "global", "repeat" or "none"). */
    public String ptpRole(String code) {
        Reference r = reference.get(code.trim().toUpperCase(Locale.ROOT));
        return r == null ? "none" : r.ptp();
    }

    private String release(LocalDate date) {
        return catalog.releaseInForce(CodeSystem.HCPCS, date).map(r -> r.label()).orElse(null);
    }

    private static Modifier modifier(String code, Reference r, String descriptor, String source) {
        if (r == null) {
            return new Modifier(code, "hcpcs", "none", descriptor, null, descriptor, source);
        }
        return new Modifier(code, r.system(), r.ptp(), r.label(), r.explanation(), descriptor, source);
    }
}
