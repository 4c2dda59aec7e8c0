package org.randsum.mapreduce.task;

import java.io.IOException;

import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Reducer;

/** Merges partials exactly; run any number of times, in any order, the total is the same. */
public class PartialSumCombiner extends Reducer<NullWritable, PartialSumWritable, NullWritable, PartialSumWritable> {
    private final PartialSumWritable merged = new PartialSumWritable();

    @Override
    protected void reduce(NullWritable key, Iterable<PartialSumWritable> partials, Context context)
            throws IOException, InterruptedException {
        merged.clear();
        for (PartialSumWritable partial : partials) {
            merged.merge(partial);
        }
        context.write(key, merged);
    }
}
