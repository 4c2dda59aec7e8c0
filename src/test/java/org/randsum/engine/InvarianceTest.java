package org.randsum.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.SplitPlanner;
import org.randsum.contract.ValueRange;
import org.randsum.testing.Reference;

/** Split counts, thread counts and block sizes never change the total. */
class InvarianceTest {
    @Test
    void totalIsTheSameForAnySplitsThreadsAndBlocks() throws InterruptedException {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            long seed = random.nextLong();
            long n = random.nextInt(20_000);
            long min = random.nextInt(2000) - 1000;
            long max = min + random.nextLong(1L << (1 + random.nextInt(62)));
            long maps = 1 + random.nextInt(n > 0 && random.nextBoolean() ? (int) Math.min(n + 5, 64) : 8);
            int threads = 1 + random.nextInt(9);
            long block = 1 + random.nextInt(3000);
            BigInteger expected = Reference.total(seed, n, min, max);

            ValueRange range = new ValueRange(min, max);
            Int128 total = new Int128();
            try (ParallelEngine engine = new ParallelEngine(threads, block, org.randsum.kernel.ScalarKernel.INSTANCE::sum)) {
                for (SplitDescriptor split : SplitPlanner.plan(seed, n, maps)) {
                    total.add(engine.sum(split, range));
                }
            }
            assertEquals(expected, total.toBigInteger(),
                    "seed " + seed + " n " + n + " maps " + maps + " threads " + threads + " block " + block);
        }
    }

    @Test
    void moreThreadsThanValuesStillCountsEachValueOnce() throws InterruptedException {
        try (ParallelEngine engine = new ParallelEngine(16, 1, org.randsum.kernel.ScalarKernel.INSTANCE::sum)) {
            Int128 total = engine.sum(new SplitDescriptor(42, 10), ValueRange.DEFAULT);
            assertEquals(new BigInteger("9466055388"), total.toBigInteger());
        }
    }

    @Test
    void defaultEngineReproducesTheMillionValueReference() throws InterruptedException {
        try (ParallelEngine engine = new ParallelEngine(ParallelEngine.availableThreads() + 1, org.randsum.kernel.ScalarKernel.INSTANCE)) {
            Int128 total = engine.sum(new SplitDescriptor(42, 1_000_000), ValueRange.DEFAULT);
            assertEquals("1074171186439830", total.toString());
        }
    }
}
