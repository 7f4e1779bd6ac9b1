package org.codedesk.assistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codedesk.catalog.Catalog;
import org.codedesk.catalog.CodeSystem;
import org.codedesk.edits.Edits;

/**
 * The last step before an answer is shown: every code-like token is looked up, and one that no imported
 * release or table has is flagged in the text and listed in {@link Answer#unverified()}. Codes the user asked
 * about are exempt (the answer discusses them), as are statements quoting official or curated text (tabular
 * notes, the modifier reference) and GEM lines (their ICD-9-CM codes come from the GEM file; CodeDesk has no
 * ICD-9-CM code set), which may name codes of other releases. Thread-safe.
 */
final class CodeVerifier {

    // as answers write codes: ICD-10-CM with its dot, CPT/HCPCS five characters, ICD-10-PCS seven
    private static final Pattern CODE = Pattern.compile("\\b([A-Z]\\d[0-9A-Z]\\.[0-9A-Z]{1,4}|" + CodeSystem.CPT_CODE + "|[A-Z]\\d{4}|[0-9][0-9A-HJ-NP-Z]{6})\\b");

    private final Catalog catalog;
    private final Edits edits;
    private final org.codedesk.coverage.Coverage coverage;

    CodeVerifier(Catalog catalog, Edits edits, org.codedesk.coverage.Coverage coverage) {
        this.catalog = catalog;
        this.edits = edits;
        this.coverage = coverage;
    }

    /** CodeDesk's own answer: statements quoting official or curated text are exempt; other codes must exist in its data. */
    Answer verify(Answer answer) {
        return check(answer, QUOTED, asked(answer.question()),
                token -> exists(token.replace(".", "")) ? Optional.empty() : Optional.of("is not a code in CodeDesk's data"));
    }

    /**
     * For a model's answer: no statement is exempt; a code must appear in one of the sources the model was given, or
     * be valid on the date of service in the release in force.
     */
    Answer verifyStrictly(Answer written, Answer sources) {
        Set<String> grounded = asked(written.question());
        sources.statements().forEach(s -> codes(s.text()).forEach(code -> grounded.add(code.replace(".", ""))));
        return check(written, s -> false, grounded, token -> problemOn(token, written.dateOfService()));
    }

    private static final Predicate<Answer.Statement> QUOTED = s -> s.citations().stream().anyMatch(c -> c.source().endsWith("tabular")
            || c.source().contains("modifier reference") || c.source().startsWith("GEMs") || c.source().contains("Official Guidelines"));

    /** Flags, in each statement not exempt, every code that is not grounded and has a problem; lists them as unverified. */
    private Answer check(Answer answer, Predicate<Answer.Statement> exempt, Set<String> grounded, Function<String, Optional<String>> problem) {
        Set<String> unverified = new LinkedHashSet<>();
        List<Answer.Statement> statements = new ArrayList<>();
        for (Answer.Statement s : answer.statements()) {
            Map<String, List<String>> byProblem = new LinkedHashMap<>();
            if (!exempt.test(s)) {
                for (String code : codes(s.text())) {
                    if (!grounded.contains(code.replace(".", ""))) {
                        problem.apply(code).ifPresent(p -> byProblem.computeIfAbsent(p, k -> new ArrayList<>()).add(code));
                    }
                }
            }
            byProblem.values().forEach(unverified::addAll);
            statements.add(byProblem.isEmpty() ? s : new Answer.Statement(s.text() + " [Not verified: " + byProblem.entrySet().stream()
                    .map(e -> String.join(", ", e.getValue()) + " " + e.getKey()).collect(Collectors.joining("; ")) + "; do not report it.]",
                    s.citations()));
        }
        return new Answer(answer.question(), answer.dateOfService(), answer.intent(), statements, answer.missing(), List.copyOf(unverified),
                answer.engine(), answer.notices());
    }

    private static List<String> codes(String text) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /**
     * Why a code may not be reported on the date (empty when it may): the release in force decides. The token's
     * form tells its system: ICD-10-CM is written with its dot, ICD-10-PCS has seven characters, CPT and HCPCS five.
     */
    private Optional<String> problemOn(String token, java.time.LocalDate date) {
        String key = token.replace(".", "");
        List<CodeSystem> systems = token.contains(".") ? List.of(CodeSystem.ICD10CM)
                : key.length() == 7 ? List.of(CodeSystem.ICD10PCS) : List.of(CodeSystem.CPT, CodeSystem.HCPCS);
        for (CodeSystem system : systems) {
            if (!system.isWellFormed(key)) {
                continue;
            }
            var status = catalog.status(system, List.of(key), date).get(key);
            switch (status.validity()) {
                case VALID -> { return Optional.empty(); }
                case NOT_BILLABLE -> { return Optional.of("is not billable on " + date + " (" + status.detail() + ")"); }
                case NO_RELEASE -> {
                    if (edits.mentions(key)) {
                        return Optional.empty();
                    }
                }
                case NOT_IN_RELEASE -> { }
            }
        }
        return Optional.of("is not a valid code on " + date);
    }

    /** The codes a question names, as keys: whole tokens, so that S72.00 is not "asked" because S72.001A was. */
    private static Set<String> asked(String question) {
        Set<String> keys = new java.util.HashSet<>();
        for (String token : question.toUpperCase(Locale.ROOT).split("[^A-Z0-9.]+")) {
            keys.add(token.replaceAll("\\.+$", "").replace(".", ""));
        }
        return keys;
    }

    private boolean exists(String key) {
        for (CodeSystem system : CodeSystem.values()) {
            if (system.isWellFormed(key) && catalog.known(system, List.of(key)).contains(key)) {
                return true;
            }
        }
        return edits.mentions(key) || coverage.mentions(key);
    }
}
