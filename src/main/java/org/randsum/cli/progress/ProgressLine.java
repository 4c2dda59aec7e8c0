package org.randsum.cli.progress;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The text of the progress line, and its arithmetic: percentage, bar, rate, time left, and how the
 * line is cut to fit the terminal's width. Pure: every input is an argument.
 *
 * <pre>
 * [=========&gt;          ]  45.0%  67.5G/150G values  1.21G/s  0:56 elapsed  1:08 left  vector-512
 * </pre>
 *
 * On YARN, the maps and the job's state come before the kernel: {@code maps 3 done 2 running 1
 * pending  RUNNING}. ASCII only, so that any terminal and any JVM encoding shows it.
 */
public final class ProgressLine {
    /** The bar's cells between the brackets on a wide terminal. */
    public static final int BAR_CELLS = 20;
    /** The bar shrinks to this before it is dropped. */
    public static final int MIN_BAR_CELLS = 10;
    /** The width assumed when the terminal's is not known. */
    public static final int DEFAULT_COLUMNS = 80;
    private static final String SEPARATOR = "  ";
    private static final String[] UNITS = {"", "K", "M", "G", "T", "P", "E"};

    /** The parts of the line, in the order they are dropped when it does not fit (the percentage never is). */
    private enum Part { KERNEL, STATE, MAPS, VALUES, ELAPSED, BAR, RATE, LEFT }

    private ProgressLine() {
    }

    /**
     * The line for {@code state} at {@code rate} values a second (empty while unknown), at most
     * {@code columns - 1} characters, so that it never reaches the last column (where a terminal
     * wraps). Parts are dropped, and the bar shrinks, as the width requires.
     */
    public static String render(ProgressState state, OptionalDouble rate, int columns) {
        int max = Math.max(1, (columns > 1 ? columns : DEFAULT_COLUMNS) - 1);
        Set<Part> dropped = EnumSet.noneOf(Part.class);
        int cells = BAR_CELLS;
        while (true) {
            String line = assemble(state, rate, cells, dropped);
            if (line.length() <= max) {
                return line;
            }
            if (!dropped.contains(Part.BAR) && cells > MIN_BAR_CELLS && dropped.containsAll(
                    EnumSet.of(Part.KERNEL, Part.STATE, Part.MAPS, Part.VALUES, Part.ELAPSED))) {
                cells = Math.max(MIN_BAR_CELLS, cells - (line.length() - max));
                continue;
            }
            Part next = null;
            for (Part part : Part.values()) {
                if (!dropped.contains(part)) {
                    next = part;
                    break;
                }
            }
            if (next == null) {
                return line.substring(0, max);
            }
            dropped.add(next);
        }
    }

    private static String assemble(ProgressState s, OptionalDouble rate, int cells, Set<Part> dropped) {
        List<String> parts = new ArrayList<>();
        if (!dropped.contains(Part.BAR)) {
            parts.add(bar(s.done(), s.total(), cells));
        }
        parts.add(String.format(Locale.ROOT, "%5.1f%%", percent(s.done(), s.total())));
        if (!dropped.contains(Part.VALUES)) {
            parts.add(compact(clamp(s.done(), s.total())) + "/" + compact(s.total()) + " values");
        }
        if (!dropped.contains(Part.RATE)) {
            parts.add(rate.isPresent() ? compact(rate.getAsDouble()) + "/s" : "-/s");
        }
        if (!dropped.contains(Part.ELAPSED)) {
            parts.add(duration(s.elapsedNanos() / 1_000_000_000L) + " elapsed");
        }
        if (!dropped.contains(Part.LEFT)) {
            OptionalLong left = secondsLeft(s.done(), s.total(), rate);
            parts.add((left.isPresent() ? duration(left.getAsLong()) : "?") + " left");
        }
        if (s.maps() != null && !dropped.contains(Part.MAPS)) {
            parts.add("maps " + s.maps().done() + " done " + s.maps().running() + " running "
                    + s.maps().pending() + " pending");
        }
        if (s.jobState() != null && !dropped.contains(Part.STATE)) {
            parts.add(s.jobState());
        }
        if (s.kernel() != null && !dropped.contains(Part.KERNEL)) {
            parts.add(s.kernel());
        }
        return String.join(SEPARATOR, parts);
    }

    /** {@code done} within {@code [0, total]}: a counter of a retried task can pass or trail the truth. */
    static long clamp(long done, long total) {
        return Math.max(0, Math.min(done, total));
    }

    /**
     * Percent done, rounded down to a tenth: 100.0 only when every value is summed (and for n = 0),
     * so the line never claims a finished run that is not.
     */
    public static double percent(long done, long total) {
        if (total <= 0) {
            return 100.0;
        }
        long d = clamp(done, total);
        long tenths = (long) Math.floor(d * 1000.0 / total);
        if (d < total) {
            tenths = Math.min(tenths, 999);
        }
        return tenths / 10.0;
    }

    /**
     * {@code [=====>    ]} with {@code cells} cells: one {@code =} per full cell, rounded down, and
     * a {@code >} at the head until the run is done.
     */
    public static String bar(long done, long total, int cells) {
        long d = clamp(done, total);
        int full = total <= 0 || d == total ? cells : (int) Math.min(cells - 1, Math.floor((double) d * cells / total));
        StringBuilder bar = new StringBuilder(cells + 2).append('[');
        bar.append("=".repeat(full));
        if (full < cells) {
            bar.append('>').append(" ".repeat(cells - full - 1));
        }
        return bar.append(']').toString();
    }

    /** Seconds until {@code total} at {@code rate} values a second, rounded up; empty while the rate is unknown or 0. */
    public static OptionalLong secondsLeft(long done, long total, OptionalDouble rate) {
        long remaining = total - clamp(done, total);
        if (remaining == 0) {
            return OptionalLong.of(0);
        }
        if (rate.isEmpty() || rate.getAsDouble() <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil(remaining / rate.getAsDouble()));
    }

    /** {@code m:ss} under an hour, {@code h:mm:ss} under 100 hours, else {@code >99h}. */
    public static String duration(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        if (s < 100 * 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return ">99h";
    }

    /**
     * A count or rate in three significant digits with an SI suffix (K = 10^3 ... E = 10^18):
     * {@code 742}, {@code 1.23K}, {@code 67.5G}, {@code 150G}. Below 1000, the whole number.
     */
    public static String compact(double value) {
        double v = Math.max(0, value);
        if (v < 999.5) {
            return Long.toString(Math.round(v));
        }
        int unit = 0;
        while (unit < UNITS.length - 1 && v >= 999.5) {
            v /= 1000;
            unit++;
        }
        String digits = v < 9.995 ? String.format(Locale.ROOT, "%.2f", v)
                : v < 99.95 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
        return digits + UNITS[unit];
    }
}
