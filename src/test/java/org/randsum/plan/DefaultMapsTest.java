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

    /*
     * The waves rule, with the facts stated: a start s = 6.7 s, a slot's share S = n / wave x ns / threads.
     * Waves = 1 + floor(0.05 (s + S) / s), at most floor(sqrt(S / s)), at most n / wave / 2^31, at least 1.
     */

    @Test
    void oneWaveWhileASecondStartWouldCostMoreThanFivePercent() {
        // The lab at n = 3e11: S = 1e11 x 0.306 ns = 30.6 s; 0.05 x 37.3 s = 1.9 s < 6.7 s.
        assertEquals(1, DefaultMaps.waves(300_000_000_000L, 3, 1, 0.306));
        // S = 4e11 x 0.306 ns = 122.4 s: 0.05 x 129.1 s = 6.46 s, still under a start.
        assertEquals(1, DefaultMaps.waves(1_200_000_000_000L, 3, 1, 0.306));
    }

    @Test
    void aSecondWaveOnceItsStartIsWithinFivePercent() {
        // S = 4.333e11 x 0.306 ns = 132.6 s: 0.05 x 139.3 s = 6.97 s >= 6.7 s; sqrt(19.8) = 4.4.
        assertEquals(2, DefaultMaps.waves(1_300_000_000_000L, 3, 1, 0.306));
        // Two threads a map halve S: 66.3 s, one wave again.
        assertEquals(1, DefaultMaps.waves(1_300_000_000_000L, 3, 2, 0.306));
    }

    @Test
    void moreWavesAsTheShareGrows() {
        // S = 1e12 x 0.306 ns = 306 s: 1 + floor(0.05 x 312.7 / 6.7) = 1 + floor(2.33) = 3; sqrt(45.7) = 6.8.
        assertEquals(3, DefaultMaps.waves(3_000_000_000_000L, 3, 1, 0.306));
    }

    @Test
    void neverMoreWavesThanHelpASlowNode() {
        // S = 1e14 x 0.306 ns = 30600 s, 4567 starts: the budget allows 1 + 228, sqrt(4567) = 67.6.
        assertEquals(67, DefaultMaps.waves(300_000_000_000_000L, 3, 1, 0.306));
    }

    @Test
    void neverAMapUnderTheMinimumForAnExtraWave() {
        // 1.5 x 2^31 values a slot at a (stated) 100 ns a value: S = 322 s, but two waves would halve the maps below 2^31.
        assertEquals(1, DefaultMaps.waves(3 * 3 * (1L << 30), 3, 1, 100));
        assertEquals(2, DefaultMaps.waves(3 * 4 * (1L << 30), 3, 1, 100));
    }

    @Test
    void aRunWeighsItsShareAtTheStartMachinesSpeedForItsRange() throws Exception {
        Facts lab = Facts.yarn(1, List.of(1, 1, 1, 1), 1);
        org.randsum.contract.ValueRange full = new org.randsum.contract.ValueRange(Long.MIN_VALUE, Long.MAX_VALUE);
        // The default range, a power-of-two span, at 0.131 ns: S = 1e12 x 0.131 ns = 131 s;
        // 1 + floor(0.05 x 137.7 / 6.7) = 2 waves of 3.
        assertEquals(6, DefaultMaps.choose(lab, 3_000_000_000_000L, 1, org.randsum.contract.ValueRange.DEFAULT));
        // n = 2.7e12: the full range at 0.147 ns, S = 132.3 s: 2 waves; the default range, S = 117.9 s: 1.
        assertEquals(6, DefaultMaps.choose(lab, 2_700_000_000_000L, 1, full));
        assertEquals(3, DefaultMaps.choose(lab, 2_700_000_000_000L, 1, org.randsum.contract.ValueRange.DEFAULT));
    }

    @Test
    void aShareIsWeighedAtTheFastestKernelSoNodesOnASlowerOneGetNoExtraStarts() throws Exception {
        // A fleet where some nodes lack wide vectors and run the scalar kernel (1.133 ns a value, the
        // default range): weighed at scalar speed, S = 6.67e11 x 1.133 ns = 755 s would ask for
        // 1 + floor(0.05 x 762 / 6.7) = 6 waves; at the fastest kernel's 0.131 ns, S = 87.3 s, one wave.
        assertEquals(6, DefaultMaps.waves(2_000_000_000_000L, 3, 1, 1.133));
        assertEquals(1, DefaultMaps.waves(2_000_000_000_000L, 3, 1, 0.131));
        assertEquals(3, DefaultMaps.choose(Facts.yarn(1, List.of(1, 1, 1, 1), 1), 2_000_000_000_000L, 1,
                org.randsum.contract.ValueRange.DEFAULT));
    }

    @Test
    void aCappedQueuesWavesAreItsOwnSlots() throws Exception {
        Facts half = new Facts(false, 64, 1, new RunFacts.Cluster(List.of(1, 1, 1, 1), 1, 0.5), java.util.Map.of(), null, 9);
        // One slot in the queue: S = 3e12 x 0.131 ns = 393 s; 1 + floor(0.05 x 399.7 / 6.7) = 3; sqrt(58.7) = 7.7.
        assertEquals(3, DefaultMaps.choose(half, 3_000_000_000_000L, 1, org.randsum.contract.ValueRange.DEFAULT));
    }

    @Test
    void aClusterThatStartsMapsFasterGetsItsExtraWavesSooner() {
        // The lab at n = 3e11, S = 1e11 x 0.131 ns = 13.1 s. A 1 s start: 1 + floor(0.05 x 14.1 / 1) = 1 wave;
        // a 0.5 s start: 1 + floor(0.05 x 13.6 / 0.5) = 2 (sqrt(26.2) = 5.1).
        assertEquals(1, DefaultMaps.waves(300_000_000_000L, 3, 1, 0.131, 1.0));
        assertEquals(2, DefaultMaps.waves(300_000_000_000L, 3, 1, 0.131, 0.5));
    }

    @Test
    void aTinyStatedStartStillGivesAWholePositiveCountOfWaves() {
        // S = 2^62 values x 0.131 ns = 6e8 s against a picosecond: every bound but the 2^31 values a
        // map is astronomical, and that one is 2^31 waves, one more than an int holds.
        assertEquals(Integer.MAX_VALUE, DefaultMaps.waves(1L << 62, 1, 1, 0.131, 1e-12));
    }

    @Test
    void aRunReadsTheClustersMapStartFromItsFacts() throws Exception {
        Facts lab = Facts.yarn(1, List.of(1, 1, 1, 1), 1);
        assertEquals(3, DefaultMaps.choose(lab, 300_000_000_000L, 1, org.randsum.contract.ValueRange.DEFAULT));
        assertEquals(6, DefaultMaps.choose(new StartingIn(lab, 0.5), 300_000_000_000L, 1,
                org.randsum.contract.ValueRange.DEFAULT));
    }

    /** Stated facts whose cluster starts a map in {@code seconds} (randsum.map.start.seconds). */
    private record StartingIn(Facts facts, double seconds) implements RunFacts {
        @Override
        public double mapStartSeconds() {
            return seconds;
        }

        @Override
        public boolean localMode() {
            return facts.localMode();
        }

        @Override
        public int availableThreads() {
            return facts.availableThreads();
        }

        @Override
        public int mapVcores() {
            return facts.mapVcores();
        }

        @Override
        public Cluster cluster() {
            return facts.cluster();
        }

        @Override
        public Boolean uberRequested() {
            return facts.uberRequested();
        }

        @Override
        public int uberMaxMaps() {
            return facts.uberMaxMaps();
        }

        @Override
        public Descriptors descriptors(String dir) throws org.randsum.cli.UsageException {
            return facts.descriptors(dir);
        }
    }

    @Test
    void localModeHasNoWaves() throws Exception {
        assertEquals(1, DefaultMaps.choose(Facts.local(8), 3_000_000_000_000_000L, 2, org.randsum.contract.ValueRange.DEFAULT));
    }
}
