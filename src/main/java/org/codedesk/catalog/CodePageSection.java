package org.codedesk.catalog;

/**
 * One section another module adds to a code page: rendered by the Thymeleaf fragment {@code fragment} of
 * {@code template}, which reads its data from {@code model} (exposed to the fragment as {@code s.model}).
 */
public record CodePageSection(String id, String title, String template, String fragment, Object model) { }
