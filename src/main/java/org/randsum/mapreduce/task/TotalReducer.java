package org.randsum.mapreduce.task;

import java.io.IOException;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * The single reducer: merges every partial and writes one line, {@code <count>\t<sum>}, through the
 * job's output committer, so only one successful attempt's line is ever committed.
 */
public class TotalReducer extends Reducer<NullWritable, PartialSumWritable, LongWritable, Text> {
    private final PartialSumWritable total = new PartialSumWritable();

    @Override
    protected void reduce(NullWritable key, Iterable<PartialSumWritable> partials, Context context) {
        for (PartialSumWritable partial : partials) {
            total.merge(partial);
        }
    }

    /** Writes in cleanup so that a reducer given no partials at all still writes a total (0 values). */
    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
        context.write(new LongWritable(total.count()), new Text(total.sum().toString()));
    }
}
