package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.codedesk.catalog.importing.CatalogImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The search index is a cache of the catalog: a folder damaged by a crash is deleted and built again, not an error. */
@SpringBootTest(properties = "codedesk.home=target/test-data-damaged")
class DamagedIndexTest {

    @Autowired SearchIndexes indexes;
    @Autowired CatalogImporter importer;

    @Test
    void aDamagedIndexFolderIsRebuilt() throws IOException {
        importer.importPaths(List.of(Path.of("src/test/resources/fixtures/releases")));
        String key = indexes.rebuild().orElseThrow().key();
        Path folder = Path.of("target/test-data-damaged/search", key);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path segment : files.filter(f -> f.getFileName().toString().endsWith(".si")).toList()) {
                Files.delete(segment);
            }
        }
        assertThat(indexes.rebuild()).hasValueSatisfying(index -> assertThat(index.key()).isEqualTo(key));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.anyMatch(f -> f.getFileName().toString().endsWith(".si"))).isTrue();
        }
    }
}
