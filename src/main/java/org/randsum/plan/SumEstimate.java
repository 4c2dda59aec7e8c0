package org.randsum.plan;

import java.util.Map;

import org.randsum.contract.ValueRange;

/**
 * How long a plan's maps take to sum, estimated from the kernels' measured speed per thread
 * (docs/benchmarks.md, "Kernels per range and per width": JMH, one thread, the project's AVX-512
 * machine). Each range class takes its slowest measured range; a map's threads are counted as
 * scaling linearly (measured: 1.7x to 2.0x for two). Only the summing: no container or cluster
 * start-up, no other CPU. No Hadoop types, like {@link RunPlan}.
 *
 * <p>The figures are stated once, here; docs/benchmarks.md ("The dry-run estimate") prints the same
 * table, and {@code SumEstimateTest} fails when the two differ. Which kernel runs is {@code
 * KernelSelector}'s decision, never restated here.
 */
public final class SumEstimate {
    /** The range classes, in the order of the docs' table's columns. */
    enum RangeClass { POWER_OF_TWO, NARROW, WIDE, FULL }

    /** ns a value a thread, per kernel name, in {@link RangeClass} order; NaN where the kernel is never chosen. */
    private static final Map<String, double[]> NANOS_PER_VALUE = Map.of(
            "vector-512", new double[] {0.306, 0.540, 0.947, 0.346},
            "vector-256", new double[] {0.928, Double.NaN, Double.NaN, 0.962},
            "scalar", new double[] {0.997, 1.113, 1.449, 0.969});

    private SumEstimate() {
    }

    /** The class of {@code range} the estimate tells apart. */
    static RangeClass rangeClass(ValueRange range) {
        long span = range.span();
        if (span == 0) {
            return RangeClass.FULL;
        }
        if ((span & (span - 1)) == 0) {
            return RangeClass.POWER_OF_TWO;
        }
        return Long.compareUnsigned(span, 1L << 32) <= 0 ? RangeClass.NARROW : RangeClass.WIDE;
    }

    /**
     * Nanoseconds a value a thread for {@code range} by {@code kernel} (a kernel's name: {@code
     * vector-512}, {@code vector-256} or {@code scalar}), as the kernel selector chose it.
     *
     * @throws IllegalArgumentException for a kernel and range that were never measured (the selector never chooses them)
     */
    public static double nanosPerValue(String kernel, ValueRange range) {
        double[] byClass = NANOS_PER_VALUE.get(kernel);
        double nanos = byClass == null ? Double.NaN : byClass[rangeClass(range).ordinal()];
        if (Double.isNaN(nanos)) {
            throw new IllegalArgumentException("no measured speed for the " + kernel + " kernel on " + range);
        }
        return nanos;
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
