package org.randsum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.randsum.contract.Int128;
import org.randsum.contract.ValueRange;

class RunResultTest {
    private final RunResult result = new RunResult(Int128.parse("10737449594810260806"), 10_000_000_000L, 42L,
            ValueRange.DEFAULT, Engine.MAPREDUCE, 3, 2, 12.3456, "hdfs://nn/out \"x\"",
            "job_1_0001");

    @Test
    void jsonHasEveryFieldWithTheSumAsAString() {
        assertEquals("{\"sum\":\"10737449594810260806\",\"n\":10000000000,\"seed\":42,\"min\":0,"
                + "\"max\":2147483647,\"engine\":\"mapreduce\",\"maps\":3,\"threads\":2,\"elapsedSeconds\":12.346,"
                + "\"output\":\"hdfs://nn/out \\\"x\\\"\",\"jobId\":\"job_1_0001\"}", result.toJson());
    }

    @Test
    void textStartsWithTheSumAlone() {
        String text = result.toText();
        assertTrue(text.startsWith("10737449594810260806\n"), text);
        assertTrue(text.contains("3 maps x 2 threads"), text);
    }
}
