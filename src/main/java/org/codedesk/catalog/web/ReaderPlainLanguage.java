package org.codedesk.catalog.web;

import java.util.List;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.PlainLanguage;
import org.codedesk.catalog.plain.ReadingGrade;
import org.codedesk.content.Explanation;
import org.codedesk.content.Explanations;
import org.springframework.stereotype.Component;

/**
 * The plain-language explanation a reader gets with a page in the JSON API: the editors' published one when there is one
 * (source "editor"), else the generated one of the cached page (source "generated"). As on the code page, the text is
 * for members: a guest gets its source and the prompt to register, no sentences.
 */
@Component
class ReaderPlainLanguage {

    static final String REGISTER = "Register to view content";

    private final Explanations explanations;

    ReaderPlainLanguage(Explanations explanations) {
        this.explanations = explanations;
    }

    CodePage forReader(CodePage page, boolean member) {
        java.util.Optional<Explanation> published = explanations.published(page.system().slug(), page.code());
        if (!member) {
            return page.withPlainLanguage(new PlainLanguage(published.isPresent() ? PlainLanguage.EDITOR : PlainLanguage.GENERATED,
                    REGISTER, List.of(), null, 0));
        }
        return published.map(e -> page.withPlainLanguage(editor(e))).orElse(page);
    }

    /**
     * The same for an unlicensed CPT code (no page): the editors' published one, else the one written from its public CMS facts
     * ({@code generated}, null when no facts source is running); a guest gets the prompt.
     */
    PlainLanguage forUnlicensedCpt(String key, PlainLanguage generated, boolean member) {
        java.util.Optional<Explanation> published = explanations.published("cpt", key);
        if (!member) {
            return new PlainLanguage(published.isPresent() ? PlainLanguage.EDITOR : PlainLanguage.GENERATED, REGISTER, List.of(), null, 0);
        }
        return published.map(ReaderPlainLanguage::editor).orElse(generated);
    }

    static PlainLanguage editor(Explanation e) {
        String text = e.html().replaceAll("</?(strong|em|a|code)\\b[^>]*>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        return new PlainLanguage(PlainLanguage.EDITOR, "Written by " + e.byline() + ", published " + e.publishedAt().toString().substring(0, 10),
                List.of(), e.html(), ReadingGrade.of(text));
    }
}
