package org.randsum.kernel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.randsum.contract.Int128;
import org.randsum.contract.SplitMix;
import org.randsum.contract.ValueRange;

/**
 * The vector kernel from the first value, as {@code auto} runs it: until the vector kernel's loop
 * for this range is compiled by C2, each call is summed by the scalar kernel, while a daemon thread
 * compiles the vector loop by calling it on tiny pieces of a stream of its own (results thrown away).
 *
 * <p>Why: a JVM runs the Vector API in its interpreter and C1 hundreds of times slower than scalar
 * code (each vector operation a call and an allocation), and C2 compiles a loop only after tens of
 * thousands of iterations (a tenth of that in the JVMs randsum starts, {@link
 * KernelSelector#JIT_OPTIONS}). Left to the run, the first 2^20-value call of the vector kernel took
 * 0.9 s (900 ns a value) before C2's code took over, and in every JVM, task JVMs included
 * (docs/benchmarks.md, "The kernel from the first value"). Tiny pieces reach C2's thresholds in a
 * few thousand cheap iterations, and the run meanwhile sums at the scalar kernel's speed.
 *
 * <p>The thread compares the two kernels on a probe of {@value #PROBE_VALUES} values after every
 * {@value #PIECES_PER_PROBE} pieces; once the vector kernel is no slower than {@value
 * #WARM_RATIO} times the scalar kernel on two probes in a row (C1's vector code is ten and more times
 * slower), every later call runs the vector kernel. If that has not happened within {@value
 * #MAX_WARMUP_SECONDS} s, the thread stops and the run stays scalar: never slower than scalar.
 *
 * <p>Exact whatever the switch: each call is summed whole by one kernel, and every kernel gives the
 * contract's exact total for the values it is given. {@link #name()} is the vector kernel's, which
 * does the run's work past its first moments; {@link #scalarValues()} says how many values the
 * scalar kernel summed meanwhile.
 */
public final class WarmingKernel implements SumKernel {
    /** Values a piece: one vector of 8 lanes at 512 bits, so each piece is a cheap call. */
    static final int PIECE_VALUES = 64;
    static final int PIECES_PER_PROBE = 256;
    static final int PROBE_VALUES = 1 << 14;
    static final double WARM_RATIO = 1.25;
    static final int MAX_WARMUP_SECONDS = 20;
    /** The warm-up's own stream: any state will do, its sums are thrown away. */
    private static final long WARMUP_STATE = 0x5EED_0F_3A2B_1C0DL;

    private final SumKernel vector;
    private final SumKernel scalar;
    private final ValueRange range;
    private final boolean warmsUp;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final LongAdder scalarValues = new LongAdder();
    private volatile boolean warm;

    WarmingKernel(SumKernel vector, SumKernel scalar, ValueRange range) {
        this(vector, scalar, range, true);
    }

    /** With {@code warmsUp} false, no thread: it turns warm only by {@link #becomeWarm()} (tests). */
    WarmingKernel(SumKernel vector, SumKernel scalar, ValueRange range, boolean warmsUp) {
        this.vector = vector;
        this.scalar = scalar;
        this.range = range;
        this.warmsUp = warmsUp;
    }

    @Override
    public String name() {
        return vector.name();
    }

    @Override
    public void sum(long state, long count, ValueRange callRange, Int128 total) {
        if (warm) {
            vector.sum(state, count, callRange, total);
            return;
        }
        startWarmUp();
        scalar.sum(state, count, callRange, total);
        scalarValues.add(count);
    }

    /** Whether the calls now run the vector kernel. */
    public boolean warm() {
        return warm;
    }

    /** Values the scalar kernel summed while the vector kernel was not yet compiled. */
    public long scalarValues() {
        return scalarValues.sum();
    }

    /** Waits for the warm-up to end (warm, or given up); true if it ended within the time. */
    boolean awaitWarmUp(long timeout, TimeUnit unit) throws InterruptedException {
        startWarmUp();
        return ended.await(timeout, unit);
    }

    /** From now on, every call runs the vector kernel: for tests that switch at a chosen call. */
    void becomeWarm() {
        warm = true;
    }

    private void startWarmUp() {
        if (warmsUp && started.compareAndSet(false, true)) {
            Thread thread = new Thread(this::warmUp, "randsum-vector-warmup");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            thread.start();
        }
    }

    private void warmUp() {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WARMUP_SECONDS);
            Int128 thrownAway = new Int128();
            long state = WARMUP_STATE;
            int fastProbes = 0;
            while (!warm && System.nanoTime() < deadline) {
                for (int i = 0; i < PIECES_PER_PROBE; i++) {
                    thrownAway.clear();
                    vector.sum(state, PIECE_VALUES, range, thrownAway);
                    state += PIECE_VALUES * SplitMix.GAMMA;
                }
                thrownAway.clear();
                long vectorNanos = timed(vector, state, thrownAway);
                thrownAway.clear();
                long scalarNanos = timed(scalar, state, thrownAway);
                fastProbes = vectorNanos <= WARM_RATIO * scalarNanos ? fastProbes + 1 : 0;
                if (fastProbes == 2) {
                    warm = true;
                }
            }
        } finally {
            ended.countDown();
        }
    }

    private long timed(SumKernel kernel, long state, Int128 thrownAway) {
        long start = System.nanoTime();
        kernel.sum(state, PROBE_VALUES, range, thrownAway);
        return System.nanoTime() - start;
    }
}
