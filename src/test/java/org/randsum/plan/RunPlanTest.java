package org.randsum.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.randsum.cli.Command;
import org.randsum.cli.OptionsParser;
import org.randsum.kernel.KernelSelector;

/** The run's plan from a command line and stated facts: the sizing rules without Hadoop or a cluster. */
class RunPlanTest {
    private static final KernelSelector.Mode AUTO = KernelSelector.Mode.AUTO;

    private static RunPlan plan(RunFacts facts, String... args) throws Exception {
        return RunPlan.of((Command.Run) OptionsParser.parse(args), AUTO, facts);
    }

    @Test
    void localModeRunsOneMapWithEveryProcessor() throws Exception {
        RunPlan plan = plan(Facts.local(6), "-n", "1e12", "--seed", "5");
        assertEquals(1, plan.maps());
        assertEquals(6, plan.threads());
        assertTrue(plan.local());
        assertFalse(plan.vectorModuleInTasks(), "local maps run in this JVM, which has the module or not");
        assertEquals("randsum: summing 1000000000000 values in 1 map x 6 threads (local mode), seed 5", plan.summary());
    }

    @Test
    void onYarnAMapRunsItsVcoresAndTheWaveFillsTheCluster() throws Exception {
        RunPlan plan = plan(Facts.yarn(2, List.of(4, 4), 1), "-n", "1e12", "--seed", "5");
        assertEquals(2, plan.threads(), "mapreduce.map.cpu.vcores");
        assertEquals(3, plan.maps(), "two 4-vcore nodes, 2 vcores a map, less the AM's room");
        assertTrue(plan.vectorModuleInTasks());
        assertEquals("randsum: summing 1000000000000 values in 3 maps x 2 threads, seed 5", plan.summary());
        assertEquals("randsum n=1000000000000 seed=5", plan.jobName());
    }

    @Test
    void threadsOptionSizesTheMapsOnYarn() throws Exception {
        assertEquals(7, plan(Facts.yarn(2, List.of(4, 4), 1), "-n", "1e12", "-t", "1").maps());
        RunPlan wide = plan(Facts.yarn(2, List.of(4, 4), 1), "-n", "1e12", "-t", "4");
        assertEquals(4, wide.threads());
        assertEquals(1, wide.maps(), "one 4-vcore map a node, and one node's room goes to the AM");
    }

    @Test
    void mapsOptionWinsButNeverExceedsN() throws Exception {
        assertEquals(5, plan(Facts.yarn(1, List.of(4, 4), 1), "-n", "1000", "-m", "5").maps());
        assertEquals(3, plan(Facts.local(2), "-n", "3", "-m", "40").maps());
        assertEquals(1, plan(Facts.local(2), "-n", "0", "-m", "4").maps(), "one empty map");
    }

    /** The lab: 4 nodes of 1 vcore, the AM on one of them, 3 map slots. */
    private static final List<Integer> LAB = List.of(1, 1, 1, 1);

    @Test
    void oneWaveStartsTheReducerInTheSlotTheFirstMapFrees() throws Exception {
        RunPlan plan = plan(Facts.yarn(1, LAB, 1), "-n", "3e11", "-t", "1");
        assertEquals(List.of(3L, 3L), List.of(plan.maps(), plan.wave()));
        assertEquals(1 / 3f, plan.reduceSlowStart(), 1e-6);
    }

    @Test
    void aLongRunOnTheLabTakesTwoWavesAndSaysSo() throws Exception {
        // DefaultMapsTest: 3e12 values of the default range in 3 slots is 2 waves.
        RunPlan plan = plan(Facts.yarn(1, LAB, 1), "-n", "3e12", "-t", "1", "--seed", "7");
        assertEquals(List.of(6L, 3L), List.of(plan.maps(), plan.wave()));
        assertEquals("randsum: summing 3000000000000 values in 6 maps x 1 thread (2 waves of 3), seed 7", plan.summary());
        assertEquals(4 / 6f, plan.reduceSlowStart(), 1e-6);
    }

    @Test
    void mapsOptionKeepsMeaningThatManyEqualMaps() throws Exception {
        assertEquals(3, plan(Facts.yarn(1, LAB, 1), "-n", "3e12", "-t", "1", "-m", "3").maps());
    }

    @Test
    void manyWavesStartTheReducerOnceNoMapWaitsForASlot() throws Exception {
        // 24 maps in 3 slots: 21 are done when the last map gets its slot; the 22nd frees one for nothing else.
        RunPlan plan = plan(Facts.yarn(1, LAB, 1), "-n", "3e11", "-t", "1", "-m", "24");
        assertEquals(3, plan.wave());
        assertEquals(22 / 24f, plan.reduceSlowStart(), 1e-6);
    }

    @Test
    void aQueueOfOneSlotStartsTheReducerAfterTheLastMap() throws Exception {
        Facts half = new Facts(false, 64, 1, new RunFacts.Cluster(LAB, 1, 0.5), java.util.Map.of(), null, 9);
        RunPlan plan = plan(half, "-n", "3e11", "-t", "1", "-m", "3");
        assertEquals(1, plan.wave());
        assertEquals(1f, plan.reduceSlowStart(), 1e-6);
    }

    @Test
    void noReducerContainerMeansNoSlowStart() throws Exception {
        assertEquals(null, plan(Facts.local(2), "-n", "1e12").reduceSlowStart(), "local mode");
        RunPlan uber = plan(Facts.yarn(1, LAB, 1), "-n", "1000");
        assertTrue(uber.uber());
        assertEquals(null, uber.reduceSlowStart(), "uber mode");
    }

    @Test
    void smallRunsOnYarnGetOneMapPer2To31Values() throws Exception {
        assertEquals(2, plan(Facts.yarn(1, List.of(32, 32), 1), "-n", Long.toString(5_000_000_000L)).maps());
    }

    @Test
    void givenDescriptorsFixNAndTheMaps() throws Exception {
        RunPlan plan = plan(Facts.local(2).withDescriptors("splits", 1000, 4), "-i", "splits");
        assertEquals(1000, plan.n());
        assertEquals(4, plan.maps());
        assertNull(plan.seed());
        assertEquals(new RunPlan.Given("splits"), plan.input());
        assertEquals("randsum: summing 1000 values in 4 maps x 2 threads (local mode), from splits", plan.summary());
        assertEquals("randsum splits", plan.jobName());
    }

    @Test
    void forcedScalarLeavesTheTaskOptionsAlone() throws Exception {
        RunPlan plan = RunPlan.of((Command.Run) OptionsParser.parse(new String[] {"-n", "10"}),
                KernelSelector.Mode.SCALAR, Facts.yarn(1, List.of(4), 1));
        assertFalse(plan.vectorModuleInTasks());
    }

    @Test
    void hintsBelowTheSizeAJobPaysOffAt() throws Exception {
        assertTrue(plan(Facts.local(2), "-n", "1000").hint().contains("local job's ~2 s"));
        assertNull(plan(Facts.local(2), "-n", Long.toString(RunPlan.LOCAL_HINT_BELOW)).hint());
        assertTrue(plan(Facts.yarn(1, List.of(4), 1), "-n", Long.toString(RunPlan.LOCAL_HINT_BELOW)).hint()
                .contains("cluster job's 10+ s"));
        assertNull(plan(Facts.yarn(1, List.of(4), 1), "-n", Long.toString(RunPlan.CLUSTER_HINT_BELOW)).hint());
    }

    @Test
    void smallYarnJobRunsInUberModeAndSaysSo() throws Exception {
        RunPlan plan = plan(Facts.yarn(2, List.of(4, 4), 1), "-n", "1e6", "--seed", "5");
        assertTrue(plan.uber());
        assertEquals("randsum: summing 1000000 values in 1 map x 2 threads (uber mode: in the application master;"
                + " -D mapreduce.job.ubertask.enable=false turns it off), seed 5", plan.summary());
    }

    @Test
    void uberModeStopsAtTwoToTheThirtyTwoValues() throws Exception {
        Facts cluster = Facts.yarn(2, List.of(4, 4), 1);
        assertTrue(plan(cluster, "-n", Long.toString(1L << 32)).uber());
        assertFalse(plan(cluster, "-n", Long.toString((1L << 32) + 1)).uber());
    }

    @Test
    void uberModeNeedsNoMoreMapsThanHadoopUberizes() throws Exception {
        Facts cluster = Facts.yarn(2, List.of(4, 4), 1);
        assertTrue(plan(cluster, "-n", "1e6", "-m", "9").uber());
        assertFalse(plan(cluster, "-n", "1e6", "-m", "10").uber());
        assertFalse(plan(cluster.withDescriptors("splits", 1000, 12), "-i", "splits").uber());
    }

    @Test
    void theUsersUberSettingWinsEitherWay() throws Exception {
        Facts cluster = Facts.yarn(2, List.of(4, 4), 1);
        assertFalse(plan(cluster.withUberRequested(false), "-n", "1e6").uber());
        assertTrue(plan(cluster.withUberRequested(true), "-n", "1e12").uber());
    }

    @Test
    void aForcedVectorKernelKeepsSmallJobsOutOfUberModeUnlessAsked() throws Exception {
        Facts cluster = Facts.yarn(2, List.of(4, 4), 1);
        Command.Run run = (Command.Run) OptionsParser.parse(new String[] {"-n", "1e6"});
        assertFalse(RunPlan.of(run, KernelSelector.Mode.VECTOR, cluster).uber(), "its task may fail by design");
        assertTrue(RunPlan.of(run, KernelSelector.Mode.SCALAR, cluster).uber());
        assertTrue(RunPlan.of(run, KernelSelector.Mode.VECTOR, cluster.withUberRequested(true)).uber());
    }

    @Test
    void localModeIsNeverUber() throws Exception {
        assertFalse(plan(Facts.local(2).withUberRequested(true), "-n", "1e6").uber());
    }
}
