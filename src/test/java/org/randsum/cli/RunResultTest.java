package org.randsum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.randsum.contract.Int128;
import org.randsum.contract.ValueRange;

class RunResultTest {
    private final RunResult result = new RunResult(Int128.parse("10737449594810260806"), 10_000_000_000L, 42L,
            ValueRange.DEFAULT, Engine.MAPREDUCE, 3, 2, Map.of("vector-512", 3L), 12.3456, "hdfs://nn/out \"x\"",
            "job_1_0001");

    @Test
    void jsonHasEveryFieldWithTheSumAsAString() {
        assertEquals("{\"sum\":\"10737449594810260806\",\"n\":10000000000,\"seed\":42,\"min\":0,"
                + "\"max\":2147483647,\"engine\":\"mapreduce\",\"maps\":3,\"threads\":2,\"kernel\":\"vector-512\",\"kernels\":{\"vector-512\":3},\"elapsedSeconds\":12.346,"
                + "\"output\":\"hdfs://nn/out \\\"x\\\"\",\"jobId\":\"job_1_0001\"}", result.toJson());
    }

    @Test
    void textStartsWithTheSumAlone() {
        String text = result.toText();
        assertTrue(text.startsWith("10737449594810260806\n"), text);
        assertTrue(text.contains("3 maps x 2 threads"), text);
        assertTrue(text.contains("\n  kernel   vector-512\n"), text);
    }

    @Test
    void mapsThatRanDifferentKernelsAreCountedPerKernel() {
        RunResult mixed = new RunResult(Int128.of(5), 5, 1L, ValueRange.DEFAULT, Engine.MAPREDUCE, 4, 1,
                Map.of("vector-512", 3L, "scalar", 1L), 1.0, null, "job_1_0002");
        assertEquals(RunResult.MIXED, mixed.kernel());
        assertTrue(mixed.toJson().contains("\"kernel\":\"mixed\",\"kernels\":{\"scalar\":1,\"vector-512\":3}"),
                mixed.toJson());
        assertTrue(mixed.toText().contains("\n  kernel   mixed: scalar (1 map), vector-512 (3 maps)\n"), mixed.toText());
    }
}
