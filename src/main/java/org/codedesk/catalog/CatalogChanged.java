package org.codedesk.catalog;

import java.util.List;

/** Published after an import wrote at least one release, so derived caches (the search index) rebuild. */
public record CatalogChanged(List<String> releases) {
}
