package org.randsum.mapreduce.task;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.junit.jupiter.api.Test;
import org.randsum.contract.Int128;

class TotalReducerTest {
    private final ReduceDriver<NullWritable, PartialSumWritable, LongWritable, Text> driver =
            ReduceDriver.newReduceDriver(new TotalReducer());

    private static PartialSumWritable partial(long count, String sum) {
        return new PartialSumWritable(count, Int128.parse(sum));
    }

    @Test
    void writesTheTotalCountAndExactSum() throws IOException {
        driver.withInput(NullWritable.get(), List.of(partial(6_000_000_000L, "6442450941000000000"),
                        partial(4_000_000_000L, "4294967294000000000")))
                .withOutput(new LongWritable(10_000_000_000L), new Text("10737418235000000000"))
                .runTest();
    }

    @Test
    void writesZeroForTheEmptyPartialOfNEqualsZero() throws IOException {
        driver.withInput(NullWritable.get(), List.of(partial(0, "0")))
                .withOutput(new LongWritable(0), new Text("0"))
                .runTest();
    }
}
