package org.randsum.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What reaches stderr, byte for byte: the line is drawn in place and erased before anything else. */
class TerminalLineTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String ERASE = "\r\033[K";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void offWritesNothingAndItsStreamIsStderr() {
        try (TerminalLine line = TerminalLine.off(err)) {
            line.update(ProgressState.of(5, 10, SECOND, "scalar"));
            assertSame(err, line.stream());
        }
        assertEquals("", written());
    }

    @Test
    void lineIsDrawnInPlaceAndErasedAtClose() {
        PrintStream before = System.err;
        try (TerminalLine line = TerminalLine.on(err, () -> 40)) {
            line.update(ProgressState.of(5, 10, SECOND, "scalar"));
        }
        // 40 columns: kernel, values and elapsed dropped, the bar shrunk to 16 cells (39 characters).
        assertEquals("\r[========>       ]   50.0%  -/s  ? left\033[K" + ERASE, written());
        assertSame(before, System.err);
    }

    @Test
    void otherOutputErasesTheLineFirst() {
        try (TerminalLine line = TerminalLine.on(err, () -> 40)) {
            line.update(ProgressState.of(5, 10, SECOND, "scalar"));
            bytes.reset();
            line.stream().println("randsum: a warning");
        }
        assertEquals(ERASE + "randsum: a warning\n", written());
    }

    @Test
    void systemErrGoesThroughTheLineWhileItIsOn() {
        try (TerminalLine line = TerminalLine.on(err, () -> 40)) {
            line.update(ProgressState.of(5, 10, SECOND, "scalar"));
            bytes.reset();
            System.err.println("WARN something");
        }
        assertEquals(ERASE + "WARN something\n", written());
    }

    @Test
    void noDrawInTheMiddleOfSomeoneElsesLine() {
        try (TerminalLine line = TerminalLine.on(err, () -> 40)) {
            line.stream().print("half a line");
            line.update(ProgressState.of(5, 10, SECOND, "scalar"));
        }
        assertEquals("half a line", written());
    }
}
