package org.randsum.mapreduce;

import java.io.IOException;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mrunit.mapreduce.MapReduceDriver;
import org.junit.jupiter.api.Test;
import org.randsum.cli.Settings;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.SplitPlanner;
import org.randsum.contract.ValueRange;
import org.randsum.mapreduce.task.ChunkWritable;
import org.randsum.mapreduce.task.PartialSumCombiner;
import org.randsum.mapreduce.task.PartialSumWritable;
import org.randsum.mapreduce.task.RandSumMapper;
import org.randsum.mapreduce.task.TotalReducer;
import org.randsum.testing.Reference;

/** Mapper, combiner and reducer together under MRUnit, over a planned set of splits. */
class RandSumPipelineTest {
    @Test
    void plannedSplitsSumToTheReferenceTotal() throws IOException {
        MapReduceDriver<LongWritable, ChunkWritable, NullWritable, PartialSumWritable, LongWritable, Text> driver =
                MapReduceDriver.newMapReduceDriver(new RandSumMapper(), new TotalReducer(), new PartialSumCombiner());
        JobSettings.setRange(driver.getConfiguration(), new ValueRange(-1_000_000_000_000L, 1_000_000_000_000L));
        driver.getConfiguration().setInt(Settings.THREADS, 2);
        for (SplitDescriptor split : SplitPlanner.plan(314159, 1_000_000, 5)) {
            driver.withInput(new LongWritable(0), new ChunkWritable(split));
        }
        driver.withOutput(new LongWritable(1_000_000),
                new Text(Reference.total(314159, 1_000_000, -1_000_000_000_000L, 1_000_000_000_000L).toString()));
        driver.runTest();
    }
}
