package org.codedesk.content;

import java.util.Optional;

/**
 * Where the content module learns the licensed descriptor of a code (the CPT text an operator imported), so that an
 * explanation repeating it is refused. Implemented by the catalog, which owns the code sets.
 */
public interface LicensedDescriptors {

    Optional<String> licensedDescriptor(String system, String code);
}
