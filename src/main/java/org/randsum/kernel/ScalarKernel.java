package org.randsum.kernel;

import org.randsum.contract.Int128;
import org.randsum.contract.SplitMix;
import org.randsum.contract.ValueRange;

/**
 * The scalar kernel: one value at a time, on every JVM and CPU; the fallback when the vector kernel
 * cannot run or would be slower (see {@link KernelSelector}).
 *
 * <p>Offsets from {@code min} are summed in primitive longs, block by block, then {@code count *
 * min} is added once: no allocation and no virtual call per value. One of five loops is chosen per
 * call. Spans up to 2^52 sum their offsets in one long, in blocks short enough that it cannot
 * overflow (2^30 values for spans up to 2^32, as in the default range; 1024 at 2^52); one loop
 * for even spans and one for odd. Wider spans (one loop below 2^63, one from there) and the full
 * 64-bit range (span 0, where the offset is the word itself) sum each offset's two 32-bit halves
 * apart instead.
 *
 * <p>Every loop steps the generator state until it reaches the block's last state instead of
 * counting: GAMMA is odd, so {@code state + k * GAMMA} first equals that end at {@code k = count}.
 * C2 (Java 17) compiles such a loop as it stands, with every constant in a register (the
 * default range's loop then runs at the C reference's speed); a counted int loop gets unrolled
 * into a body that runs out of registers and spills, 10-35% slower (docs/benchmarks.md). For the
 * same reason each loop is a method of its own with nothing but its own values live across the
 * loop, and the loops are written out one by one: a shared loop taking the offset as a function
 * would depend on the JIT inlining it, and it is each loop's register use that makes it fast.
 */
public final class ScalarKernel implements SumKernel {
    public static final ScalarKernel INSTANCE = new ScalarKernel();

    /**
     * Most values per block: a block's count is an int, and the split loops' halves (each below
     * 2^32) summed 2^30 at a time stay well within a long.
     */
    static final long BLOCK = 1L << 30;

    /** Spans up to this use the one-accumulator loops, blocks of at least 2^62 / 2^52 = 1024 values. */
    static final long MAX_SUMMED_SPAN = 1L << 52;

    private static final long LOW_HALF = 0xFFFF_FFFFL;

    private ScalarKernel() {
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void sum(long state, long count, ValueRange range, Int128 total) {
        sum(state, count, range, total, BLOCK);
    }

    /** As {@link #sum(long, long, ValueRange, Int128)}, with the block size given (tests use small ones). */
    static void sum(long state, long count, ValueRange range, Int128 total, long blockSize) {
        if (blockSize < 1 || blockSize > BLOCK) {
            throw new IllegalArgumentException("block size must be in [1, 2^30], got " + blockSize);
        }
        if (count <= 0) {
            return;
        }
        final long span = range.span();
        final boolean summed = span != 0 && Long.compareUnsigned(span, MAX_SUMMED_SPAN) <= 0;
        // Offsets of one block sum to below block * span <= 2^62, so no partial sum ever wraps
        // (a cap of 2^64 / span would do, modulo 2^64; this one keeps the reasoning simple).
        final long largestBlock = summed ? Math.min(blockSize, (1L << 62) / span) : blockSize;
        // The offsets' sum, below count * 2^64 < 2^127: it never overflows the signed 128 bits.
        Int128 offsets = new Int128();
        long s = state;
        for (long left = count; left > 0; ) {
            int block = (int) Math.min(left, largestBlock);
            if (!summed) {
                if (span == 0) {
                    fullRangeBlock(s, block, offsets);
                } else if (span > 0) {
                    wideSpanBlock(s, block, span, offsets);
                } else {
                    hugeSpanBlock(s, block, span, offsets);
                }
            } else if ((span & 1) == 0) {
                offsets.addUnsigned(evenSpanBlock(s, block, span));
            } else {
                offsets.addUnsigned(oddSpanBlock(s, block, span));
            }
            s += block * SplitMix.GAMMA;
            left -= block;
        }
        // Offsets stay below 2^127 and the call's exact total, offsets + count * min, within
        // +-2^126: only the add into the caller's total can overflow (and then it throws).
        offsets.addProduct(count, range.min());
        total.add(offsets);
    }

    /*
     * The one-accumulator loops use Math.multiplyHigh, which is signed (Java 17 has no unsigned one); both
     * turn its result into the unsigned high word of x * span with as few operations per value as
     * possible, since these loops are the product's speed.
     */

    /**
     * Even span: with x' = x ^ 2^63 (x - 2^63 as a signed long), x * span = x' * span + 2^63 * span,
     * and 2^63 * span / 2^64 = span / 2 is whole, so the offset is multiplyHigh(x', span) + span / 2
     * exactly: one xor per value, and count * span / 2 added once.
     */
    private static long evenSpanBlock(long state, int count, long span) {
        final long end = state + count * SplitMix.GAMMA;
        long acc = count * (span >>> 1);
        for (long s = state; s != end; ) {
            s += SplitMix.GAMMA;
            acc += Math.multiplyHigh(SplitMix.mix64(s) ^ Long.MIN_VALUE, span);
        }
        return acc;
    }

    /** Odd span: the signed high word is the unsigned one less span when x < 0; count those apart. */
    private static long oddSpanBlock(long state, int count, long span) {
        final long end = state + count * SplitMix.GAMMA;
        long acc = 0;
        long negatives = 0;
        for (long s = state; s != end; ) {
            s += SplitMix.GAMMA;
            long x = SplitMix.mix64(s);
            acc += Math.multiplyHigh(x, span);
            negatives += x >>> 63;
        }
        return acc + negatives * span;
    }

    /**
     * Full range (span 0): the offset is the word itself, all 64 bits; its high and low 32-bit
     * halves are summed apart, two adds instead of a carry per value.
     */
    private static void fullRangeBlock(long state, int count, Int128 offsets) {
        final long end = state + count * SplitMix.GAMMA;
        long highHalves = 0;
        long lowHalves = 0;
        for (long s = state; s != end; ) {
            s += SplitMix.GAMMA;
            long offset = SplitMix.mix64(s);
            highHalves += offset >>> 32;
            lowHalves += offset & LOW_HALF;
        }
        addHalves(highHalves, lowHalves, offsets);
    }

    /**
     * Spans above 2^52 and below 2^63: offsets as wide as 63 bits, summed in halves as for the
     * full range; the signed high word is the unsigned one less span when x < 0.
     */
    private static void wideSpanBlock(long state, int count, long span, Int128 offsets) {
        final long end = state + count * SplitMix.GAMMA;
        long highHalves = 0;
        long lowHalves = 0;
        for (long s = state; s != end; ) {
            s += SplitMix.GAMMA;
            long x = SplitMix.mix64(s);
            long offset = Math.multiplyHigh(x, span) + ((x >> 63) & span);
            highHalves += offset >>> 32;
            lowHalves += offset & LOW_HALF;
        }
        addHalves(highHalves, lowHalves, offsets);
    }

    /**
     * Spans of 2^63 and more (negative as a signed long, span - 2^64): the unsigned high word is
     * the signed one plus span when x < 0, plus x for the 2^64 the signed span lacks.
     */
    private static void hugeSpanBlock(long state, int count, long span, Int128 offsets) {
        final long end = state + count * SplitMix.GAMMA;
        long highHalves = 0;
        long lowHalves = 0;
        for (long s = state; s != end; ) {
            s += SplitMix.GAMMA;
            long x = SplitMix.mix64(s);
            long offset = Math.multiplyHigh(x, span) + ((x >> 63) & span) + x;
            highHalves += offset >>> 32;
            lowHalves += offset & LOW_HALF;
        }
        addHalves(highHalves, lowHalves, offsets);
    }

    private static void addHalves(long highHalves, long lowHalves, Int128 offsets) {
        offsets.add(highHalves >>> 32, highHalves << 32);
        offsets.addUnsigned(lowHalves);
    }
}
