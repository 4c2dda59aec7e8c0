package org.randsum.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.randsum.plan.QueueShare.Queue;

/** A queue's share of the cluster from stated capacity-scheduler queues (maximum capacities relative to the parent). */
class QueueShareTest {
    /** The lab's queues, as YarnClient.getAllQueues lists them (the root is not in the list). */
    private static final List<Queue> LAB = List.of(new Queue("default", 1.0, List.of()), new Queue("half", 0.5, List.of()));

    /** root -> eng (max 60%) -> {batch (max 50%), adhoc (max 100%)}; root -> ops (max 40%). */
    private static final List<Queue> NESTED = List.of(new Queue("eng", 0.6, List.of("batch", "adhoc")),
            new Queue("batch", 0.5, List.of()), new Queue("adhoc", 1.0, List.of()), new Queue("ops", 0.4, List.of()));

    @Test
    void aTopLevelQueueHasItsOwnMaximum() {
        assertEquals(0.5, QueueShare.of("half", LAB), 1e-12);
        assertEquals(1.0, QueueShare.of("default", LAB), 1e-12);
    }

    @Test
    void aNestedQueuesMaximumIsAFractionOfItsParents() {
        assertEquals(0.3, QueueShare.of("batch", NESTED), 1e-12);
        assertEquals(0.6, QueueShare.of("adhoc", NESTED), 1e-12);
        assertEquals(0.4, QueueShare.of("ops", NESTED), 1e-12);
    }

    @Test
    void aFullPathNamesTheSameLeaf() {
        assertEquals(0.3, QueueShare.of("root.eng.batch", NESTED), 1e-12);
    }

    @Test
    void anUnknownQueueIsLeftToYarn() {
        assertEquals(1.0, QueueShare.of("nosuch", NESTED), 1e-12);
        assertEquals(1.0, QueueShare.of("default", List.of()), 1e-12);
    }

    @Test
    void capacitiesOutsideZeroToOneAreClamped() {
        assertEquals(1.0, QueueShare.of("q", List.of(new Queue("q", 1.5, List.of()))), 1e-12);
        assertEquals(0.0, QueueShare.of("q", List.of(new Queue("q", -0.2, List.of()))), 1e-12);
    }
}
