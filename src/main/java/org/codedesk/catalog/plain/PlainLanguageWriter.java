package org.codedesk.catalog.plain;

import java.util.List;

import org.codedesk.catalog.CodePage;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.catalog.PlainLanguage;
import org.codedesk.catalog.PlainLanguage.Sentence;

/**
 * Writes the generated plain-language explanation of an assembled code page, from the page's official facts only (a pure
 * function of the page, so it is computed once when the page is assembled and cached with it). CPT descriptors are the
 * AMA's: they are never reworded, and a CPT page gets only what the code number itself says.
 */
public final class PlainLanguageWriter {

    private PlainLanguageWriter() {
    }

    public static PlainLanguage write(CodePage page) {
        List<Sentence> sentences = switch (page.system()) {
            case ICD10CM -> CmExplainer.explain(page);
            case ICD10PCS -> PcsExplainer.explain(page);
            case HCPCS -> CodeSystem.isCptCode(page.key()) ? cpt() : HcpcsExplainer.explain(page);
            case CPT -> cpt();
        };
        return of(sentences);
    }

    /** A generated explanation of the given sentences, with its reading grade. */
    public static PlainLanguage of(List<Sentence> given) {
        List<Sentence> sentences = Abbreviations.explainOnce(given);
        PlainLanguage draft = new PlainLanguage(PlainLanguage.GENERATED, PlainLanguage.GENERATED_LABEL, List.copyOf(sentences), null, 0);
        return new PlainLanguage(draft.source(), draft.label(), draft.sentences(), null, ReadingGrade.of(draft.text()));
    }

    /** An unlicensed CPT code, from its public CMS facts only (no descriptor is read). */
    public static PlainLanguage cpt(org.codedesk.catalog.CptPublicFacts facts) {
        PlainLanguage plain = of(CptExplainer.explain(facts));
        return new PlainLanguage(plain.source(), CPT_LABEL, plain.sentences(), null, plain.readingGrade());
    }

    /** The byline of an unlicensed CPT text: written from the public Medicare files, not from any AMA text. */
    public static final String CPT_LABEL = "Written by CodeDesk from the public Medicare files (no AMA text)";

    private static List<Sentence> cpt() {
        return List.of(new Sentence("This is a CPT (Current Procedural Terminology) code of the American Medical Association:"
                + " CodeDesk does not reword its description.", "code", "CPT"));
    }
}
