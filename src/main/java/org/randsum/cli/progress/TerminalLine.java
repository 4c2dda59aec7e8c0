package org.randsum.cli.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.OptionalDouble;
import java.util.function.IntSupplier;

/**
 * The progress line on stderr, redrawn in place ({@code \r}, the text, erase to the end of the
 * line) by the thread that follows the run, about twice a second. Everything else written to
 * stderr during the run goes through {@link #stream()} (and {@code System.err}, while the line is
 * on), which erases the line first, so a warning or an error is on a line of its own; the line is
 * drawn again only at the start of a line, at the next update. {@link #close()} erases it, also
 * when the JVM exits on a signal, before the result is printed on stdout.
 *
 * <p>{@link #off} is the same object doing nothing: its stream is stderr itself.
 */
public final class TerminalLine implements AutoCloseable {
    /** How often the following thread updates the line. */
    public static final long REFRESH_MILLIS = 500;
    /** The terminal's width is asked again after this many updates (a resize shows within seconds). */
    private static final int WIDTH_EVERY = 10;
    private static final String ERASE = "\r\033[K";

    private final PrintStream err;
    private final boolean on;
    private final IntSupplier columns;
    private final RateWindow rate = new RateWindow(RateWindow.DEFAULT_WINDOW_NANOS);
    private final PrintStream stream;
    private final PrintStream systemErr;
    private final Thread exitHook;
    // Guarded by this.
    private boolean shown;
    private boolean atLineStart = true;
    private boolean closed;
    private volatile boolean exiting;
    private int updates;
    private int width;

    private TerminalLine(PrintStream err, boolean on, IntSupplier columns) {
        this.err = err;
        this.on = on;
        this.columns = columns;
        this.stream = on ? new PrintStream(new Guarded(), true) : err;
        this.systemErr = System.err;
        this.exitHook = on ? new Thread(this::exit, "randsum-progress-line-exit") : null;
    }

    /** A line that is never drawn: stderr as it is. */
    public static TerminalLine off(PrintStream err) {
        return new TerminalLine(err, false, () -> ProgressLine.DEFAULT_COLUMNS);
    }

    /** The line on {@code err}, a terminal {@code columns} wide; {@code System.err} is routed through it until {@link #close()}. */
    public static TerminalLine on(PrintStream err, IntSupplier columns) {
        TerminalLine line = new TerminalLine(err, true, columns);
        System.setErr(line.stream);
        Runtime.getRuntime().addShutdownHook(line.exitHook);
        return line;
    }

    public boolean isOn() {
        return on;
    }

    /** Stderr for the run's other messages: with the line on, each write erases the line first. */
    public PrintStream stream() {
        return stream;
    }

    /** Draws the line for {@code state} (rate and time left from the states seen so far). */
    public void update(ProgressState state) {
        if (!on) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            rate.add(state.elapsedNanos(), state.done());
            if (updates++ % WIDTH_EVERY == 0) {
                width = columns.getAsInt();
            }
            if (!atLineStart) {
                return; // someone's line is half written: draw at the next update
            }
            err.print("\r" + ProgressLine.render(state, rate.perSecond(), width) + "\033[K");
            err.flush();
            shown = true;
        }
    }

    /** The rate the line shows now (values a second), for tests and callers that report it. */
    public synchronized OptionalDouble rate() {
        return rate.perSecond();
    }

    /** Erases the line now; the next {@link #update} draws it again. */
    public synchronized void erase() {
        if (shown) {
            err.print(ERASE);
            err.flush();
            shown = false;
        }
    }

    /** Whether the JVM is exiting (SIGINT, SIGTERM) while the line was on: the run is being stopped. */
    public boolean exiting() {
        return exiting;
    }

    private void exit() {
        exiting = true;
        close();
    }

    /** Erases the line for good and gives {@code System.err} back. */
    @Override
    public void close() {
        if (!on) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            erase();
        }
        if (System.err == stream) {
            System.setErr(systemErr);
        }
        if (Thread.currentThread() != exitHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException exiting) {
                // The JVM is exiting and runs the hook, which finds the line closed.
            }
        }
    }

    /** Stderr with the line erased before each write. */
    private final class Guarded extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return;
            }
            synchronized (TerminalLine.this) {
                erase();
                err.write(bytes, offset, length);
                atLineStart = bytes[offset + length - 1] == '\n';
            }
        }

        @Override
        public void flush() throws IOException {
            err.flush();
        }
    }
}
