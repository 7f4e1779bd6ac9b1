package org.codedesk.catalog.web;

import java.time.LocalDate;
import java.util.Optional;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.content.LicensedDescriptors;
import org.springframework.stereotype.Component;

/** The licensed CPT descriptors the operator imported, as the content module asks for them. */
@Component
class CatalogLicensedDescriptors implements LicensedDescriptors {

    private final Catalog catalog;

    CatalogLicensedDescriptors(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<String> licensedDescriptor(String system, String code) {
        if (!CodeSystem.CPT.slug().equals(system)) {
            return Optional.empty();
        }
        return catalog.page(CodeSystem.CPT, code, LocalDate.now()).map(CodePage::longDescription);
    }
}
