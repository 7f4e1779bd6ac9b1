package org.codedesk.edits;

import java.util.List;

/** Published after an import wrote one or more edits releases (labels), so that caches can be dropped. */
public record EditsChanged(List<String> releases) { }
