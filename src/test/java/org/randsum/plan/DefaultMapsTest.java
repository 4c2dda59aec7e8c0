package org.randsum.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The default maps, a pure rule: no Hadoop, the cluster given as facts. */
class DefaultMapsTest {
    private static final long BIG = 1_000_000_000_000L;

    @Test
    void oneWaveFillsTheNodesLessTheApplicationMastersRoom() {
        // Two 4-vcore core nodes (EMR's default cluster): the AM's vcore costs one map slot.
        assertEquals(7, DefaultMaps.forCluster(BIG, List.of(4, 4), 1, 1));
        assertEquals(3, DefaultMaps.forCluster(BIG, List.of(4, 4), 1, 2));
        assertEquals(1, DefaultMaps.forCluster(BIG, List.of(4, 4), 1, 4));
    }

    @Test
    void theApplicationMasterGoesWhereItCostsLeast() {
        // 3 threads a map: the 4-vcore node has a spare vcore for the AM, so no slot is lost.
        assertEquals(3, DefaultMaps.forCluster(BIG, List.of(4, 6), 1, 3));
    }

    @Test
    void smallRunsGetFewerMapsThanTheClusterHas() {
        assertEquals(1, DefaultMaps.forCluster(1000, List.of(32, 32), 1, 1));
        assertEquals(2, DefaultMaps.forCluster(2 * DefaultMaps.MIN_VALUES_PER_MAP, List.of(32, 32), 1, 1));
    }

    @Test
    void threadsAboveEveryNodesVcoresStillGiveOneMap() {
        assertEquals(1, DefaultMaps.forCluster(1L << 40, List.of(2), 1, 8));
        assertEquals(1, DefaultMaps.forCluster(1L << 40, List.of(), 1, 1));
    }

    @Test
    void aCappedQueueGetsTheMapsItCanHoldBesideItsApplicationMaster() {
        // The lab's `half` queue on 4 nodes of 1 vcore: 2 vcores, the AM's and one map's (measured).
        assertEquals(1, DefaultMaps.forCluster(BIG, List.of(1, 1, 1, 1), 1, 1, 0.5));
        // 40% of two 4-vcore nodes: 3.2 vcores hold 3 (the scheduler rounds down), the AM takes one.
        assertEquals(2, DefaultMaps.forCluster(BIG, List.of(4, 4), 1, 1, 0.4));
        // 2 threads a map in 75% of 16 vcores: 12, less the AM's 1, is 5 maps of 2 vcores.
        assertEquals(5, DefaultMaps.forCluster(BIG, List.of(8, 8), 1, 2, 0.75));
    }

    @Test
    void aQueueWithoutACapChangesNothing() {
        assertEquals(7, DefaultMaps.forCluster(BIG, List.of(4, 4), 1, 1, 1.0));
    }

    @Test
    void aQueueTooSmallForItsApplicationMasterStillGetsOneMap() {
        assertEquals(1, DefaultMaps.forCluster(BIG, List.of(4, 4), 1, 1, 0.1));
    }

    @Test
    void onYarnTheQueuesCapIsApplied() throws Exception {
        Facts half = new Facts(false, 64, 1, new RunFacts.Cluster(List.of(1, 1, 1, 1), 1, 0.5), java.util.Map.of(), null, 9);
        assertEquals(1, DefaultMaps.choose(half, BIG, 1));
    }

    @Test
    void localModeUsesOneMap() throws Exception {
        assertEquals(1, DefaultMaps.choose(Facts.local(8), Long.MAX_VALUE, 2));
    }

    @Test
    void onYarnTheClusterIsAskedAndTheRuleApplied() throws Exception {
        assertEquals(7, DefaultMaps.choose(Facts.yarn(1, List.of(4, 4), 1), BIG, 1));
        assertEquals(3, DefaultMaps.choose(Facts.yarn(1, List.of(4, 4), 1), BIG, 2));
    }
}
