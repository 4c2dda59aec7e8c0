package org.randsum.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.randsum.testing.Reference;

/** O(1) jumps against the contract's formula evaluated with BigInteger arithmetic mod 2^64. */
class SplitMixJumpTest {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger GAMMA = new BigInteger("9E3779B97F4A7C15", 16);

    private static BigInteger mix64(BigInteger z) {
        z = z.xor(z.shiftRight(30)).multiply(new BigInteger("BF58476D1CE4E5B9", 16)).mod(MOD);
        z = z.xor(z.shiftRight(27)).multiply(new BigInteger("94D049BB133111EB", 16)).mod(MOD);
        return z.xor(z.shiftRight(31));
    }

    private static BigInteger formulaWord(long seed, BigInteger index) {
        return mix64(Reference.unsigned(seed).add(index.add(BigInteger.ONE).multiply(GAMMA)).mod(MOD));
    }

    @Test
    void wordsNearTwoToThe62MatchTheFormula() {
        SplittableRandom random = new SplittableRandom(62);
        for (int i = 0; i < 200; i++) {
            long seed = random.nextLong();
            long index = (1L << 62) + random.nextLong(-1_000_000, 1_000_000);
            assertEquals(formulaWord(seed, BigInteger.valueOf(index)), Reference.unsigned(SplitMix.wordAt(seed, index)));
        }
    }

    @Test
    void wordsNearTheLastIndexMatchTheFormula() {
        for (long index = Long.MAX_VALUE - 50; index < Long.MAX_VALUE; index++) {
            assertEquals(formulaWord(-7, BigInteger.valueOf(index)), Reference.unsigned(SplitMix.wordAt(-7, index)));
        }
    }

    @Test
    void aDescriptorAtAnyOffsetContinuesTheStream() {
        SplittableRandom stream = new SplittableRandom(2024);
        for (long index = 0; index < 5000; index++) {
            long expected = stream.nextLong();
            assertEquals(expected, new SplittableRandom(SplitMix.stateAt(2024, index)).nextLong(), "index " + index);
        }
    }

    @Test
    void sliceOfADescriptorStartsAtTheRightValue() {
        SplitDescriptor split = new SplitDescriptor(SplitMix.stateAt(5, 1000), 500);
        SplitDescriptor slice = split.slice(123, 10);
        assertEquals(SplitMix.wordAt(5, 1123), new SplittableRandom(slice.seed()).nextLong());
        assertEquals(10, slice.count());
    }
}
