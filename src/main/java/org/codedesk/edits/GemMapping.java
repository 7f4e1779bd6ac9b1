package org.codedesk.edits;

/** One line of a General Equivalence Mapping, with its flags in words. */
public record GemMapping(Dataset direction, String source, String target, boolean approximate, boolean noMap,
                         boolean combination, int scenario, int choiceList, String flagsInWords, EditsRelease release) {

    /** ICD-9-CM as coders write it: 820.00, E930.0, V01.1; procedures 38.93. GEM files carry it without the dot. */
    public static String icd9(String code, boolean procedure) {
        int dot = procedure ? 2 : code.startsWith("E") ? 4 : 3;
        return code.length() > dot && !code.startsWith("No") ? code.substring(0, dot) + "." + code.substring(dot) : code;
    }
}
