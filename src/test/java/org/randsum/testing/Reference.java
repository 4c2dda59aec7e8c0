package org.randsum.testing;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * The contract computed the plain, slow, obviously correct way: {@link SplittableRandom} for the
 * words and {@link BigInteger} for every product and sum. Shares no code with the code under test.
 */
public final class Reference {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** The contract's reference table: seed, n, min, max, total. */
    public static final Object[][] CONTRACT_TABLE = {
        {0L, 1L, 0L, 2147483647L, "1896895516"},
        {42L, 10L, 0L, 2147483647L, "9466055388"},
        {42L, 1000000L, 0L, 2147483647L, "1074171186439830"},
        {-1L, 1000L, 1L, 100L, "49655"},
        {7L, 1000L, -5L, 5L, "-128"},
        {2024L, 1000L, Long.MIN_VALUE, Long.MAX_VALUE, "191621877989071524931"},
        {99L, 5L, 17L, 17L, "85"},
        {314159L, 1000000L, -1000000000000L, 1000000000000L, "237924599058213"},
    };

    private Reference() {
    }

    public static BigInteger unsigned(long word) {
        BigInteger value = BigInteger.valueOf(word);
        return word < 0 ? value.add(TWO_TO_64) : value;
    }

    /** The true number of values in [min, max], 1 to 2^64. */
    public static BigInteger span(long min, long max) {
        return BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).add(BigInteger.ONE);
    }

    public static BigInteger value(long word, long min, long max) {
        BigInteger offset = unsigned(word).multiply(span(min, max)).shiftRight(64);
        return BigInteger.valueOf(min).add(offset);
    }

    /** A range bound of every magnitude, not just the huge ones a uniform long gives. */
    public static long randomBound(SplittableRandom random) {
        long magnitude = random.nextLong() >>> random.nextInt(64);
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    /** Sum of values [0, n) of the stream with this seed. */
    public static BigInteger total(long seed, long n, long min, long max) {
        SplittableRandom random = new SplittableRandom(seed);
        BigInteger total = BigInteger.ZERO;
        for (long i = 0; i < n; i++) {
            total = total.add(value(random.nextLong(), min, max));
        }
        return total;
    }
}
