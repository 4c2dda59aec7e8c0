package org.randsum.mapreduce.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.randsum.cli.Settings;
import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.ValueRange;
import org.randsum.kernel.KernelSelector;
import org.randsum.kernel.WarmingKernel;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.RandSumCounter;
import org.randsum.testing.Reference;

/** The mapper under MRUnit, one behaviour per test, against the independent reference. */
class RandSumMapperTest {
    private MapDriver<LongWritable, ChunkWritable, NullWritable, PartialSumWritable> driver;

    @BeforeEach
    void setUp() {
        driver = MapDriver.newMapDriver(new RandSumMapper());
        driver.getConfiguration().setInt(Settings.THREADS, 3);
    }

    private void range(long min, long max) {
        JobSettings.setRange(driver.getConfiguration(), new ValueRange(min, max));
    }

    private static PartialSumWritable partial(long count, BigInteger sum) {
        return new PartialSumWritable(count, Int128.fromBigInteger(sum));
    }

    private static ChunkWritable chunk(SplitDescriptor split) {
        return new ChunkWritable(split);
    }

    @Test
    void countsItsMapUnderTheKernelItRan() throws Exception {
        String kernel = org.randsum.kernel.KernelSelector.choose(org.randsum.kernel.KernelSelector.Mode.AUTO, ValueRange.DEFAULT)
                .kernel().name();
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(42, 10)))
                .withOutput(NullWritable.get(), partial(10, new BigInteger("9466055388")))
                .withCounter(JobSettings.KERNEL_COUNTERS, kernel, 1)
                .runTest();
    }

    @Test
    void forcedScalarKernelGivesTheSameTotal() throws IOException {
        driver.getConfiguration().set(KernelSelector.KEY, "scalar");
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(42, 1_000_000)))
                .withOutput(NullWritable.get(), partial(1_000_000, new BigInteger("1074171186439830")))
                .withCounter(JobSettings.KERNEL_COUNTERS, "scalar", 1)
                .runTest();
    }

    @Test
    void forcedVectorKernelGivesTheSameTotal() throws IOException {
        driver.getConfiguration().set(KernelSelector.KEY, "vector");
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(42, 1_000_000)))
                .withOutput(NullWritable.get(), partial(1_000_000, new BigInteger("1074171186439830")))
                .runTest();
        assertEquals(1, driver.getCounters().findCounter(JobSettings.KERNEL_COUNTERS,
                "vector-" + org.randsum.kernel.vector.VectorKernel.bits()).getValue());
    }

    @Test
    void sumsOneChunkExactly() throws IOException {
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(42, 1_000_000)))
                .withOutput(NullWritable.get(), partial(1_000_000, new BigInteger("1074171186439830")))
                .runTest();
    }

    @Test
    void emitsOnePartialForAllChunksOfItsSplit() throws IOException {
        SplitDescriptor split = new SplitDescriptor(7, 1000);
        range(-5, 5);
        driver.withInput(new LongWritable(0), chunk(split.slice(0, 400)))
                .withInput(new LongWritable(400), chunk(split.slice(400, 600)))
                .withOutput(NullWritable.get(), partial(1000, Reference.total(7, 1000, -5, 5)))
                .runTest();
    }

    @Test
    void partialOfTheFullRangeExceeds64Bits() throws IOException {
        range(Long.MIN_VALUE, Long.MAX_VALUE);
        BigInteger expected = Reference.total(2024, 1000, Long.MIN_VALUE, Long.MAX_VALUE);
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(2024, 1000)))
                .withOutput(NullWritable.get(), partial(1000, expected))
                .runTest();
        assertEquals("191621877989071524931", expected.toString());
    }

    @Test
    void emptyChunkGivesAZeroPartial() throws IOException {
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(5, 0)))
                .withOutput(NullWritable.get(), partial(0, BigInteger.ZERO))
                .runTest();
    }

    @Test
    void countsValuesAndSplits() throws IOException {
        List<?> ignored = driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(1, 5000))).run();
        assertEquals(1, ignored.size());
        assertEquals(5000, driver.getCounters().findCounter(RandSumCounter.VALUES).getValue());
        assertEquals(1, driver.getCounters().findCounter(RandSumCounter.SPLITS).getValue());
        assertEquals(3, driver.getCounters().findCounter(RandSumCounter.WORKER_THREADS).getValue());
    }

    @Test
    void reportsItsSummingTimeWithinTheTimeItRan() throws IOException {
        driver.getConfiguration().set(KernelSelector.KEY, "scalar");
        long start = System.nanoTime();
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(7, 300_000_000L))).run();
        long ranMillis = (System.nanoTime() - start) / 1_000_000;
        long summing = driver.getCounters().findCounter(RandSumCounter.SUMMING_MILLIS).getValue();
        assertTrue(summing > 0 && summing <= ranMillis, summing + " ms summing in a run of " + ranMillis + " ms");
    }

    @Test
    void forcedKernelsSumNothingWhileWarmingUp() throws IOException {
        driver.getConfiguration().set(KernelSelector.KEY, "vector");
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(7, 1_000_000))).run();
        assertEquals(0, driver.getCounters().findCounter(RandSumCounter.WARMUP_SCALAR_VALUES).getValue());
    }

    @Test
    void underAutoTheVectorKernelsFirstCallsAreSummedByScalarAndCounted() throws Exception {
        assumeTrue(KernelSelector.choose(KernelSelector.Mode.AUTO, ValueRange.DEFAULT).kernel() instanceof WarmingKernel,
                "auto chooses the vector kernel on this JVM");
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(42, 1_000_000)))
                .withOutput(NullWritable.get(), partial(1_000_000, new BigInteger("1074171186439830")))
                .runTest();
        long scalar = driver.getCounters().findCounter(RandSumCounter.WARMUP_SCALAR_VALUES).getValue();
        assertTrue(scalar > 0 && scalar <= 1_000_000, scalar + " values summed by scalar");
    }

    @Test
    void threadCountDoesNotChangeThePartial() throws IOException {
        driver.getConfiguration().setInt(Settings.THREADS, 7);
        driver.withInput(new LongWritable(0), chunk(new SplitDescriptor(-1, 1000)));
        range(1, 100);
        driver.withOutput(NullWritable.get(), partial(1000, new BigInteger("49655"))).runTest();
    }
}
