package org.codedesk.catalog.source.pcs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the hand-written PCS fixtures and locates text in them, so tests can assert exact lines. */
final class PcsFixtures {

    private PcsFixtures() {
    }

    static String read(String name) {
        try (InputStream in = PcsFixtures.class.getResourceAsStream("/fixtures/pcs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** 1-based line of the first occurrence of {@code text}. */
    static int lineOf(String xml, String text) {
        int at = xml.indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException("not in fixture: " + text);
        }
        return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
