package org.codedesk.edits;

/** One line of a General Equivalence Mapping, with its flags in words. */
public record GemMapping(Dataset direction, String source, String target, boolean approximate, boolean noMap,
                         boolean combination, int scenario, int choiceList, String flagsInWords, EditsRelease release) { }
