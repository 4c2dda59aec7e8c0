package org.randsum.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.ValueRange;

/**
 * One split being summed by an engine's workers. Workers claim blocks from a shared counter, sum
 * each with the kernel into a private total, and merge once at the end; the total does not depend
 * on which worker summed which block.
 */
public final class RunningSum {
    private final SplitDescriptor split;
    private final ValueRange range;
    private final long blockSize;
    private final long blocks;
    private final BlockSummer summer;
    private final AtomicLong nextBlock = new AtomicLong();
    private final AtomicLong valuesDone = new AtomicLong();
    private final CountDownLatch workersLeft;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Int128 total = new Int128();
    private volatile boolean cancelled;

    RunningSum(SplitDescriptor split, ValueRange range, long blockSize, long blocks, int workers,
            BlockSummer summer) {
        this.summer = summer;
        this.split = split;
        this.range = range;
        this.blockSize = blockSize;
        this.blocks = blocks;
        this.workersLeft = new CountDownLatch(workers);
    }

    /** Values summed so far; updated once per block, so cheap to poll from any thread. */
    public long valuesDone() {
        return valuesDone.get();
    }

    public long count() {
        return split.count();
    }

    /** Asks the workers to stop after their current block; {@link #result()} then throws. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isDone() {
        return workersLeft.getCount() == 0;
    }

    public void await() throws InterruptedException {
        workersLeft.await();
    }

    /** Waits at most {@code timeout}; returns whether every worker has finished. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return workersLeft.await(timeout, unit);
    }

    /**
     * The exact total, once done.
     *
     * @throws EngineFailure if a worker failed (its exception is the cause)
     * @throws CancellationException if the run was cancelled
     */
    public Int128 result() {
        if (!isDone()) {
            throw new IllegalStateException("the run has not finished");
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw new EngineFailure("a worker failed: " + cause, cause);
        }
        if (cancelled) {
            throw new CancellationException("the run was cancelled");
        }
        synchronized (total) {
            return Int128.copyOf(total);
        }
    }

    /** A worker that will never run: count it as finished, and the run as cancelled. */
    void abandon() {
        cancelled = true;
        workersLeft.countDown();
    }

    void work() {
        Int128 mine = new Int128();
        try {
            for (long block = nextBlock.getAndIncrement(); block < blocks; block = nextBlock.getAndIncrement()) {
                if (cancelled || Thread.currentThread().isInterrupted()) {
                    cancelled = true;
                    return;
                }
                long first = block * blockSize;
                long length = Math.min(blockSize, split.count() - first);
                summer.sum(split.slice(first, length), range, mine);
                valuesDone.addAndGet(length);
            }
            synchronized (total) {
                total.add(mine);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            cancelled = true;
        } finally {
            workersLeft.countDown();
        }
    }
}
