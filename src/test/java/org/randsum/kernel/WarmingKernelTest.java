package org.randsum.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.randsum.contract.Int128;
import org.randsum.contract.SplitMix;
import org.randsum.contract.ValueRange;
import org.randsum.testing.Reference;

/**
 * The warming kernel against the reference ({@code SplittableRandom} and {@code BigInteger}): exact
 * when it switches from the scalar to the vector kernel before the first call, after one, and after
 * many, for one range of each of the vector kernel's loops, with calls whose sizes sit on either side
 * of whole vectors (the vector kernel's scalar tail); the folds' edges are VectorKernelTest's.
 */
class WarmingKernelTest {
    private static final long SEED = 0x2545F4914F6CDD1DL;
    /** Call sizes: less than a vector, a vector and one more value, whole vectors, and larger. */
    private static final int[] CALL_SIZES = {7, 9, 8, 65, 1_000, 4_099, 17, 64, 100_003, 3};

    static Stream<Arguments> rangesAndSwitches() {
        ValueRange[] oneRangeOfEachLoop = {
            ValueRange.DEFAULT, // span 2^31: its own loop
            new ValueRange(0, 255), // other powers of two up to 2^32
            new ValueRange(-(1L << 39), (1L << 39) - 1), // powers of two above 2^32
            new ValueRange(0, 100), // other spans below 2^32
            new ValueRange(0, 1L << 60), // other spans above 2^32
            new ValueRange(Long.MIN_VALUE, Long.MAX_VALUE), // the full range
        };
        int[] switchBeforeCall = {0, 1, 6, CALL_SIZES.length};
        return Stream.of(oneRangeOfEachLoop)
                .flatMap(range -> java.util.Arrays.stream(switchBeforeCall).mapToObj(at -> Arguments.of(range, at)));
    }

    @ParameterizedTest(name = "{0}, vector from call {1}")
    @MethodSource("rangesAndSwitches")
    void exactWhereverItSwitches(ValueRange range, int switchBeforeCall) throws Exception {
        SumKernel vector = KernelSelector.choose(KernelSelector.Mode.VECTOR, range).kernel();
        WarmingKernel kernel = new WarmingKernel(vector, ScalarKernel.INSTANCE, range, false);
        Int128 total = new Int128();
        long done = 0;
        long scalarValues = 0;
        for (int call = 0; call < CALL_SIZES.length; call++) {
            if (call == switchBeforeCall) {
                kernel.becomeWarm();
            }
            kernel.sum(SEED + done * SplitMix.GAMMA, CALL_SIZES[call], range, total);
            scalarValues += call < switchBeforeCall ? CALL_SIZES[call] : 0;
            done += CALL_SIZES[call];
        }
        BigInteger expected = Reference.total(SEED, done, range.min(), range.max());
        assertEquals(expected, total.toBigInteger());
        assertEquals(scalarValues, kernel.scalarValues(), "values the scalar kernel summed before the switch");
    }

    @Test
    void itIsNamedAfterTheVectorKernel() throws Exception {
        SumKernel vector = KernelSelector.choose(KernelSelector.Mode.VECTOR, ValueRange.DEFAULT).kernel();
        assertEquals(vector.name(), new WarmingKernel(vector, ScalarKernel.INSTANCE, ValueRange.DEFAULT, false).name());
    }

    @Test
    void autoGivesTheWarmingKernelWhereItChoosesVectorAndForcedVectorNever() throws Exception {
        assumeTrue(KernelSelector.decide(KernelSelector.thisJvm(), KernelSelector.Mode.AUTO, ValueRange.DEFAULT).vector(),
                "auto chooses the vector kernel on this JVM");
        assertTrue(KernelSelector.choose(KernelSelector.Mode.AUTO, ValueRange.DEFAULT).kernel() instanceof WarmingKernel);
        SumKernel forced = KernelSelector.choose(KernelSelector.Mode.VECTOR, ValueRange.DEFAULT).kernel();
        assertFalse(forced instanceof WarmingKernel);
        assertEquals("org.randsum.kernel.vector.VectorKernel", forced.getClass().getName());
    }

    @Test
    void theWarmUpTurnsItVectorOnAJvmWhereAutoChoosesVector() throws Exception {
        assumeTrue(KernelSelector.decide(KernelSelector.thisJvm(), KernelSelector.Mode.AUTO, ValueRange.DEFAULT).vector(),
                "auto chooses the vector kernel on this JVM");
        WarmingKernel kernel = (WarmingKernel) KernelSelector.choose(KernelSelector.Mode.AUTO, ValueRange.DEFAULT).kernel();
        assertFalse(kernel.warm(), "scalar before its first call");
        assertTrue(kernel.awaitWarmUp(WarmingKernel.MAX_WARMUP_SECONDS + 10, TimeUnit.SECONDS), "the warm-up ended");
        assertTrue(kernel.warm(), "the vector kernel was compiled and measured no slower than scalar");
        Int128 total = new Int128();
        kernel.sum(SEED, 1 << 20, ValueRange.DEFAULT, total);
        assertEquals(0, kernel.scalarValues(), "a call after the warm-up runs the vector kernel");
        assertEquals(Reference.total(SEED, 1 << 20, ValueRange.DEFAULT.min(), ValueRange.DEFAULT.max()),
                total.toBigInteger());
    }

    @Test
    void withoutTheVectorKernelCompiledEveryCallIsScalar() {
        WarmingKernel kernel = new WarmingKernel(ScalarKernel.INSTANCE, ScalarKernel.INSTANCE, ValueRange.DEFAULT, false);
        kernel.sum(SEED, 1000, ValueRange.DEFAULT, new Int128());
        kernel.sum(SEED, 24, ValueRange.DEFAULT, new Int128());
        assertEquals(1024, kernel.scalarValues());
        assertFalse(kernel.warm());
    }
}
