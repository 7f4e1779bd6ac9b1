package org.codedesk.edits.source;

/**
 * One General Equivalence Mapping entry from {@code source} to {@code target} (codes without dots). When
 * {@code noMap} is set the target is a placeholder as published ("NoDx", "NoPCS", "NoI9"). {@code scenario} and
 * {@code choiceList} number the alternatives of a combination mapping (0 when not a combination).
 */
public record GemRow(String source, String target, boolean approximate, boolean noMap, boolean combination,
        int scenario, int choiceList) {
}
