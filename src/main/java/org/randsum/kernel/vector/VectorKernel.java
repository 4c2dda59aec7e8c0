package org.randsum.kernel.vector;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.randsum.contract.Int128;
import org.randsum.contract.SplitMix;
import org.randsum.contract.ValueRange;
import org.randsum.kernel.ScalarKernel;
import org.randsum.kernel.SumKernel;

/**
 * The vector kernel: the contract's values a vector of lanes at a time ({@code jdk.incubator.vector},
 * 8 longs at 512 bits). Value i is a pure function of its index, so lane j of the k-th vector holds
 * value {@code k * lanes + j}: the lanes step their generator states by {@code lanes * GAMMA}.
 *
 * <p>One loop per range class, each a method of its own, as in {@link ScalarKernel}:
 * <ul>
 * <li>spans of 2^k: the offset is the word's top k bits, one shift (a constant one for the default
 *     range's 2^31);
 * <li>other spans below 2^32: the high word of {@code x * span} from the word's two 32-bit halves
 *     (each product fits in 64 bits, and so does their sum);
 * <li>other spans above 2^32: the high word of the full 64x64 product from four 32-bit products;
 * <li>the full 64-bit range: the offset is the word itself.
 * </ul>
 * Offsets below 2^32 are summed in one accumulator vector, wider ones in two (their high and low
 * 32-bit halves). Every {@link #FOLD} vectors the lanes are folded into an {@link Int128}: a lane
 * then holds at most 2^27 sums of numbers below 2^32, so even 8 lanes add up to less than 2^63 and
 * {@code reduceLanes} is exact. Values past the last whole vector go to the scalar kernel.
 *
 * <p>The species is a {@code static final} constant, which C2 needs to compile the vector
 * operations into vector instructions. It is the CPU's preferred shape unless the system property
 * {@value #BITS_PROPERTY} names another width: the tests run each width in a JVM of its own, so one
 * machine covers every node's hardware. Only {@link org.randsum.kernel.KernelSelector} loads this
 * class, once it knows the module is there.
 */
public final class VectorKernel implements SumKernel {
    /** Forces the vector width in bits (64, 128, 256 or 512); for tests and benchmarks. */
    public static final String BITS_PROPERTY = "randsum.vector.bits";

    private static final VectorSpecies<Long> SPECIES = species(Integer.getInteger(BITS_PROPERTY, 0));
    private static final int LANES = SPECIES.length();

    /** Vectors per fold of the lane sums into 128 bits. */
    static final int FOLD = 1 << 27;

    private static final long LOW_HALF = 0xFFFF_FFFFL;
    private static final long MIX1 = 0xBF58476D1CE4E5B9L;
    private static final long MIX2 = 0x94D049BB133111EBL;
    /** Lane j's first state past a block's start: start + (j + 1) * GAMMA. */
    private static final LongVector FIRST_STEPS = firstSteps();
    private static final long STRIDE = LANES * SplitMix.GAMMA;

    public static final VectorKernel INSTANCE = new VectorKernel();

    private VectorKernel() {
    }

    /** The vector size this CPU and JVM prefer, in bits. */
    public static int preferredBits() {
        return VectorShape.preferredShape().vectorBitSize();
    }

    /** Longs per vector. */
    public static int lanes() {
        return LANES;
    }

    /** The width this kernel runs at, in bits. */
    public static int bits() {
        return SPECIES.vectorBitSize();
    }

    @Override
    public String name() {
        return "vector-" + bits();
    }

    @Override
    public void sum(long state, long count, ValueRange range, Int128 total) {
        sum(state, count, range, total, FOLD);
    }

    /** As {@link #sum(long, long, ValueRange, Int128)}, folding every {@code foldVectors} vectors (tests use few). */
    void sum(long state, long count, ValueRange range, Int128 total, int foldVectors) {
        if (foldVectors < 1 || foldVectors > FOLD) {
            throw new IllegalArgumentException("fold must be in [1, 2^27] vectors, got " + foldVectors);
        }
        if (count <= 0) {
            return;
        }
        final long span = range.span();
        final long vectors = count / LANES;
        // Offsets below count * 2^64 <= 2^127 and, once count * min is added, the exact total of
        // these values, within +-2^126: only the add into the caller's total can overflow.
        Int128 part = new Int128();
        long s = state;
        for (long left = vectors; left > 0; ) {
            int block = (int) Math.min(left, foldVectors);
            sumBlock(s, block, span, part);
            s += block * STRIDE;
            left -= block;
        }
        part.addProduct(vectors * LANES, range.min());
        long tail = count - vectors * LANES;
        if (tail > 0) {
            ScalarKernel.INSTANCE.sum(s, tail, range, part);
        }
        total.add(part);
    }

    private static void sumBlock(long state, int vectors, long span, Int128 part) {
        if (span == 0) {
            fullRangeBlock(state, vectors, part);
        } else if ((span & (span - 1)) == 0) {
            int bits = Long.numberOfTrailingZeros(span);
            if (bits == 0) {
                return; // one value: every offset is 0
            } else if (bits == 31) {
                defaultSpanBlock(state, vectors, part);
            } else if (bits <= 32) {
                powerOfTwoBlock(state, vectors, 64 - bits, part);
            } else {
                widePowerOfTwoBlock(state, vectors, 64 - bits, part);
            }
        } else if (Long.compareUnsigned(span, 1L << 32) < 0) {
            narrowSpanBlock(state, vectors, span, part);
        } else {
            wideSpanBlock(state, vectors, span, part);
        }
    }

    /** Spans 2^1 to 2^32, the default range among them: offsets are the top bits, below 2^32. */
    private static void powerOfTwoBlock(long state, int vectors, int shift, Int128 part) {
        LongVector s = FIRST_STEPS.add(state);
        LongVector acc = LongVector.zero(SPECIES);
        for (int v = 0; v < vectors; v++) {
            acc = acc.add(mix64(s).lanewise(VectorOperators.LSHR, shift));
            s = s.add(STRIDE);
        }
        part.addUnsigned(acc.reduceLanes(VectorOperators.ADD));
    }

    /**
     * Span 2^31, the default range's: the loop of {@link #powerOfTwoBlock} with its shift a
     * constant, which measured 10% faster than a shift by a variable.
     */
    private static void defaultSpanBlock(long state, int vectors, Int128 part) {
        LongVector s = FIRST_STEPS.add(state);
        LongVector acc = LongVector.zero(SPECIES);
        for (int v = 0; v < vectors; v++) {
            acc = acc.add(mix64(s).lanewise(VectorOperators.LSHR, 33));
            s = s.add(STRIDE);
        }
        part.addUnsigned(acc.reduceLanes(VectorOperators.ADD));
    }

    /** Spans 2^33 to 2^63: offsets up to 63 bits, summed in halves. */
    private static void widePowerOfTwoBlock(long state, int vectors, int shift, Int128 part) {
        LongVector s = FIRST_STEPS.add(state);
        LongVector highs = LongVector.zero(SPECIES);
        LongVector lows = LongVector.zero(SPECIES);
        for (int v = 0; v < vectors; v++) {
            LongVector offset = mix64(s).lanewise(VectorOperators.LSHR, shift);
            highs = highs.add(offset.lanewise(VectorOperators.LSHR, 32));
            lows = lows.add(offset.and(LOW_HALF));
            s = s.add(STRIDE);
        }
        addHalves(highs.reduceLanes(VectorOperators.ADD), lows.reduceLanes(VectorOperators.ADD), part);
    }

    /**
     * Spans below 2^32 that are not powers of two: with x = xh * 2^32 + xl, the high word of x * span
     * is (xh * span + (xl * span >>> 32)) >>> 32 exactly, and neither product nor their sum reaches
     * 2^64.
     */
    private static void narrowSpanBlock(long state, int vectors, long span, Int128 part) {
        LongVector s = FIRST_STEPS.add(state);
        LongVector acc = LongVector.zero(SPECIES);
        for (int v = 0; v < vectors; v++) {
            LongVector x = mix64(s);
            LongVector high = x.lanewise(VectorOperators.LSHR, 32).mul(span);
            LongVector low = x.and(LOW_HALF).mul(span).lanewise(VectorOperators.LSHR, 32);
            acc = acc.add(high.add(low).lanewise(VectorOperators.LSHR, 32));
            s = s.add(STRIDE);
        }
        part.addUnsigned(acc.reduceLanes(VectorOperators.ADD));
    }

    /**
     * Spans above 2^32 that are not powers of two, 2^63 and more included: the unsigned high word of
     * the 64x64 product from 32-bit halves (x = xh:xl, span = sh:sl), with no intermediate past
     * 2^64: t = xh * sl + (xl * sl >>> 32), w = (t & 2^32-1) + xl * sh, high = xh * sh + (t >>> 32) +
     * (w >>> 32).
     */
    private static void wideSpanBlock(long state, int vectors, long span, Int128 part) {
        final long spanHigh = span >>> 32;
        final long spanLow = span & LOW_HALF;
        LongVector s = FIRST_STEPS.add(state);
        LongVector highs = LongVector.zero(SPECIES);
        LongVector lows = LongVector.zero(SPECIES);
        for (int v = 0; v < vectors; v++) {
            LongVector x = mix64(s);
            LongVector xHigh = x.lanewise(VectorOperators.LSHR, 32);
            LongVector xLow = x.and(LOW_HALF);
            LongVector t = xHigh.mul(spanLow).add(xLow.mul(spanLow).lanewise(VectorOperators.LSHR, 32));
            LongVector w = t.and(LOW_HALF).add(xLow.mul(spanHigh));
            LongVector offset = xHigh.mul(spanHigh).add(t.lanewise(VectorOperators.LSHR, 32))
                    .add(w.lanewise(VectorOperators.LSHR, 32));
            highs = highs.add(offset.lanewise(VectorOperators.LSHR, 32));
            lows = lows.add(offset.and(LOW_HALF));
            s = s.add(STRIDE);
        }
        addHalves(highs.reduceLanes(VectorOperators.ADD), lows.reduceLanes(VectorOperators.ADD), part);
    }

    /** The full 64-bit range: the offset is the word itself, summed in halves. */
    private static void fullRangeBlock(long state, int vectors, Int128 part) {
        LongVector s = FIRST_STEPS.add(state);
        LongVector highs = LongVector.zero(SPECIES);
        LongVector lows = LongVector.zero(SPECIES);
        for (int v = 0; v < vectors; v++) {
            LongVector x = mix64(s);
            highs = highs.add(x.lanewise(VectorOperators.LSHR, 32));
            lows = lows.add(x.and(LOW_HALF));
            s = s.add(STRIDE);
        }
        addHalves(highs.reduceLanes(VectorOperators.ADD), lows.reduceLanes(VectorOperators.ADD), part);
    }

    /** SplitMix64's finaliser, lane by lane (SplitMix.mix64). */
    private static LongVector mix64(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(MIX1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(MIX2);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }

    /**
     * Reduced in the loop's own method: a vector handed to a call that C2 does not inline is boxed,
     * and boxing at the loop's end made the whole loop a third slower (measured).
     */
    private static void addHalves(long highHalves, long lowHalves, Int128 part) {
        part.add(highHalves >>> 32, highHalves << 32);
        part.addUnsigned(lowHalves);
    }

    private static VectorSpecies<Long> species(int bits) {
        if (bits == 0) {
            return LongVector.SPECIES_PREFERRED;
        }
        if (bits != 64 && bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException(BITS_PROPERTY + " must be 64, 128, 256 or 512, not " + bits);
        }
        return VectorSpecies.of(long.class, VectorShape.forBitSize(bits));
    }

    private static LongVector firstSteps() {
        long[] steps = new long[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            steps[lane] = (lane + 1) * SplitMix.GAMMA;
        }
        return LongVector.fromArray(SPECIES, steps, 0);
    }
}
