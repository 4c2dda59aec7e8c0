package org.randsum.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.randsum.contract.Int128;
import org.randsum.contract.ValueRange;
import org.randsum.kernel.KernelSelector;
import org.randsum.kernel.SumKernel;

/**
 * A kernel on one thread: nanoseconds per value (the score is per value, as
 * {@link OperationsPerInvocation} divides by the block). Compare the vector kernel with
 * bench/c/randsum_vec and the scalar one with bench/c/randsum_ref (bench/targets.sh does both).
 *
 * <p>The fork resolves the Vector API module. JMH's command-line {@code -jvmArgsAppend} replaces
 * the annotation's, so a run that appends its own options names the module again:
 * {@code -jvmArgsAppend "--add-modules=jdk.incubator.vector -XX:UseAVX=2"} (or use
 * {@code -jvmArgsPrepend}, which leaves it alone). Setup prints the kernel it runs on stderr
 * ({@code KernelBenchmark: range=default kernel=vector-512}); with {@value #EXPECT} set, a vector
 * kernel of another width fails the trial, so a run cannot silently measure the wrong width.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class KernelBenchmark {
    static final int VALUES = 1 << 24;
    /** System property: the name the forced vector kernel must have, e.g. vector-256. */
    static final String EXPECT = "randsum.bench.expect";

    /** Forced with randsum.kernel's values: vector (fails without the module) or scalar. */
    @Param({"vector", "scalar"})
    String kernel;

    /**
     * One range per loop of the kernel, plus short blocks: default, the non-negative ints (even
     * span 2^31); odd, [0, 100] (span 101); span40, [0, 2^40] (the odd loop again, in blocks of
     * about 2^22 for a span above 2^32); span60, [0, 2^60] (above 2^52: halves summed); span63,
     * [-2^62, 2^62] (span 2^63 + 1: the general unsigned high word); full, the whole 64-bit range.
     */
    @Param({"default", "odd", "span40", "span60", "span63", "full"})
    String range;

    private ValueRange valueRange;
    private SumKernel sumKernel;
    private long state;

    @Setup
    public void setUp() throws KernelSelector.Unavailable {
        valueRange = rangeNamed(range);
        sumKernel = KernelSelector.choose(KernelSelector.Mode.parse(kernel), valueRange).kernel();
        System.err.println("KernelBenchmark: range=" + range + " kernel=" + sumKernel.name());
        String expected = System.getProperty(EXPECT);
        if (kernel.equals("vector") && expected != null && !expected.equals(sumKernel.name())) {
            throw new IllegalStateException("the vector kernel runs as " + sumKernel.name() + ", but "
                    + EXPECT + " = " + expected);
        }
    }

    /** The ranges by name; bench/targets.sh gives the C reference the same bounds. */
    static ValueRange rangeNamed(String name) {
        return switch (name) {
            case "default" -> ValueRange.DEFAULT;
            case "odd" -> new ValueRange(0, 100);
            case "span40" -> new ValueRange(0, 1L << 40);
            case "span60" -> new ValueRange(0, 1L << 60);
            case "span63" -> new ValueRange(-(1L << 62), 1L << 62);
            case "full" -> new ValueRange(Long.MIN_VALUE, Long.MAX_VALUE);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public Int128 sum() {
        Int128 total = new Int128();
        sumKernel.sum(state, VALUES, valueRange, total);
        state += 0x9E3779B97F4A7C15L * VALUES; // the next block of the stream
        return total;
    }
}
