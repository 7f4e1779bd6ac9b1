package org.codedesk.edits.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditsFileExceptionTest {

    @Test
    void messageNamesFileLineAndReason() {
        EditsFileException e = new EditsFileException("ccipra-v321r0-f1.txt", 42, "bad date");

        assertThat(e).hasMessage("ccipra-v321r0-f1.txt:42: bad date");
        assertThat(e.file()).isEqualTo("ccipra-v321r0-f1.txt");
        assertThat(e.line()).isEqualTo(42);
        assertThat(e.reason()).isEqualTo("bad date");
    }

    @Test
    void omitsUnknownLine() {
        assertThat(new EditsFileException("GPCI2025.csv", 0, "no header")).hasMessage("GPCI2025.csv: no header");
    }
}
