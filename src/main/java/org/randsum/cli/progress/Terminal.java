package org.randsum.cli.progress;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether this JVM's stderr is a terminal, and how wide it is. Java has no {@code isatty} for
 * stderr ({@code System.console()} needs stdin and stdout to be terminals, and is null under
 * {@code | head -1}), so:
 * <ul>
 *   <li>{@code RANDSUM_STDERR_TTY=1} or {@code 0} decides, when a launcher set it: {@code scripts/randsum}
 *       does ({@code [[ -t 2 ]]}), because the JVM's stderr is then its filter's pipe;</li>
 *   <li>else, on Linux, where {@code /proc/self/fd/2} points: a terminal is {@code /dev/pts/N},
 *       {@code /dev/ttyN} or {@code /dev/console} ({@code hadoop jar} in a shell);
 *       a file, a pipe or {@code /dev/null} is not; where there is no {@code /proc}, no line.</li>
 * </ul>
 * {@code TERM=dumb} (or unset) turns the line off, as it does colours and cursor movement.
 */
public final class Terminal {
    /** The environment variable a launcher sets to 1 (stderr is a terminal) or 0. */
    public static final String STDERR_TTY_ENV = "RANDSUM_STDERR_TTY";

    private Terminal() {
    }

    /** Whether stderr is a terminal able to redraw a line, from the environment and fd 2's target (null: unknown). */
    public static boolean stderrIsTerminal(Map<String, String> env, String fd2Target) {
        String term = env.get("TERM");
        if (term == null || term.isBlank() || term.equals("dumb")) {
            return false;
        }
        String told = env.get(STDERR_TTY_ENV);
        if (told != null) {
            return told.equals("1");
        }
        return fd2Target != null && (fd2Target.startsWith("/dev/pts/") || fd2Target.matches("/dev/tty[0-9A-Za-z]*")
                || fd2Target.equals("/dev/console"));
    }

    /** This JVM's answer: {@link #stderrIsTerminal(Map, String)} with its environment and {@code /proc/self/fd/2}. */
    public static boolean stderrIsTerminal() {
        String target;
        try {
            target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            target = null;
        }
        return stderrIsTerminal(System.getenv(), target);
    }

    /**
     * The terminal's width: {@code stty size} on the controlling terminal ({@code /dev/tty}), which
     * follows a resize; else {@code COLUMNS}; else {@link ProgressLine#DEFAULT_COLUMNS}.
     */
    public static int columns() {
        int fromStty = sttyColumns();
        if (fromStty > 0) {
            return fromStty;
        }
        return parseColumns(System.getenv("COLUMNS"));
    }

    /** A positive width from {@code text}, or the default. */
    static int parseColumns(String text) {
        try {
            int columns = Integer.parseInt(text == null ? "" : text.strip());
            return columns > 0 ? columns : ProgressLine.DEFAULT_COLUMNS;
        } catch (NumberFormatException e) {
            return ProgressLine.DEFAULT_COLUMNS;
        }
    }

    private static int sttyColumns() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return -1;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = stty.getInputStream().readAllBytes();
            if (!stty.waitFor(2, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                stty.destroy();
                return -1;
            }
            String[] rowsAndColumns = new String(out, StandardCharsets.US_ASCII).strip().split("\\s+");
            return rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
