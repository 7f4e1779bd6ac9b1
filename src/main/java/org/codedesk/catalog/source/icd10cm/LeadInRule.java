package org.codedesk.catalog.source.icd10cm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which notes of a group are lead-ins and which notes are their items.
 *
 * <p>A group is the list of notes one XML element holds ({@code <codeFirst>}, {@code <excludes1>}...), in book
 * order. The XML keeps no trace of the book's indentation, so the rule reads the text:
 * <ol>
 *   <li>a note is a lead-in when its text ends with ':' and at least one item follows it in the group
 *       ("code to identify:", ", for adverse effects, the nature of the adverse effect, such as:",
 *       "angiostrongyliasis due to:");</li>
 *   <li>the notes after a lead-in are its items up to the next lead-in or the end of the group;</li>
 *   <li>except in the lists the book sorts alphabetically (inclusion terms, Includes, Excludes1, Excludes2),
 *       where the items end before the first note that sorts before the item just above it and not before the
 *       lead-in itself: that note is back at the level of the list (C41.0 Excludes2 "carcinoma, any type except
 *       intraosseous or odontogenic of:" takes "maxillary sinus (C31.0)" and "upper jaw (C03.0)", then
 *       "malignant neoplasm of jaw bone (lower) (C41.1)" is an Excludes2 of its own).</li>
 * </ol>
 * A note starting with ',' (", if applicable, toxic effects ... (T51-T65)") is written right after its header
 * ("Code first, if applicable, ..."); that alone does not make it a lead-in.
 *
 * <p>Limits, checked against the FY2017 XML: one level of items only (I41's "Chagas' disease (chronic)" has its
 * own sub-item "acute", read as a plain item); items printed out of alphabetical order end the list early (I68.2
 * "syphilis" after "systemic lupus erythematosus"); a note of the outer list that sorts after the last item is
 * read as an item (R52 "renal colic (N23)" after "tooth pain (K08.8)"). Stateless and thread-safe.
 */
public final class LeadInRule {

    private LeadInRule() {
    }

    /** The note kinds whose lists the book prints in alphabetical order. */
    public static boolean isAlphabetical(NoteKind kind) {
        return kind == NoteKind.INCLUSION_TERM || kind == NoteKind.INCLUDES
                || kind == NoteKind.EXCLUDES1 || kind == NoteKind.EXCLUDES2;
    }

    /** Whether the text asks for items (ends with ':'); it is a lead-in only if an item follows. */
    public static boolean opensItems(String text) {
        return text.strip().endsWith(":");
    }

    /**
     * Whether {@code next} is still an item of {@code leadIn}, coming after {@code previousItem} ({@code null}
     * when the lead-in has no item yet) in a group of the given kind.
     */
    public static boolean continuesItems(NoteKind kind, String leadIn, String previousItem, String next) {
        if (opensItems(next)) {
            return false;
        }
        if (!isAlphabetical(kind) || previousItem == null) {
            return true;
        }
        String key = sortKey(next);
        return key.compareTo(sortKey(previousItem)) >= 0 || key.compareTo(sortKey(leadIn)) < 0;
    }

    /**
     * Applies the rule to one group: returns its notes, in the same order, with {@code leadIn} and
     * {@code leadInSequence} set (any values they had are replaced).
     */
    public static List<InstructionalNote> mark(List<InstructionalNote> group) {
        int size = group.size();
        boolean[] leadIns = new boolean[size];
        int[] itemOf = new int[size];
        int i = 0;
        while (i < size) {
            InstructionalNote candidate = group.get(i);
            int j = i + 1;
            if (opensItems(candidate.text())) {
                String previous = null;
                while (j < size && continuesItems(candidate.kind(), candidate.text(), previous, group.get(j).text())) {
                    itemOf[j] = candidate.sequence();
                    previous = group.get(j).text();
                    j++;
                }
                leadIns[i] = j > i + 1;
            }
            i = j;
        }
        List<InstructionalNote> marked = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            InstructionalNote n = group.get(k);
            marked.add(new InstructionalNote(n.owner(), n.kind(), n.text(), n.sequence(), leadIns[k], itemOf[k], n.since()));
        }
        return marked;
    }

    /** Lower case, without accents and without the punctuation or parentheses a note may start with. */
    static String sortKey(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < folded.length() && !Character.isLetterOrDigit(folded.charAt(start))) {
            start++;
        }
        return folded.substring(start);
    }
}
