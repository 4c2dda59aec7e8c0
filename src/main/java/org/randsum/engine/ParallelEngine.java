package org.randsum.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.ValueRange;
import org.randsum.kernel.SumKernel;

/**
 * Sums splits with {@code threads} worker threads. One engine serves many runs (a map task keeps
 * one for all its splits); {@link #close()} stops its threads and waits for them to end.
 */
public final class ParallelEngine implements AutoCloseable {
    /** Values a worker takes at a time: about a millisecond of work, so progress and cancellation are prompt. */
    public static final long DEFAULT_BLOCK = 1L << 20;

    private static final AtomicInteger ENGINES = new AtomicInteger();

    private final int threads;
    private final String kernelName;
    private final long blockSize;
    private final BlockSummer summer;
    private final ExecutorService workers;

    /** An engine summing with {@code kernel} (see {@link org.randsum.kernel.KernelSelector}). */
    public ParallelEngine(int threads, SumKernel kernel) {
        this(threads, DEFAULT_BLOCK, kernel::sum, kernel.name());
    }

    ParallelEngine(int threads, long blockSize, BlockSummer summer) {
        this(threads, blockSize, summer, "test");
    }

    private ParallelEngine(int threads, long blockSize, BlockSummer summer, String kernelName) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be at least 1: " + blockSize);
        }
        this.threads = threads;
        this.kernelName = kernelName;
        this.blockSize = blockSize;
        this.summer = summer;
        this.workers = Executors.newFixedThreadPool(threads, workerThreads(ENGINES.incrementAndGet()));
    }

    /** All processors this JVM may use (a container's CPU limit, where the JVM sees one). */
    public static int availableThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /** The kernel's name, as results report it. */
    public String kernel() {
        return kernelName;
    }

    /** Starts summing {@code split} and returns at once; the run goes on in the worker threads. */
    public RunningSum start(SplitDescriptor split, ValueRange range) {
        long blocks = split.count() / blockSize + (split.count() % blockSize == 0 ? 0 : 1);
        int workerCount = (int) Math.min(threads, blocks);
        RunningSum run = new RunningSum(split, range, blockSize, blocks, workerCount, summer);
        for (int w = 0; w < workerCount; w++) {
            workers.execute(new Worker(run));
        }
        return run;
    }

    /** Sums {@code split} and waits for the exact total. */
    public Int128 sum(SplitDescriptor split, ValueRange range) throws InterruptedException {
        RunningSum run = start(split, range);
        try {
            run.await();
        } catch (InterruptedException e) {
            run.cancel();
            throw e;
        }
        return run.result();
    }

    /** Stops the workers (cancelling any run still going) and waits until they have ended. */
    @Override
    public void close() {
        for (Runnable neverStarted : workers.shutdownNow()) {
            ((Worker) neverStarted).sum.abandon();
        }
        boolean interrupted = false;
        while (true) {
            try {
                if (workers.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A run's share of work as the executor holds it, so close() can release runs it never started. */
    private record Worker(RunningSum sum) implements Runnable {
        @Override
        public void run() {
            sum.work();
        }
    }

    private static ThreadFactory workerThreads(int engine) {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "randsum-worker-" + engine + "-" + next.incrementAndGet());
            // Daemon: a caller that forgets close() must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
