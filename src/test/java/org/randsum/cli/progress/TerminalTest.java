package org.randsum.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TerminalTest {
    private static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

    @Test
    void pseudoTerminalIsATerminal() {
        assertTrue(Terminal.stderrIsTerminal(XTERM, "/dev/pts/3"));
    }

    @Test
    void consoleTtyIsATerminal() {
        assertTrue(Terminal.stderrIsTerminal(XTERM, "/dev/tty2"));
    }

    @Test
    void fileIsNot() {
        assertFalse(Terminal.stderrIsTerminal(XTERM, "/tmp/err.log"));
    }

    @Test
    void pipeIsNot() {
        assertFalse(Terminal.stderrIsTerminal(XTERM, "pipe:[123456]"));
    }

    @Test
    void devNullIsNot() {
        assertFalse(Terminal.stderrIsTerminal(XTERM, "/dev/null"));
    }

    @Test
    void unknownTargetIsNot() {
        assertFalse(Terminal.stderrIsTerminal(XTERM, null));
    }

    @Test
    void launcherSaysYesThroughItsPipe() {
        assertTrue(Terminal.stderrIsTerminal(Map.of("TERM", "screen", Terminal.STDERR_TTY_ENV, "1"), "pipe:[7]"));
    }

    @Test
    void launcherSaysNoOverTheTarget() {
        assertFalse(Terminal.stderrIsTerminal(Map.of("TERM", "screen", Terminal.STDERR_TTY_ENV, "0"), "/dev/pts/1"));
    }

    @Test
    void dumbTerminalGetsNoLine() {
        assertFalse(Terminal.stderrIsTerminal(Map.of("TERM", "dumb"), "/dev/pts/1"));
    }

    @Test
    void noTermGetsNoLine() {
        assertFalse(Terminal.stderrIsTerminal(Map.of(), "/dev/pts/1"));
    }

    @Test
    void columnsFromTheEnvironment() {
        assertEquals(132, Terminal.parseColumns("132"));
    }

    @Test
    void badColumnsGiveTheDefault() {
        assertEquals(80, Terminal.parseColumns("wide"));
    }
}
