package org.codedesk;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The official data files of the tests that read them ({@code CODEDESK_DATA_DIR}, set in CI to the shared data): a test
 * is skipped, and reported so, only when the variable is not set; when it is set, a file that is not there fails the
 * test, so that a moved or renamed file cannot turn a real-data test into a silent skip.
 */
public final class OfficialData {

    public static final String VARIABLE = "CODEDESK_DATA_DIR";

    private OfficialData() {
    }

    /** The data directory; skips the test when {@code CODEDESK_DATA_DIR} is not set. */
    public static Path dir() {
        return dir(System.getenv(VARIABLE));
    }

    /** A file or folder under the data directory: skips when the variable is not set, fails when it is and the file is missing. */
    public static Path file(String relative) {
        return file(System.getenv(VARIABLE), relative);
    }

    static Path dir(String value) {
        assumeTrue(value != null && !value.isBlank(), VARIABLE + " is not set: official data files not available");
        return Path.of(value);
    }

    static Path file(String value, String relative) {
        Path file = dir(value).resolve(relative);
        if (!Files.exists(file)) {
            fail(VARIABLE + " is " + value + " but " + file + " is missing: the test would be skipped silently; restore the file"
                    + " or update the test");
        }
        return file;
    }
}
