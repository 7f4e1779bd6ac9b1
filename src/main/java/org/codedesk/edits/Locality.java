package org.codedesk.edits;

import java.math.BigDecimal;

/**
 * A Medicare payment locality with its GPCIs. {@code id} is "MAC-locality" ("01112-05"), unique within a
 * GPCI release; {@code counties} comes from the locality file when one is imported (else empty).
 */
public record Locality(String id, String mac, String state, String number, String name, BigDecimal workGpci,
                       BigDecimal practiceExpenseGpci, BigDecimal malpracticeGpci, String counties, EditsRelease release) { }
