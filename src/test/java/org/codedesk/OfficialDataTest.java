package org.codedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A real-data test skips only when CODEDESK_DATA_DIR is unset; with it set, a missing file is a failure, not a skip. */
class OfficialDataTest {

    @Test
    void aMissingFileFailsWhenTheDataDirectoryIsSet(@TempDir Path data) {
        assertThatThrownBy(() -> OfficialData.file(data.toString(), "hcpcs/2025/HCPC2025_OCT_ANWEB.xlsx"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("is missing");
    }

    @Test
    void aPresentFileIsFound(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("present.txt"), "x");
        assertThat(OfficialData.file(data.toString(), "present.txt")).isEqualTo(data.resolve("present.txt"));
    }

    @Test
    void anUnsetDirectorySkips() {
        assertThatThrownBy(() -> OfficialData.file(null, "anything")).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> OfficialData.dir("  ")).isInstanceOf(TestAbortedException.class);
    }
}
