package org.randsum.cli.progress;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * The summing rate over the last few seconds: the values added between the oldest sample still in
 * the window and the newest, divided by the time between them. A window, not the whole run's
 * average, so that a YARN job's start-up (seconds of no values) does not drag the rate and the time
 * left for the rest of the run. Pure; fed from one thread.
 */
public final class RateWindow {
    /** How long a stretch the rate is measured over. */
    public static final long DEFAULT_WINDOW_NANOS = 10_000_000_000L;
    /** Below this span the rate is not yet known (a single step of a counter is no rate). */
    public static final long MIN_SPAN_NANOS = 1_000_000_000L;

    private record Sample(long nanos, long done) {
    }

    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public RateWindow(long windowNanos) {
        if (windowNanos < MIN_SPAN_NANOS) {
            throw new IllegalArgumentException("window shorter than " + MIN_SPAN_NANOS + " ns: " + windowNanos);
        }
        this.windowNanos = windowNanos;
    }

    /** Adds a sample: {@code done} values at time {@code nanos} (never earlier than the last sample). */
    public void add(long nanos, long done) {
        samples.addLast(new Sample(nanos, done));
        // Keep one sample at or before the window's start, so the span covers the whole window.
        while (samples.size() > 2) {
            Sample second = samples.stream().skip(1).findFirst().orElseThrow();
            if (nanos - second.nanos() < windowNanos) {
                break;
            }
            samples.removeFirst();
        }
    }

    /** Values a second over the window, once the samples span at least {@link #MIN_SPAN_NANOS}. */
    public OptionalDouble perSecond() {
        if (samples.size() < 2) {
            return OptionalDouble.empty();
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long span = last.nanos() - first.nanos();
        if (span < MIN_SPAN_NANOS) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, last.done() - first.done()) * 1e9 / span);
    }
}
