package org.codedesk.coverage;

import java.util.List;

/**
 * Whether the diagnoses on a claim support a procedure, per document that governs it.
 *
 * @param diagnosis the diagnosis that decided (the supporting one, or the denied one); null when none is listed
 */
public record Necessity(String procedure, Outcome outcome, String diagnosis, String message, List<CoverageDocument> documents) {

    public enum Outcome {
        /** A diagnosis on the claim is covered by every document that governs the procedure. */
        SUPPORTED,
        /** A document denies the procedure for the diagnoses given (never covered). */
        DENIED,
        /** No diagnosis on the claim supports medical necessity under the document: an ABN may be needed. */
        NOT_REASONABLE_AND_NECESSARY,
        /** No loaded NCD or article governs the procedure. */
        NOT_GOVERNED
    }
}
