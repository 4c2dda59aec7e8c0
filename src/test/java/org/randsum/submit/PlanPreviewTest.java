package org.randsum.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The dry run's plan: EC2 sizes and CPUs, the kernel's speed per range class, the estimate's arithmetic. */
class PlanPreviewTest {
    private static String preview(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = PlanPreview.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void instanceSizesGiveTheirVcpus() {
        assertEquals(2, PlanPreview.vcpus("", "large"));
        assertEquals(4, PlanPreview.vcpus("", "xlarge"));
        assertEquals(64, PlanPreview.vcpus("16", "xlarge"));
        assertEquals(0, PlanPreview.vcpus("", "metal"));
    }

    @Test
    void gravitonIsAarch64AndOlderAmdHasAvx2Only() {
        assertEquals("aarch64", PlanPreview.cpu("g", 7).arch());
        assertEquals("aarch64", PlanPreview.cpu("gd", 6).arch());
        assertEquals(256, PlanPreview.cpu("a", 6).vectorBits());
        assertEquals(512, PlanPreview.cpu("a", 7).vectorBits());
        assertEquals(512, PlanPreview.cpu("", 5).vectorBits());
    }

    /** 1 node of 4 vcores at -t 1 -m 12: 3 maps a wave beside the AM, so 4 waves of 1e9 values: 4 x 0.306 s. */
    @Test
    void moreMapsThanAWaveHoldsTakeSeveralWaves() {
        String preview = preview("--instance-type", "m5.xlarge", "--instance-count", "1", "--",
                "-n", "12000000000", "-m", "12", "-t", "1");
        assertTrue(preview.startsWith("plan: 12 maps x 1 thread (1 vcore a map) on 1 node x 4 vcores (m5.xlarge),"
                + " 4 waves, vector-512 kernel"), preview);
        assertTrue(preview.contains("estimate: about 1 s of summing"), preview);
    }

    /** 10 x m5.xlarge (9 core nodes, 36 vcores, 35 slots at -t 1), 1e14 values: DefaultMapsTest's rule gives 3 waves. */
    @Test
    void aLongRunShowsTheWavesThePlannerChoseAndTheirStarts() {
        // S = 1e14 / 35 x 0.131 ns = 374.3 s: 1 + floor(0.05 x 381.0 / 6.7) = 3; sqrt(374.3 / 6.7) = 7.5; so 3 waves.
        String preview = preview("--instance-type", "m5.xlarge", "--instance-count", "10", "--", "-n", "1e14", "-t", "1");
        assertTrue(preview.startsWith("plan: 105 maps x 1 thread (1 vcore a map) on 9 nodes x 4 vcores (m5.xlarge),"
                + " 3 waves, vector-512 kernel"), preview);
        assertTrue(preview.contains("starts: about 20 s of map starts, 3 waves x 6.7 s"), preview);
    }

    @Test
    void mapVcoresFromADefinitionSetTheThreadsAndAForcedScalarKernelIsHonoured() {
        String preview = preview("--instance-type", "c5.4xlarge", "--instance-count", "3", "--",
                "-D", "mapreduce.map.cpu.vcores=8", "-Drandsum.kernel=scalar", "-n", "1e12");
        assertTrue(preview.startsWith("plan: 3 maps x 8 threads (8 vcores a map) on 2 nodes x 16 vcores (c5.4xlarge),"
                + " 1 wave, scalar kernel"), preview);
    }

    @Test
    void unknownSizesAndGivenDescriptorsAreSaidNotEstimated() {
        assertTrue(preview("--instance-type", "m5.metal", "--instance-count", "3", "--", "-n", "10")
                .startsWith("plan: not estimated"));
        assertTrue(preview("--instance-type", "m5.xlarge", "--instance-count", "3", "--", "-i", "s3://b/d")
                .startsWith("plan: one map per descriptor in s3://b/d"));
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("under a second", PlanPreview.duration(0.2));
        assertEquals("42 s", PlanPreview.duration(42.4));
        assertEquals("2 min 5 s", PlanPreview.duration(125));
        assertEquals("3 h 25 min", PlanPreview.duration(3 * 3600 + 25 * 60 + 10));
    }
}
