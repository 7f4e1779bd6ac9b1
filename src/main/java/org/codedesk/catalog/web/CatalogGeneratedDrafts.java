package org.codedesk.catalog.web;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.PlainLanguage;
import org.codedesk.content.GeneratedDrafts;
import org.springframework.stereotype.Component;

/** The generated explanation of a code on today's page, as the editor's starting draft (one sentence a line). */
@Component
class CatalogGeneratedDrafts implements GeneratedDrafts {

    private final Catalog catalog;

    CatalogGeneratedDrafts(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<String> draft(String system, String code) {
        Optional<CodeSystem> codeSystem = CodeSystem.ofSlug(system);
        if (codeSystem.isEmpty() || !codeSystem.get().isWellFormed(codeSystem.get().key(code))) {
            return Optional.empty();
        }
        return catalog.page(codeSystem.get(), code, LocalDate.now()).map(p -> p.plainLanguage())
                .map(p -> p.sentences().stream().map(PlainLanguage.Sentence::text).collect(Collectors.joining("\n")));
    }
}
