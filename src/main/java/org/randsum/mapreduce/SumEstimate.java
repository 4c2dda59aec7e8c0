package org.randsum.mapreduce;

import org.randsum.contract.ValueRange;

/**
 * How long a plan's maps take to sum, estimated from the kernels' measured speed per thread
 * (docs/benchmarks.md, "Kernels per range and per width": JMH, one thread, the project's AVX-512
 * machine). Each range class takes its slowest measured range; a map's threads are counted as
 * scaling linearly (measured: 1.7x to 2.0x for two). Only the summing: no container or cluster
 * start-up, no other CPU. No Hadoop types, like {@link RunPlan}.
 */
public final class SumEstimate {
    private SumEstimate() {
    }

    /**
     * Nanoseconds a value a thread for {@code range}: by the vector kernel at {@code vectorBits}
     * (512, or 256 for the power-of-two spans it runs there), or by the scalar kernel ({@code vector} false).
     */
    public static double nanosPerValue(boolean vector, int vectorBits, ValueRange range) {
        long span = range.span();
        boolean full = span == 0;
        boolean powerOfTwo = !full && (span & (span - 1)) == 0;
        boolean narrow = !full && Long.compareUnsigned(span, 1L << 32) <= 0;
        if (vector && vectorBits < 512) {
            return 0.902; // default range at 256 bits, the only class the 256-bit kernel is chosen for
        }
        if (vector) {
            return full ? 0.346 : powerOfTwo ? 0.306 : narrow ? 0.540 : 0.947;
        }
        return full ? 0.969 : powerOfTwo ? 0.997 : narrow ? 1.113 : 1.449;
    }

    /** The waves of {@code wave} maps at once that {@code plan}'s maps need. */
    public static long waves(RunPlan plan, long wave) {
        return (plan.maps() + wave - 1) / wave;
    }

    /** Seconds of summing: each wave as long as its largest map, ceil(n / maps) values at T threads. */
    public static double seconds(RunPlan plan, long wave, double nanosPerValue) {
        if (plan.n() == 0) {
            return 0;
        }
        double largestMap = Math.ceil((double) plan.n() / plan.maps());
        return waves(plan, wave) * largestMap * nanosPerValue / plan.threads() / 1e9;
    }
}
