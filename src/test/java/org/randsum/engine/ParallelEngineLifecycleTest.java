package org.randsum.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.ValueRange;
import org.randsum.kernel.ScalarKernel;

/** Progress, cancellation and worker failure: nothing hangs and no worker thread outlives its engine. */
class ParallelEngineLifecycleTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @AfterEach
    void noWorkerThreadIsLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (liveWorkers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, liveWorkers(), "live randsum worker threads");
    }

    private static long liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("randsum-worker-") && t.isAlive()).count();
    }

    @Test
    void progressReachesTheCountWhenDone() throws InterruptedException {
        try (ParallelEngine engine = new ParallelEngine(3, 1000, ScalarKernel.INSTANCE::sum)) {
            RunningSum run = engine.start(new SplitDescriptor(1, 123_456), ValueRange.DEFAULT);
            run.await();
            assertEquals(123_456, run.valuesDone());
            assertEquals(123_456, run.count());
        }
    }

    @Test
    void cancelStopsALongRunPromptly() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (ParallelEngine engine = new ParallelEngine(2, 1 << 16, ScalarKernel.INSTANCE::sum)) {
                RunningSum run = engine.start(new SplitDescriptor(1, Long.MAX_VALUE), ValueRange.DEFAULT);
                while (run.valuesDone() == 0) {
                    Thread.sleep(1);
                }
                run.cancel();
                // Read after cancel() returns: a count read before it could be passed by any number of
                // blocks while this thread waits for a core (2 workers on 2 cores).
                long afterCancel = run.valuesDone();
                assertTrue(run.await(10, TimeUnit.SECONDS), "workers stopped");
                assertThrows(CancellationException.class, run::result);
                // Each of the two workers finishes at most the block it was in.
                assertTrue(run.valuesDone() <= afterCancel + 2 * (1 << 16), "stopped within a block");
            }
        });
    }

    @Test
    void closeStopsARunningSum() {
        assertTimeoutPreemptively(LIMIT, () -> {
            ParallelEngine engine = new ParallelEngine(2, 1 << 16, ScalarKernel.INSTANCE::sum);
            RunningSum run = engine.start(new SplitDescriptor(1, Long.MAX_VALUE), ValueRange.DEFAULT);
            engine.close();
            assertTrue(run.isDone());
            assertThrows(CancellationException.class, run::result);
        });
    }

    @Test
    void interruptingTheWaiterCancelsTheRun() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (ParallelEngine engine = new ParallelEngine(2, 1 << 16, ScalarKernel.INSTANCE::sum)) {
                Thread.currentThread().interrupt();
                assertThrows(InterruptedException.class,
                        () -> engine.sum(new SplitDescriptor(1, Long.MAX_VALUE), ValueRange.DEFAULT));
                assertFalse(Thread.currentThread().isInterrupted());
            }
        });
    }

    @Test
    void aFailingWorkerFailsTheRunWithItsCause() {
        IllegalStateException boom = new IllegalStateException("boom");
        CountDownLatch failed = new CountDownLatch(1);
        BlockSummer failsOnThirdBlock = (block, range, into) -> {
            if (block.seed() == new SplitDescriptor(1, 10_000).slice(2000, 1000).seed()) {
                failed.countDown();
                throw boom;
            }
            ScalarKernel.INSTANCE.sum(block, range, into);
        };
        assertTimeoutPreemptively(LIMIT, () -> {
            try (ParallelEngine engine = new ParallelEngine(4, 1000, failsOnThirdBlock)) {
                RunningSum run = engine.start(new SplitDescriptor(1, 10_000), ValueRange.DEFAULT);
                run.await();
                EngineFailure failure = assertThrows(EngineFailure.class, run::result);
                assertSame(boom, failure.getCause());
                assertEquals(0, failed.getCount());
            }
        });
    }

    @Test
    void aFailureStopsTheOtherWorkers() {
        BlockSummer failsAtOnce = (block, range, into) -> {
            throw new OutOfMemoryError("simulated");
        };
        assertTimeoutPreemptively(LIMIT, () -> {
            try (ParallelEngine engine = new ParallelEngine(2, 1 << 16, failsAtOnce)) {
                RunningSum run = engine.start(new SplitDescriptor(1, Long.MAX_VALUE), ValueRange.DEFAULT);
                assertTrue(run.await(10, TimeUnit.SECONDS));
                assertThrows(EngineFailure.class, run::result);
            }
        });
    }

    @Test
    void rejectsThreadsBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelEngine(0, ScalarKernel.INSTANCE));
    }
}
