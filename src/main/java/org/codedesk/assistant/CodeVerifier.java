package org.codedesk.assistant;

import java.util.ArrayList;
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
    private static final Pattern CODE = Pattern.compile("\\b([A-Z]\\d[0-9A-Z]\\.[0-9A-Z]{1,4}|\\d{4}[0-9FTU]|[A-Z]\\d{4}|[0-9][0-9A-HJ-NP-Z]{6})\\b");

    private final Catalog catalog;
    private final Edits edits;

    CodeVerifier(Catalog catalog, Edits edits) {
        this.catalog = catalog;
        this.edits = edits;
    }

    Answer verify(Answer answer) {
        String asked = answer.question().toUpperCase(Locale.ROOT).replace(".", "");
        Set<String> unverified = new LinkedHashSet<>();
        List<Answer.Statement> statements = new ArrayList<>();
        for (Answer.Statement s : answer.statements()) {
            if (s.citations().stream().anyMatch(c -> c.source().endsWith("tabular") || c.source().contains("modifier reference")
                    || c.source().startsWith("GEMs"))) {
                statements.add(s);
                continue;
            }
            List<String> flagged = new ArrayList<>();
            Matcher m = CODE.matcher(s.text());
            while (m.find()) {
                String code = m.group(1);
                String key = code.replace(".", "");
                if (!asked.contains(key) && !exists(key)) {
                    flagged.add(code);
                }
            }
            unverified.addAll(flagged);
            statements.add(flagged.isEmpty() ? s : new Answer.Statement(s.text() + " [Not verified: " + String.join(", ", flagged)
                    + " is not a code in CodeDesk's data; do not report it.]", s.citations()));
        }
        return new Answer(answer.question(), answer.dateOfService(), answer.intent(), statements, answer.missing(), List.copyOf(unverified));
    }

    private boolean exists(String key) {
        for (CodeSystem system : CodeSystem.values()) {
            if (system.isWellFormed(key) && catalog.known(system, List.of(key)).contains(key)) {
                return true;
            }
        }
        return edits.mentions(key);
    }
}
