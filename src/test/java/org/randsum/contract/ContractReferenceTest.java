package org.randsum.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.randsum.kernel.ScalarKernel;
import org.randsum.testing.Reference;

class ContractReferenceTest {
    static Stream<Arguments> table() {
        return Stream.of(Reference.CONTRACT_TABLE).map(Arguments::of);
    }

    @ParameterizedTest(name = "seed {0}, n {1}, [{2}, {3}] -> {4}")
    @MethodSource("table")
    void kernelReproducesTheContractTable(long seed, long n, long min, long max, String expected) {
        Int128 total = new Int128();
        ScalarKernel.INSTANCE.sum(new SplitDescriptor(seed, n), new ValueRange(min, max), total);
        assertEquals(expected, total.toString());
    }

    @ParameterizedTest(name = "seed {0}, n {1}, [{2}, {3}] -> {4}")
    @MethodSource("table")
    void referenceComputationAgreesWithTheContractTable(long seed, long n, long min, long max, String expected) {
        assertEquals(new BigInteger(expected), Reference.total(seed, n, min, max));
    }

    @ParameterizedTest(name = "seed {0}, n {1}, [{2}, {3}] -> {4}")
    @MethodSource("table")
    void everyValueMatchesTheReference(long seed, long n, long min, long max, String ignored) {
        ValueRange range = new ValueRange(min, max);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (long i = 0; i < Math.min(n, 10_000); i++) {
            long word = random.nextLong();
            assertEquals(word, SplitMix.wordAt(seed, i), "word " + i);
            assertEquals(Reference.value(word, min, max), BigInteger.valueOf(range.value(word)), "value " + i);
        }
    }
}
