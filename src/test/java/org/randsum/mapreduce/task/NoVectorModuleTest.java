package org.randsum.mapreduce.task;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.MapDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.randsum.cli.Settings;
import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.kernel.KernelSelector;
import org.randsum.mapreduce.JobSettings;

/**
 * A map in a JVM started without {@code --add-modules jdk.incubator.vector}: the build runs this
 * class alone in such a JVM (its own surefire execution), as a task JVM that lacks the flag.
 */
class NoVectorModuleTest {
    private MapDriver<LongWritable, ChunkWritable, NullWritable, PartialSumWritable> driver;

    @BeforeEach
    void setUp() {
        driver = MapDriver.newMapDriver(new RandSumMapper());
        driver.getConfiguration().setInt(Settings.THREADS, 2);
    }

    @Test
    void thisJvmReallyLacksTheModule() {
        assertFalse(ModuleLayer.boot().findModule(KernelSelector.MODULE).isPresent());
    }

    @Test
    void autoFallsBackToTheScalarKernelWithTheExactTotal() throws IOException {
        driver.withInput(new LongWritable(0), new ChunkWritable(new SplitDescriptor(42, 1_000_000)))
                .withOutput(NullWritable.get(), new PartialSumWritable(1_000_000,
                        Int128.fromBigInteger(new BigInteger("1074171186439830"))))
                .withCounter(JobSettings.KERNEL_COUNTERS, "scalar", 1)
                .runTest();
    }

    @Test
    void forcedVectorFailsTheTaskNamingTheReason() {
        driver.getConfiguration().set(KernelSelector.KEY, "vector");
        driver.withInput(new LongWritable(0), new ChunkWritable(new SplitDescriptor(42, 10)));
        IOException e = assertThrows(IOException.class, driver::run);
        assertTrue(e.getMessage().startsWith("randsum.kernel=vector cannot be honoured: the JVM was started without"),
                e.getMessage());
    }
}
