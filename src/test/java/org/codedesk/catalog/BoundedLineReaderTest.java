package org.codedesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Lines as BufferedReader reads them (LF, CR LF, CR, a last line without a break), and a bound that names the line. */
class BoundedLineReaderTest {

    private static List<String> lines(String text, int max) {
        BoundedLineReader reader = new BoundedLineReader(new StringReader(text), max, (line, reason) -> new IllegalStateException(line + ": " + reason));
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(reader.lineNumber() + "=" + line);
        }
        return lines;
    }

    @Test
    void readsLinesAsBufferedReaderDoes() {
        assertThat(lines("a\nb\r\nc\rd", 10)).containsExactly("1=a", "2=b", "3=c", "4=d");
        assertThat(lines("a\n\n\r\nb\n", 10)).containsExactly("1=a", "2=", "3=", "4=b");
        assertThat(lines("", 10)).isEmpty();
        assertThat(lines("\r", 10)).containsExactly("1=");
    }

    @Test
    void aLineAtTheBoundIsReadAndALongerOneIsRefusedWithItsNumber() {
        assertThat(lines("12345\n123", 5)).containsExactly("1=12345", "2=123");
        assertThatThrownBy(() -> lines("ok\n123456\n", 5)).isInstanceOf(IllegalStateException.class)
                .hasMessage("2: line longer than 5 characters: not the published format (a file without line breaks, or not a text file)");
    }

    @Test
    void aCrLfSplitAcrossTheBufferIsOneLineBreak() {
        String first = "x".repeat(8191);
        assertThat(lines(first + "\r\nnext", 10_000)).containsExactly("1=" + first, "2=next");
    }
}
