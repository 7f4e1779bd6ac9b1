package org.codedesk.content;

import java.util.Optional;

/**
 * Where the content module gets the explanation CodeDesk generated for a code from the official definitions, offered to
 * an editor as the starting draft of their own. Implemented by the catalog, which owns the code pages.
 */
public interface GeneratedDrafts {

    /** The generated text of the code as Markdown (one sentence a line), empty when there is no such code. */
    Optional<String> draft(String system, String code);
}
