package org.codedesk.catalog.source;

import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order files an ICD-10-CM or ICD-10-PCS order addenda compares, read from its closing summary
 * ("22581 headers in icd10cm_order_2020.txt" then "... in icd10cm_order_2021jan.txt"). An annual addenda compares last
 * year's file with this year's; a re-issued file's addenda compares the year's file with itself, so its entries are the
 * mid-year update alone.
 */
public final class AddendaComparison {

    private static final Pattern COUNT_IN_FILE = Pattern.compile("\\s*\\d+ (?:headers|codes) in (\\S+)\\s*");

    private AddendaComparison() {
    }

    /** The file names the summary counts, in order of appearance (empty when the addenda has no such summary). */
    public static Set<String> comparedFiles(String fileName, InputStream in) {
        Set<String> files = new LinkedHashSet<>();
        TextLines.read(fileName, in, TextLines.WINDOWS_1252, (number, line) -> {
            Matcher m = COUNT_IN_FILE.matcher(line);
            if (m.matches()) {
                files.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        });
        return files;
    }

    /** Whether the summary compares one file with itself: the addenda of a mid-year re-issue. */
    public static boolean comparesOneFile(String fileName, InputStream in) {
        return comparedFiles(fileName, in).size() == 1;
    }
}
