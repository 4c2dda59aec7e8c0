package org.randsum.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The 128-bit accumulator against BigInteger on random and adversarial operands. */
class Int128Test {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();

    private static List<BigInteger> operands() {
        List<BigInteger> values = new ArrayList<>();
        for (long word : new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFFFFFFL, 1L << 32}) {
            values.add(BigInteger.valueOf(word));
        }
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        for (BigInteger around : new BigInteger[] {two64, two64.negate(), MAX, MIN, BigInteger.ONE.shiftLeft(126)}) {
            for (int delta = -2; delta <= 2; delta++) {
                BigInteger value = around.add(BigInteger.valueOf(delta));
                if (value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0) {
                    values.add(value);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(128);
        for (int i = 0; i < 300; i++) {
            values.add(new BigInteger(1 + random.nextInt(127), new java.util.Random(random.nextLong()))
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
        }
        return values;
    }

    private static boolean fits(BigInteger value) {
        return value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
    }

    @Test
    void roundTripsThroughBigIntegerAndDecimalText() {
        for (BigInteger value : operands()) {
            Int128 number = Int128.fromBigInteger(value);
            assertEquals(value, number.toBigInteger());
            assertEquals(value.toString(), number.toString());
            assertEquals(number, Int128.parse(value.toString()));
        }
    }

    @Test
    void addMatchesBigIntegerOrThrowsOnOverflow() {
        List<BigInteger> values = operands();
        for (BigInteger a : values) {
            for (BigInteger b : values) {
                BigInteger expected = a.add(b);
                Int128 sum = Int128.fromBigInteger(a);
                if (fits(expected)) {
                    assertEquals(expected, sum.add(Int128.fromBigInteger(b)).toBigInteger(), a + " + " + b);
                } else {
                    assertThrows(ArithmeticException.class, () -> sum.add(Int128.fromBigInteger(b)), a + " + " + b);
                }
            }
        }
    }

    @Test
    void addOfSignedAndUnsignedLongsMatchesBigInteger() {
        SplittableRandom random = new SplittableRandom(64);
        Int128 total = new Int128();
        BigInteger expected = BigInteger.ZERO;
        for (int i = 0; i < 20_000; i++) {
            long word = random.nextLong();
            if (random.nextBoolean()) {
                total.add(word);
                expected = expected.add(BigInteger.valueOf(word));
            } else {
                total.addUnsigned(word);
                expected = expected.add(new BigInteger(Long.toUnsignedString(word)));
            }
            assertEquals(expected, total.toBigInteger());
        }
    }

    @Test
    void productOfExtremesIsExact() {
        long[] factors = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 3_037_000_499L, -3_037_000_500L};
        for (long a : factors) {
            for (long b : factors) {
                BigInteger expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
                assertEquals(expected, Int128.product(a, b).toBigInteger(), a + " * " + b);
                assertEquals(expected.add(BigInteger.TEN), Int128.of(10).addProduct(a, b).toBigInteger());
            }
        }
    }

    /**
     * The contract's extreme totals, 2^63 - 1 values all -2^63 or all 2^63 - 1, built as a job
     * builds them: partials of uneven sizes (a split's count times the value) merged by the checked
     * add, then single values. Every step lands near 2^126, where a wrong carry or a false overflow
     * in {@code add} would show; the product alone always fits and could not fail.
     */
    @Test
    void worstCaseContractTotalsSurviveTheMergesThatBuildThem() {
        long n = Long.MAX_VALUE;
        for (long value : new long[] {Long.MIN_VALUE, Long.MAX_VALUE}) {
            SplittableRandom random = new SplittableRandom(value);
            Int128 total = new Int128();
            long left = n - 1000;
            while (left > 0) {
                long split = Math.min(left, 1 + random.nextLong(1L << 61));
                total.add(Int128.product(split, value));
                left -= split;
            }
            for (int i = 0; i < 1000; i++) {
                total.add(value);
            }
            assertEquals(BigInteger.valueOf(n).multiply(BigInteger.valueOf(value)), total.toBigInteger(), "all " + value);
        }
    }

    @Test
    void fromBigIntegerRejectsValuesBeyond128Bits() {
        assertThrows(ArithmeticException.class, () -> Int128.fromBigInteger(MAX.add(BigInteger.ONE)));
        assertThrows(ArithmeticException.class, () -> Int128.fromBigInteger(MIN.subtract(BigInteger.ONE)));
    }

    @Test
    void binaryFormRoundTripsIn16Bytes() throws IOException {
        for (BigInteger value : operands()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Int128.fromBigInteger(value).writeTo(new DataOutputStream(bytes));
            assertEquals(Int128.BYTES, bytes.size());
            Int128 read = new Int128();
            read.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(value, read.toBigInteger());
        }
    }

    @Test
    void orderingMatchesBigInteger() {
        List<BigInteger> values = operands();
        for (int i = 0; i + 1 < values.size(); i++) {
            BigInteger a = values.get(i);
            BigInteger b = values.get(i + 1);
            assertEquals(Integer.signum(a.compareTo(b)),
                    Integer.signum(Int128.fromBigInteger(a).compareTo(Int128.fromBigInteger(b))));
            assertEquals(a.signum(), Int128.fromBigInteger(a).signum());
        }
        assertTrue(Int128.of(-1).compareTo(Int128.of(0)) < 0);
    }
}
