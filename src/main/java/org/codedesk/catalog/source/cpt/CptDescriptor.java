package org.codedesk.catalog.source.cpt;

/** A CPT code with its descriptor from the operator's licensed AMA file. */
public record CptDescriptor(String code, String descriptor) {
}
