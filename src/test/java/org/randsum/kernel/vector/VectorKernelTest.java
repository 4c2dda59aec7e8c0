package org.randsum.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * The vector kernel against the reference ({@link SplittableRandom} and {@link BigInteger}) on
 * every range class, lane and fold edge. The build runs this class once per vector width (64, 128,
 * 256 and 512 bits, {@value VectorKernel#BITS_PROPERTY}), each in a JVM of its own.
 */
class VectorKernelTest {
    private static final long TWO_32 = 1L << 32;
    private static final int LANES = VectorKernel.lanes();

    static Stream<Arguments> ranges() {
        List<long[]> edges = new ArrayList<>(List.of(
                new long[] {0, Integer.MAX_VALUE},
                new long[] {17, 17},
                new long[] {Long.MIN_VALUE, Long.MIN_VALUE},
                new long[] {Long.MAX_VALUE, Long.MAX_VALUE},
                new long[] {1, 100},
                new long[] {-5, 5},
                new long[] {-100, -1},
                new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
                new long[] {Long.MIN_VALUE, Long.MAX_VALUE - 1},
                new long[] {Long.MIN_VALUE + 1, Long.MAX_VALUE},
                new long[] {0, TWO_32 - 3},
                new long[] {0, TWO_32 - 2},
                new long[] {0, TWO_32 - 1},
                new long[] {0, TWO_32},
                new long[] {-5, TWO_32 - 5},
                new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
                new long[] {0, Long.MAX_VALUE},
                new long[] {0, Long.MAX_VALUE - 1},
                new long[] {Long.MIN_VALUE, -1},
                new long[] {Long.MIN_VALUE, -2},
                new long[] {Long.MAX_VALUE - TWO_32, Long.MAX_VALUE},
                new long[] {Long.MIN_VALUE, Long.MIN_VALUE + TWO_32},
                new long[] {-(1L << 62), 1L << 62},
                new long[] {0, 1_099_511_627_776L},
                new long[] {0, 1_152_921_504_606_846_976L},
                new long[] {-1_000_000_000_000L, 1_000_000_000_000L}));
        // Every power-of-two span, 2^0 to 2^63, and its neighbours.
        for (int k = 0; k < 64; k++) {
            long span = 1L << k;
            edges.add(new long[] {Long.MIN_VALUE, Long.MIN_VALUE + span - 1});
            edges.add(new long[] {-3, -3 + span});
            if (k > 1 && k < 63) {
                edges.add(new long[] {7, 7 + span - 2});
            }
        }
        List<Arguments> cases = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(20261202);
        for (long[] edge : edges) {
            cases.add(Arguments.of(random.nextLong(), 1 + random.nextInt(600), edge[0], edge[1]));
        }
        for (int i = 0; i < 60; i++) {
            long a = Reference.randomBound(random);
            long b = Reference.randomBound(random);
            cases.add(Arguments.of(random.nextLong(), random.nextInt(2000), Math.min(a, b), Math.max(a, b)));
        }
        return cases.stream();
    }


    private static BigInteger vectorTotal(long state, long n, long min, long max) {
        Int128 total = new Int128();
        VectorKernel.INSTANCE.sum(state, n, new ValueRange(min, max), total);
        return total.toBigInteger();
    }

    @Test
    void runsAtTheWidthTheBuildAsksFor() {
        int asked = Integer.getInteger(VectorKernel.BITS_PROPERTY, 0);
        int expected = asked != 0 ? asked : VectorKernel.preferredBits();
        assertEquals(expected, VectorKernel.bits());
        assertEquals(expected / 64, LANES);
        assertEquals("vector-" + expected, VectorKernel.INSTANCE.name());
    }

    @ParameterizedTest(name = "seed {0}, n {1}, [{2}, {3}]")
    @MethodSource("ranges")
    void totalEqualsReference(long seed, long n, long min, long max) {
        assertEquals(Reference.total(seed, n, min, max), vectorTotal(seed, n, min, max));
    }

    static Stream<Arguments> laneEdges() {
        long[][] ranges = {{0, Integer.MAX_VALUE}, {1, 100}, {0, 1_099_511_627_776L},
            {-(1L << 62), 1L << 62}, {Long.MIN_VALUE, Long.MAX_VALUE}, {5, 5}, {0, (1L << 40) - 1}};
        List<Arguments> cases = new ArrayList<>();
        for (long[] range : ranges) {
            for (long n : new long[] {0, 1, LANES - 1, LANES, LANES + 1, 2L * LANES - 1, 2L * LANES + 1, 5L * LANES + 3}) {
                if (n >= 0) {
                    cases.add(Arguments.of(n, range[0], range[1]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "n {0}, [{1}, {2}]")
    @MethodSource("laneEdges")
    void countsAroundTheLaneCountAreExact(long n, long min, long max) {
        assertEquals(Reference.total(42, n, min, max), vectorTotal(42, n, min, max));
    }

    @ParameterizedTest(name = "n {0}, [{1}, {2}]")
    @MethodSource("laneEdges")
    void foldsEveryFewVectorsAreExact(long n, long min, long max) {
        for (int fold : new int[] {1, 2, 3}) {
            Int128 total = new Int128();
            VectorKernel.INSTANCE.sum(SplitMix.stateAt(9, 11), n, new ValueRange(min, max), total, fold);
            // Values 11 .. 11 + n - 1 of seed 9's stream.
            BigInteger expected = Reference.total(9, 11 + n, min, max).subtract(Reference.total(9, 11, min, max));
            assertEquals(expected, total.toBigInteger(), "fold " + fold);
        }
    }

    @Test
    void contractTableIsMatched() {
        for (Object[] row : Reference.CONTRACT_TABLE) {
            assertEquals(new BigInteger((String) row[4]),
                    vectorTotal((Long) row[0], (Long) row[1], (Long) row[2], (Long) row[3]), () -> java.util.Arrays.toString(row));
        }
    }

    @Test
    void addsToTheCallersTotal() {
        Int128 total = Int128.of(-1_000);
        VectorKernel.INSTANCE.sum(42, 10, ValueRange.DEFAULT, total);
        assertEquals(BigInteger.valueOf(9466055388L - 1_000), total.toBigInteger());
    }

    @Test
    void overflowOfTheCallersTotalThrowsAndLeavesItUnchanged() {
        Int128 top = new Int128(Long.MAX_VALUE, -1); // 2^127 - 1
        assertThrows(ArithmeticException.class, () -> VectorKernel.INSTANCE.sum(0, 3L * LANES, new ValueRange(1, 1), top));
        assertEquals(new Int128(Long.MAX_VALUE, -1), top);
    }

    @Test
    void foldOutsideItsBoundsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> VectorKernel.INSTANCE.sum(0, 10, ValueRange.DEFAULT, new Int128(), 0));
        assertThrows(IllegalArgumentException.class,
                () -> VectorKernel.INSTANCE.sum(0, 10, ValueRange.DEFAULT, new Int128(), VectorKernel.FOLD + 1));
    }
}
