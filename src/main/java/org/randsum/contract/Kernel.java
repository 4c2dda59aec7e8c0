package org.randsum.contract;

/**
 * The hot loop: the exact sum of {@code count} contract values from a generator state.
 *
 * <p>Offsets from {@code min} are summed in primitive longs, then {@code count * min} is added once:
 * no allocation and no virtual call per value. One of three loops is chosen per call: spans up to
 * 2^32 (offsets below 2^32, so 2^31 of them fit a signed long before a fold), wider spans, and the
 * full 64-bit range (span 0, where the offset is the word itself).
 */
public final class Kernel {
    /**
     * Values per narrow block: an int loop (which the JIT compiles best), and signed high words in
     * [-2^32, 2^32) summed 2^30 at a time stay within a long, as does the block's exact offset sum.
     */
    static final long NARROW_BLOCK = 1L << 30;

    private Kernel() {
    }

    /** Adds the values of {@code split} in {@code range} to {@code total}. */
    public static void sum(SplitDescriptor split, ValueRange range, Int128 total) {
        sum(split.seed(), split.count(), range, total);
    }

    /** Adds the {@code count} values following generator state {@code state} to {@code total}. */
    public static void sum(long state, long count, ValueRange range, Int128 total) {
        sum(state, count, range, total, NARROW_BLOCK);
    }

    /** As {@link #sum(long, long, ValueRange, Int128)}, with the narrow loops' block size given (tests use small ones). */
    static void sum(long state, long count, ValueRange range, Int128 total, long narrowBlock) {
        if (count <= 0) {
            return;
        }
        final long span = range.span();
        long s = state;
        // The offsets' sum as an unsigned 128-bit number (< count * 2^64 < 2^127).
        long hi = 0;
        long lo = 0;
        if (range.hasNarrowSpan()) {
            for (long left = count; left > 0; ) {
                int block = (int) Math.min(left, narrowBlock);
                long blockSum = (span & 1) == 0 ? evenSpanBlock(s, block, span) : oddSpanBlock(s, block, span);
                s += block * SplitMix.GAMMA;
                long folded = lo + blockSum;
                hi += Long.compareUnsigned(folded, lo) < 0 ? 1 : 0;
                lo = folded;
                left -= block;
            }
        } else if (span == 0) {
            for (long i = 0; i < count; i++) {
                s += SplitMix.GAMMA;
                long offset = SplitMix.mix64(s);
                long sum = lo + offset;
                hi += ((lo & offset) | ((lo | offset) & ~sum)) >>> 63; // carry out of the low word
                lo = sum;
            }
        } else {
            for (long i = 0; i < count; i++) {
                s += SplitMix.GAMMA;
                long offset = ValueRange.unsignedMultiplyHigh(SplitMix.mix64(s), span);
                long sum = lo + offset;
                hi += ((lo & offset) | ((lo | offset) & ~sum)) >>> 63;
                lo = sum;
            }
        }
        // This call's exact total is offsets + count * min, within +-2^126: computing it modulo
        // 2^128 is exact, and only the add into the caller's total needs the overflow check.
        long productLo = count * range.min();
        long productHi = Math.multiplyHigh(count, range.min());
        long totalLo = lo + productLo;
        long totalHi = hi + productHi + (Long.compareUnsigned(totalLo, lo) < 0 ? 1 : 0);
        total.add(totalHi, totalLo);
    }

    /*
     * The narrow loops use Math.multiplyHigh, which is signed (Java 17 has no unsigned one); both
     * turn its result into the unsigned high word of x * span with as few operations per value as
     * possible, since this loop is the product's speed.
     */

    /** Inner loops run this many values, a constant trip count the JIT compiles to its best code. */
    private static final int CHUNK = 1 << 12;

    /**
     * Even span: with x' = x ^ 2^63 (x - 2^63 as a signed long), x * span = x' * span + 2^63 * span,
     * and 2^63 * span / 2^64 = span / 2 is whole, so the offset is multiplyHigh(x', span) + span / 2
     * exactly: one xor per value, and span / 2 added once per block.
     */
    private static long evenSpanBlock(long state, int count, long span) {
        long s = state;
        long acc = 0;
        int done = 0;
        for (; count - done >= CHUNK; done += CHUNK) {
            for (int i = 0; i < CHUNK; i++) {
                s += SplitMix.GAMMA;
                acc += Math.multiplyHigh(SplitMix.mix64(s) ^ Long.MIN_VALUE, span);
            }
        }
        for (; done < count; done++) {
            s += SplitMix.GAMMA;
            acc += Math.multiplyHigh(SplitMix.mix64(s) ^ Long.MIN_VALUE, span);
        }
        return acc + count * (span >>> 1);
    }

    /** Odd span: the signed high word is the unsigned one less span when x < 0; count those apart. */
    private static long oddSpanBlock(long state, int count, long span) {
        long s = state;
        long acc = 0;
        long negatives = 0;
        int done = 0;
        for (; count - done >= CHUNK; done += CHUNK) {
            for (int i = 0; i < CHUNK; i++) {
                s += SplitMix.GAMMA;
                long x = SplitMix.mix64(s);
                acc += Math.multiplyHigh(x, span);
                negatives += x >>> 63;
            }
        }
        for (; done < count; done++) {
            s += SplitMix.GAMMA;
            long x = SplitMix.mix64(s);
            acc += Math.multiplyHigh(x, span);
            negatives += x >>> 63;
        }
        return acc + negatives * span;
    }
}
