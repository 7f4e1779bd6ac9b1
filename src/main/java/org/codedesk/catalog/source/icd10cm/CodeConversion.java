package org.codedesk.catalog.source.icd10cm;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of a CDC ICD-10-CM conversion table: a code created since ICD-10-CM took effect, when it took
 * effect, and the code(s) used for the same condition before. Each fiscal year's table repeats all earlier
 * rows, so {@code fiscalYear} is that of the table, not of the code.
 *
 * @param currentCode       upper case, without dot
 * @param previousCodes     upper case, without dots; an entry is either a code ("A047"), a category given as
 *                          "any code in" ("I63" from "I63.-") or a range written "FROM-TO" ("H4420-H4423",
 *                          "T15-T19"); empty when the table says "None"
 * @param previousCodesText the cell as written, e.g. "G56.01 and G56.02"
 */
public record CodeConversion(int fiscalYear, LocalDate effectiveDate, String currentCode,
                             List<String> previousCodes, String previousCodesText) {

    public CodeConversion {
        previousCodes = List.copyOf(previousCodes);
    }
}
