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
    /** Offsets below 2^32 summed 2^31 at a time stay below 2^63. */
    static final long NARROW_BLOCK = 1L << 31;

    private Kernel() {
    }

    /** Adds the values of {@code split} in {@code range} to {@code total}. */
    public static void sum(SplitDescriptor split, ValueRange range, Int128 total) {
        sum(split.seed(), split.count(), range, total);
    }

    /** Adds the {@code count} values following generator state {@code state} to {@code total}. */
    public static void sum(long state, long count, ValueRange range, Int128 total) {
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
                long block = Math.min(left, NARROW_BLOCK);
                long acc = 0;
                for (long i = 0; i < block; i++) {
                    s += SplitMix.GAMMA;
                    long x = SplitMix.mix64(s);
                    // Unsigned high word of x * span; span is a positive long here.
                    acc += Math.multiplyHigh(x, span) + ((x >> 63) & span);
                }
                long folded = lo + acc;
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
}
