package org.codedesk.search.query;

import java.util.List;

/**
 * What a query was understood to ask: a code or code prefix, a range of categories, and/or text. {@code texts}
 * holds the text to search, rewritten first (abbreviations and lay words in clinical wording) then as typed;
 * {@code notes} says, in words, every rewriting so the user sees why the results are what they are.
 */
public record Interpretation(String query, String codeKey, String rangeFrom, String rangeTo, List<String> texts, List<String> notes) {

    public boolean isEmpty() {
        return codeKey == null && rangeFrom == null && texts.isEmpty();
    }
}
