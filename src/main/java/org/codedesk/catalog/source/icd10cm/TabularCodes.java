package org.codedesk.catalog.source.icd10cm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The codes a tabular lists, as the order file lists them: every diag, and below a code that takes a 7th character
 * the complete codes its definitions make (padded with X, titled "code title, meaning"), except where a note says a 7th
 * character does not apply ("7th characters D and S do not apply to codes in category S06 with 6th character 7 or 8").
 * What a rebuilt tabular is checked against, the year's official order file.
 */
public final class TabularCodes {

    private static final Pattern SEVENTH_NOT_APPLYING = Pattern.compile(
            "7th characters ([A-Z])(?: and ([A-Z]))? do not apply to codes in category (\\S+) with 6th character (\\d)(?:.*?\\bor (\\d)\\b)?.*");

    private TabularCodes() {
    }

    /** The codes (key form, no dot) with their titles; {@code excludedByNote} counts the complete codes a note rules out. */
    public record Listed(Map<String, String> codes, int excludedByNote) { }

    public static Listed of(Tabular t) {
        Map<String, TabularNode> diags = new HashMap<>();
        Set<String> parents = new HashSet<>();
        for (TabularNode n : t.nodes()) {
            if (n.kind() == TabularNode.Kind.DIAG) {
                diags.put(n.code(), n);
                if (n.code().length() > 3) {
                    parents.add(n.parent());
                }
            }
        }
        Map<String, List<SeventhCharacter>> sevenths = t.seventhCharacters().stream()
                .collect(Collectors.groupingBy(SeventhCharacter::owner, LinkedHashMap::new, Collectors.toList()));
        Map<String, Set<String>> notApplying = new HashMap<>(); // "S06" + 6th character -> 7th characters
        for (InstructionalNote n : t.notes()) {
            Matcher m = SEVENTH_NOT_APPLYING.matcher(n.text());
            if (n.kind() == NoteKind.NOTES && m.matches()) {
                for (String sixth : Stream.of(m.group(4), m.group(5)).filter(x -> x != null).toList()) {
                    Set<String> chars = notApplying.computeIfAbsent(m.group(3) + sixth, k -> new TreeSet<>());
                    chars.add(m.group(1));
                    if (m.group(2) != null) {
                        chars.add(m.group(2));
                    }
                }
            }
        }
        Map<String, String> codes = new LinkedHashMap<>();
        int excluded = 0;
        for (TabularNode n : t.nodes()) {
            if (n.kind() != TabularNode.Kind.DIAG) {
                continue;
            }
            String key = n.code().replace(".", "");
            codes.put(key, n.description());
            if (parents.contains(n.code())) {
                continue;
            }
            List<SeventhCharacter> defs = null;
            for (TabularNode a = n; a != null && defs == null; a = a.code().length() == 3 ? null : diags.get(a.parent())) {
                defs = sevenths.get(a.code());
            }
            if (defs == null) {
                continue;
            }
            String padded = key.length() < 6 ? (key + "XXX").substring(0, 6) : key;
            Set<String> ruledOut = padded.length() == 6 ? notApplying.getOrDefault(key.substring(0, 3) + padded.charAt(5), Set.of()) : Set.of();
            for (SeventhCharacter s : defs) {
                if (ruledOut.contains(s.character())) {
                    excluded++;
                } else {
                    codes.put(padded + s.character(), n.description() + ", " + s.meaning().replaceAll(" \\(includes: .*\\)$", ""));
                }
            }
        }
        return new Listed(codes, excluded);
    }
}
