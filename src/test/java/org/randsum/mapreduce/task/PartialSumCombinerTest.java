package org.randsum.mapreduce.task;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mrunit.mapreduce.ReduceDriver;
import org.junit.jupiter.api.Test;
import org.randsum.contract.Int128;

class PartialSumCombinerTest {
    private final ReduceDriver<NullWritable, PartialSumWritable, NullWritable, PartialSumWritable> driver =
            ReduceDriver.newReduceDriver(new PartialSumCombiner());

    private static PartialSumWritable partial(long count, String sum) {
        return new PartialSumWritable(count, Int128.parse(sum));
    }

    @Test
    void mergesPartialsWhoseSumExceeds64Bits() throws IOException {
        BigInteger big = BigInteger.valueOf(Long.MAX_VALUE);
        driver.withInput(NullWritable.get(), List.of(partial(5, big.toString()), partial(7, big.toString()),
                        partial(1, "1")))
                .withOutput(NullWritable.get(), partial(13, big.multiply(BigInteger.TWO).add(BigInteger.ONE).toString()))
                .runTest();
    }

    @Test
    void mergesPartialsOfMixedSign() throws IOException {
        driver.withInput(NullWritable.get(), List.of(partial(3, "-36893488147419103232"), partial(4, "36893488147419103233")))
                .withOutput(NullWritable.get(), partial(7, "1"))
                .runTest();
    }

    @Test
    void passesASinglePartialThroughUnchanged() throws IOException {
        driver.withInput(NullWritable.get(), List.of(partial(1000, "191621877989071524931")))
                .withOutput(NullWritable.get(), partial(1000, "191621877989071524931"))
                .runTest();
    }
}
