package org.randsum.contract;

/**
 * The inclusive range {@code [min, max]} values are mapped into. {@code span = max - min + 1}
 * modulo 2^64, where 0 stands for the full signed 64-bit range.
 */
public record ValueRange(long min, long max) {
    public static final long DEFAULT_MIN = 0;
    public static final long DEFAULT_MAX = Integer.MAX_VALUE;
    public static final ValueRange DEFAULT = new ValueRange(DEFAULT_MIN, DEFAULT_MAX);

    public ValueRange {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is greater than max " + max);
        }
    }

    /** The number of distinct values, modulo 2^64 (0 means 2^64). */
    public long span() {
        return max - min + 1;
    }

    /** Offset of the value for word {@code x} from {@code min}: the high word of {@code x * span}. */
    public long offset(long x) {
        long span = span();
        return span == 0 ? x : unsignedMultiplyHigh(x, span);
    }

    /** Value for word {@code x}: {@code min + offset(x)}, always in {@code [min, max]}. */
    public long value(long x) {
        return min + offset(x);
    }

    /** High 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh arrives in Java 18). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
