package org.codedesk.catalog;

import java.util.Collection;
import java.util.List;

import org.codedesk.catalog.plain.PlainLanguageCheck;
import org.codedesk.catalog.plain.PlainLanguageWriter;

/**
 * The plain-language explanation of an unlicensed CPT code, written from its public CMS facts only (never from the AMA
 * descriptor), and its check: the entry point other modules (the edits module, which reads those facts) use.
 */
public final class CptPlainLanguage {

    private CptPlainLanguage() {
    }

    public static PlainLanguage explain(CptPublicFacts facts) {
        return PlainLanguageWriter.cpt(facts);
    }

    /**
     * What in the text disagrees with the facts, or repeats one of the {@code descriptors} (descriptor texts the CMS files
     * carry for the code, which must never appear); empty when none.
     */
    public static List<String> problems(CptPublicFacts facts, PlainLanguage plain, Collection<String> descriptors) {
        return PlainLanguageCheck.cptProblems(facts, plain, descriptors);
    }
}
