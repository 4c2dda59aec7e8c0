package org.randsum.kernel;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.SplitMix;
import org.randsum.contract.ValueRange;
import org.randsum.testing.Reference;

/** The kernel against the reference on random parameters and on every edge range the contract names. */
class ScalarKernelRandomizedTest {
    private static final long TWO_32 = 1L << 32;
    private static final long TWO_52 = 1L << 52;

    static Stream<Arguments> ranges() {
        long[][] edges = {
            {0, Integer.MAX_VALUE},
            {17, 17},
            {Long.MIN_VALUE, Long.MIN_VALUE},
            {Long.MAX_VALUE, Long.MAX_VALUE},
            {-100, -1},
            {Long.MIN_VALUE, Long.MAX_VALUE},
            {Long.MIN_VALUE, Long.MAX_VALUE - 1},
            {Long.MIN_VALUE + 1, Long.MAX_VALUE},
            {0, TWO_32 - 2},
            {0, TWO_32 - 1},
            {0, TWO_32},
            {-5, TWO_32 - 5},
            {Integer.MIN_VALUE, Integer.MAX_VALUE},
            {0, Long.MAX_VALUE},
            {Long.MIN_VALUE, -1},
            {Long.MAX_VALUE - TWO_32, Long.MAX_VALUE},
            {Long.MIN_VALUE, Long.MIN_VALUE + TWO_32},
            {(1L << 62), Long.MAX_VALUE},
            {-(1L << 62), (1L << 62)},
            {0, TWO_52 - 2},
            {0, TWO_52 - 1},
            {0, TWO_52},
            {-(1L << 51), (1L << 51)},
            {0, Long.MAX_VALUE - 1},
            {Long.MIN_VALUE, -2},
        };
        List<Arguments> cases = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(20261127);
        for (long[] edge : edges) {
            cases.add(Arguments.of(random.nextLong(), 1 + random.nextInt(3000), edge[0], edge[1]));
        }
        for (int i = 0; i < 40; i++) {
            long a = Reference.randomBound(random);
            long b = Reference.randomBound(random);
            cases.add(Arguments.of(random.nextLong(), random.nextInt(3000), Math.min(a, b), Math.max(a, b)));
        }
        return cases.stream();
    }


    @ParameterizedTest(name = "seed {0}, n {1}, [{2}, {3}]")
    @MethodSource("ranges")
    void kernelTotalEqualsReference(long seed, long n, long min, long max) {
        Int128 total = new Int128();
        ScalarKernel.INSTANCE.sum(new SplitDescriptor(seed, n), new ValueRange(min, max), total);
        assertEquals(Reference.total(seed, n, min, max), total.toBigInteger());
    }

    @ParameterizedTest(name = "seed {0}, n {1}, [{2}, {3}]")
    @MethodSource("ranges")
    void kernelAddsToAnExistingTotal(long seed, long n, long min, long max) {
        Int128 total = Int128.of(-123456789);
        ScalarKernel.INSTANCE.sum(new SplitDescriptor(seed, n), new ValueRange(min, max), total);
        assertEquals(Reference.total(seed, n, min, max).subtract(BigInteger.valueOf(123456789)),
                total.toBigInteger());
    }

    /**
     * Spans up to 2^52 sum offsets in one long, in blocks of 2^62 / span values: 1024 at the
     * widest; check around those block edges, even and odd spans, and just past the widest.
     */
    @ParameterizedTest(name = "n {0}, [{1}, {2}]")
    @CsvSource({
        "1023, 0, 4503599627370495", "1024, 0, 4503599627370495", "1025, 0, 4503599627370495",
        "3073, 0, 4503599627370495", "1023, 1, 4503599627370495", "1025, 1, 4503599627370495",
        "3073, 1, 4503599627370495", "3073, 0, 4503599627370496",
        // Enough values that one uncapped block would overflow a long (2^62 / span caps it).
        "20011, 0, 4503599627370495", "20011, 0, 4503599627370494", "20011, 1, 4503599627370495",
        // Spans 2^50 + 1 and 2^50 + 2: blocks of 4095, two of them and one value more.
        "8190, 0, 1125899906842624", "8191, 0, 1125899906842625",
    })
    void summedSpansAreExactAcrossBlockEdges(long n, long min, long max) {
        Int128 total = new Int128();
        ScalarKernel.INSTANCE.sum(new SplitDescriptor(99, n), new ValueRange(min, max), total);
        assertEquals(Reference.total(99, n, min, max), total.toBigInteger());
    }

    /** Many blocks (as 2^30-value blocks would be) fold into the total exactly, state carried over, in every loop. */
    @ParameterizedTest(name = "block {0}, [{1}, {2}]")
    @CsvSource({
        "1000, 0, 2147483647", "4096, -5, 5", "7, 1, 100", "5000, 0, 4294967294", "333, -9, 4294967286",
        "999, 0, 1099511627776", "1000, -9223372036854775808, 9223372036854775807",
        "613, 0, 1152921504606846976", "777, 0, 9223372036854775807", "501, -9223372036854775808, 9223372036854775806",
    })
    void blocksFoldExactly(long block, long min, long max) {
        long n = 20_011;
        Int128 total = Int128.of(-1);
        ScalarKernel.sum(SplitMix.stateAt(5, 17), n, new ValueRange(min, max), total, block);
        BigInteger fromSeventeen = Reference.total(5, 17 + n, min, max).subtract(Reference.total(5, 17, min, max));
        assertEquals(fromSeventeen.subtract(BigInteger.ONE), total.toBigInteger());
    }
    @Test
    void zeroValuesLeaveTheTotalAlone() {
        Int128 total = Int128.of(42);
        ScalarKernel.INSTANCE.sum(new SplitDescriptor(7, 0), ValueRange.DEFAULT, total);
        assertEquals(BigInteger.valueOf(42), total.toBigInteger());
    }

    /** A total pushed past 2^127 - 1 or below -2^127 throws and keeps its value; exactly -2^127 is fine. */
    @Test
    void overflowOfTheCallersTotalThrowsAndLeavesItUnchanged() {
        Int128 top = new Int128(Long.MAX_VALUE, -1);
        assertThrows(ArithmeticException.class,
            () -> ScalarKernel.INSTANCE.sum(new SplitDescriptor(0, 1), new ValueRange(1, 1), top));
        assertEquals(new Int128(Long.MAX_VALUE, -1), top);

        Int128 bottom = new Int128(Long.MIN_VALUE, 0);
        assertThrows(ArithmeticException.class,
            () -> ScalarKernel.INSTANCE.sum(new SplitDescriptor(0, 1), new ValueRange(-1, -1), bottom));
        assertEquals(new Int128(Long.MIN_VALUE, 0), bottom);

        Int128 landsOnMin = new Int128(Long.MIN_VALUE, 2);
        ScalarKernel.INSTANCE.sum(new SplitDescriptor(0, 2), new ValueRange(-1, -1), landsOnMin);
        assertEquals(BigInteger.ONE.shiftLeft(127).negate(), landsOnMin.toBigInteger());
    }
}
