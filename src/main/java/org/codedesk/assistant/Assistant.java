package org.codedesk.assistant;

import java.time.LocalDate;
import java.util.List;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.edits.Edits;
import org.codedesk.edits.Modifiers;
import org.codedesk.search.Search;
import org.springframework.stereotype.Service;

/**
 * The coding assistant's API: answers a question from CodeDesk's own data (catalog, search, NCCI edits, MUE,
 * fee schedule, GEMs, modifiers), every statement with its sources, and says what is missing rather than
 * guessing. Works offline; every code it names comes from the catalog or the edit tables. A guest's answer keeps the
 * code pages' gate: what they show members only is not looked up, and the answer says so ({@link Reader}). Thread-safe.
 */
@Service
public class Assistant {

    private final Catalog catalog;
    private final Modifiers modifiers;
    private final OfflineAnswers answers;
    private final CodeVerifier verifier;

    private final LanguageModel model;

    Assistant(Catalog catalog, Edits edits, Modifiers modifiers, Search search, LanguageModel model,
              org.codedesk.assistant.guidelines.Guidelines guidelines, org.codedesk.coverage.Coverage coverage) {
        this.model = model;
        this.catalog = catalog;
        this.modifiers = modifiers;
        this.answers = new OfflineAnswers(catalog, edits, modifiers, search, guidelines, coverage);
        this.verifier = new CodeVerifier(catalog, edits, coverage);
    }

    private static Interpretation followUp(Interpretation now, Interpretation before) {
        boolean namesNothing = now.procedures().isEmpty() && now.diagnoses().isEmpty() && now.pcs().isEmpty() && now.modifiers().isEmpty();
        if (before == null || !namesNothing) {
            return now;
        }
        Intent intent = now.intent() == Intent.FIND_CODE ? before.intent() : now.intent();
        return new Interpretation(intent, before.procedures(), before.diagnoses(), before.pcs(), before.modifiers(),
                now.date().or(before::date), now.setting(), now.words().isBlank() ? before.words() : now.words(), now.also());
    }

    /** Refuses an empty or overlong question (before it is counted against a quota). */
    public static void requireQuestion(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("Ask a question: a code, a pair of codes, a modifier, a condition to code...");
        }
        if (question.length() > 2000) {
            throw new IllegalArgumentException("A question is at most 2,000 characters; this one has " + question.length() + ".");
        }
    }

    /**
     * Answers a member's question for a date of service (a date written in the question wins; today when neither):
     * consult drafts and the evaluation. Web requests say who reads with {@link #answer(String, LocalDate, Reader)}.
     */
    public Answer answer(String question, LocalDate dateOfService) {
        return answer(question, dateOfService, null, Reader.MEMBER);
    }

    /** Answers the question for its reader: a guest gets the members' gate instead of members' facts. */
    public Answer answer(String question, LocalDate dateOfService, Reader reader) {
        return answer(question, dateOfService, null, reader);
    }

    /**
     * Answers a follow-up in a conversation: a question that names no code or modifier ("and in the hospital?")
     * takes them, and its intent when its own is only a search, from the previous question.
     */
    public Answer answer(String question, LocalDate dateOfService, String previousQuestion, Reader reader) {
        requireQuestion(question);
        LocalDate today = dateOfService == null ? LocalDate.now() : dateOfService;
        QuestionInterpreter interpreter = new QuestionInterpreter(modifiers.known(today),
                key -> catalog.known(CodeSystem.HCPCS, List.of(key)).contains(key));
        Interpretation interpretation = followUp(interpreter.interpret(question), previousQuestion == null ? null : interpreter.interpret(previousQuestion));
        LocalDate date = interpretation.date().orElse(today);
        Answer offline = verifier.verify(answers.answer(question, date, interpretation, reader));
        // a gate is said as it is: a model rewriting it could soften it, or fill it in from what it knows
        if (!model.enabled() || offline.statements().isEmpty() || offline.statements().stream().anyMatch(MembersOnly::isGate)) {
            return offline;
        }
        // the model writes from the offline answer's statements; every code it names is checked like CodeDesk's own
        ToolBox tools = new OfflineTools(answers, interpreter::interpret, reader);
        return model.answer(offline, tools).map(written -> verifier.verifyStrictly(written, offline))
                .orElseGet(() -> new Answer(offline.question(), offline.dateOfService(), offline.intent(), offline.statements(), offline.missing(),
                        offline.unverified(), offline.engine(), java.util.stream.Stream.concat(offline.notices().stream(),
                        java.util.stream.Stream.of("The language model did not answer (failed or took longer than "
                        + model.timeout().toSeconds() + " s): this is CodeDesk's offline answer.")).toList()));
    }
}
