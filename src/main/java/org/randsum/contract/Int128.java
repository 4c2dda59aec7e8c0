package org.randsum.contract;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;

/**
 * A mutable signed 128-bit integer in two's complement, used as an exact accumulator.
 *
 * <p>Every add is checked: a result outside [-2^127, 2^127 - 1] throws instead of wrapping, so a
 * total can never be wrong silently. Contract totals always fit (at most 2^63 values of magnitude
 * at most 2^63). Mutable so the hot paths add without allocating.
 */
public final class Int128 implements Comparable<Int128> {
    /** Size of {@link #writeTo}'s form: high word then low word, big-endian. */
    public static final int BYTES = 16;

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    private long hi;
    private long lo;

    public Int128() {
    }

    public Int128(long hi, long lo) {
        this.hi = hi;
        this.lo = lo;
    }

    public static Int128 of(long value) {
        return new Int128(value >> 63, value);
    }

    public static Int128 copyOf(Int128 other) {
        return new Int128(other.hi, other.lo);
    }

    /** The exact product of two signed longs. */
    public static Int128 product(long a, long b) {
        return new Int128(Math.multiplyHigh(a, b), a * b);
    }

    public static Int128 fromBigInteger(BigInteger value) {
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new ArithmeticException("outside the signed 128-bit range: " + value);
        }
        return new Int128(value.shiftRight(64).longValue(), value.longValue());
    }

    public static Int128 parse(String decimal) {
        return fromBigInteger(new BigInteger(decimal));
    }

    public void clear() {
        hi = 0;
        lo = 0;
    }

    public void set(Int128 other) {
        hi = other.hi;
        lo = other.lo;
    }

    /** Adds a signed long. */
    public Int128 add(long value) {
        return add(value >> 63, value);
    }

    /** Adds a long read as unsigned, 0 to 2^64 - 1. */
    public Int128 addUnsigned(long value) {
        return add(0, value);
    }

    public Int128 add(Int128 other) {
        return add(other.hi, other.lo);
    }

    /** Adds the exact product of two signed longs. */
    public Int128 addProduct(long a, long b) {
        return add(Math.multiplyHigh(a, b), a * b);
    }

    /** Adds the 128-bit two's complement number whose words are {@code otherHi}, {@code otherLo}. */
    public Int128 add(long otherHi, long otherLo) {
        long sumLo = lo + otherLo;
        long carry = Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0;
        long sumHi = hi + otherHi + carry;
        // Signed overflow: both operands had the same sign and the result's differs.
        if (((hi ^ sumHi) & (otherHi ^ sumHi)) < 0) {
            throw new ArithmeticException("signed 128-bit overflow");
        }
        hi = sumHi;
        lo = sumLo;
        return this;
    }

    public int signum() {
        return hi < 0 ? -1 : (hi == 0 && lo == 0 ? 0 : 1);
    }

    public boolean fitsInLong() {
        return hi == (lo >> 63);
    }

    public BigInteger toBigInteger() {
        BigInteger low = BigInteger.valueOf(lo);
        if (lo < 0) {
            low = low.add(TWO_TO_64);
        }
        return BigInteger.valueOf(hi).shiftLeft(64).add(low);
    }

    /** Exact decimal text. */
    @Override
    public String toString() {
        return fitsInLong() ? Long.toString(lo) : toBigInteger().toString();
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(hi);
        out.writeLong(lo);
    }

    public void readFrom(DataInput in) throws IOException {
        hi = in.readLong();
        lo = in.readLong();
    }

    @Override
    public int compareTo(Int128 other) {
        int byHigh = Long.compare(hi, other.hi);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(lo, other.lo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Int128 other && hi == other.hi && lo == other.lo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hi) * 31 + Long.hashCode(lo);
    }
}
