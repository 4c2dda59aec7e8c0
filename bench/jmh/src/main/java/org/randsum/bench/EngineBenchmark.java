package org.randsum.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.ValueRange;
import org.randsum.engine.ParallelEngine;
import org.randsum.kernel.KernelSelector;

/**
 * The parallel engine: nanoseconds per value with 1, 2 (and more) threads over 2^28-value splits,
 * on the kernel randsum would choose here ({@code auto}; the fork resolves the Vector API module,
 * see {@link KernelBenchmark} for appending JVM options). Setup prints the kernel on stderr.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class EngineBenchmark {
    static final long VALUES = 1L << 28;

    @Param({"1", "2"})
    int threads;

    private ParallelEngine engine;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        KernelSelector.Choice choice = KernelSelector.choose(KernelSelector.Mode.AUTO, ValueRange.DEFAULT);
        System.err.println("EngineBenchmark: threads=" + threads + " kernel=" + choice.kernel().name()
                + (choice.fallbackReason() == null ? "" : " (" + choice.fallbackReason() + ")"));
        engine = new ParallelEngine(threads, choice.kernel());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    @OperationsPerInvocation((int) VALUES)
    public Int128 sum() throws InterruptedException {
        return engine.sum(new SplitDescriptor(seed++, VALUES), ValueRange.DEFAULT);
    }
}
