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
            "job_1_0001", null);

    @Test
    void jsonHasEveryFieldWithTheSumAsAString() {
        assertEquals("{\"sum\":\"10737449594810260806\",\"n\":10000000000,\"seed\":42,\"min\":0,"
                + "\"max\":2147483647,\"engine\":\"mapreduce\",\"maps\":3,\"threads\":2,\"kernel\":\"vector-512\",\"kernels\":{\"vector-512\":3},\"elapsedSeconds\":12.346,"
                + "\"output\":\"hdfs://nn/out \\\"x\\\"\",\"jobId\":\"job_1_0001\",\"phases\":null}", result.toJson());
    }

    @Test
    void textStartsWithTheSumAlone() {
        String text = result.toText();
        assertTrue(text.startsWith("10737449594810260806\n"), text);
        assertTrue(text.contains("3 maps x 2 threads"), text);
        assertTrue(text.contains("\n  kernel   vector-512\n"), text);
    }

    /** The README's example run, in the driver's format written out by hand (what result.txt holds). */
    @Test
    void textIsTheReadmesSummary() {
        RunResult readme = new RunResult(Int128.parse("10737449594810260806"), 10_000_000_000L, 42L, ValueRange.DEFAULT,
                Engine.MAPREDUCE, 1, 2, Map.of("vector-512", 1L), 4.105, null, "job_local1969239017_0001", null);
        assertEquals("10737449594810260806\n  n        10000000000\n  seed     42\n  range    [0, 2147483647]\n"
                + "  engine   mapreduce, 1 map x 2 threads\n  kernel   vector-512\n  elapsed  4.105 s\n"
                + "  job      job_local1969239017_0001\n", readme.toText());
    }

    @Test
    void oneMapAndOneThreadAreSingular() {
        RunResult one = new RunResult(Int128.of(85), 5, 99L, new ValueRange(17, 17), Engine.MAPREDUCE, 1, 1,
                Map.of("scalar", 1L), 31.25, null, "job_1_0002", null);
        assertTrue(one.toText().contains("\n  engine   mapreduce, 1 map x 1 thread\n"), one.toText());
    }

    @Test
    void theThreadsEngineHasNoMapsNoJobAndNoOutput() {
        RunResult threads = new RunResult(Int128.of(85), 5, 99L, new ValueRange(17, 17), Engine.THREADS, 1, 4,
                Map.of("scalar", 1L), 31.25, null, null, null);
        assertEquals("85\n  n        5\n  seed     99\n  range    [17, 17]\n  engine   threads, 4 threads\n"
                + "  kernel   scalar\n  elapsed  31.250 s\n", threads.toText());
    }

    @Test
    void aRunOverDescriptorsSaysTheSeedCameFromThem() {
        RunResult given = new RunResult(Int128.of(85), 5, null, new ValueRange(17, 17), Engine.MAPREDUCE, 3, 4,
                Map.of("scalar", 3L), 31.25, null, "job_1_0002", null);
        assertTrue(given.toText().contains("\n  seed     (from the descriptors)\n"), given.toText());
    }

    @Test
    void aSumBeyond64BitsKeepsEveryDigit() {
        // -2^127, the smallest 128-bit total
        RunResult low = new RunResult(Int128.parse("-170141183460469231731687303715884105728"), 5, 1L, ValueRange.DEFAULT,
                Engine.MAPREDUCE, 1, 1, Map.of("scalar", 1L), 1.0, null, "job_1_0002", null);
        assertTrue(low.toText().startsWith("-170141183460469231731687303715884105728\n"), low.toText());
    }

    @Test
    void theJobAndTheKeptOutputEndTheText() {
        assertTrue(result.toText().endsWith("\n  job      job_1_0001\n  output   hdfs://nn/out \"x\"\n"), result.toText());
    }

    @Test
    void mapsThatRanDifferentKernelsAreCountedPerKernel() {
        RunResult mixed = new RunResult(Int128.of(5), 5, 1L, ValueRange.DEFAULT, Engine.MAPREDUCE, 4, 1,
                Map.of("vector-512", 3L, "scalar", 1L), 1.0, null, "job_1_0002", null);
        assertEquals(RunResult.MIXED, mixed.kernel());
        assertTrue(mixed.toJson().contains("\"kernel\":\"mixed\",\"kernels\":{\"scalar\":1,\"vector-512\":3}"),
                mixed.toJson());
        assertTrue(mixed.toText().contains("\n  kernel   mixed: scalar (1 map), vector-512 (3 maps)\n"), mixed.toText());
    }
}
