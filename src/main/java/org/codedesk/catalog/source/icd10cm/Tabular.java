package org.codedesk.catalog.source.icd10cm;

import java.util.List;

/**
 * The parsed ICD-10-CM tabular: nodes in book order, their notes and their 7th-character definitions. {@code version}
 * is the XML's {@code <version>} ("2017"), or the release label of a tabular rebuilt by {@link TabularAddendaApplier}.
 */
public record Tabular(String version, List<TabularNode> nodes, List<InstructionalNote> notes,
                      List<SeventhCharacter> seventhCharacters) {
}
