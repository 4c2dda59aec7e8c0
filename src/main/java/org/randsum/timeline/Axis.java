package org.randsum.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A time axis in seconds: a tick every 1, 2 or 5 x 10^k seconds, about as many ticks as asked for,
 * its ends rounded out to a tick so that the first and the last bar never touch the frame.
 */
record Axis(double lo, double hi, double step) {

    /** The axis over [lo, hi] seconds with about {@code ticks} ticks (a span of nothing gets one second). */
    static Axis of(double lo, double hi, int ticks) {
        double span = hi > lo ? hi - lo : 1;
        double step = step(span / Math.max(1, ticks));
        // The epsilon keeps a bound that is already on a tick from moving out by a whole step.
        double first = Math.floor(lo / step + 1e-9) * step;
        double last = Math.ceil((lo + span) / step - 1e-9) * step;
        return new Axis(first, Math.max(last, first + step), step);
    }

    /** The smallest 1, 2 or 5 x 10^k at least {@code raw} (raw > 0). */
    static double step(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int mantissa : new int[] {1, 2, 5}) {
            if (mantissa * magnitude >= raw * (1 - 1e-9)) {
                return mantissa * magnitude;
            }
        }
        return 10 * magnitude;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((hi - lo) / step);
        for (long i = 0; i <= count; i++) {
            ticks.add(lo + i * step); // multiplied, not added up, so no rounding error builds up
        }
        return ticks;
    }

    /** A tick's label, with as many decimals as the step needs (0.2 s steps: one). */
    String label(double seconds) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", seconds);
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }
}
