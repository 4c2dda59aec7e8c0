package org.randsum.mapreduce;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.randsum.contract.Int128;
import org.randsum.contract.ValueRange;
import org.randsum.engine.ParallelEngine;
import org.randsum.engine.RunningSum;

/**
 * Sums its split's chunks with every core of the task through the parallel engine and emits one
 * partial (count, exact sum). The task thread waits on the workers, reporting progress and a status
 * line about once a second, so a map of hours is never taken for hung; only it calls the context.
 */
public class RandSumMapper extends Mapper<LongWritable, SplitDescriptorWritable, NullWritable, PartialSumWritable> {
    /** How often the task thread reports while the workers sum. */
    static final long REPORT_MILLIS = 1000;

    private ParallelEngine engine;
    private ValueRange range;
    private long splitCount = -1;
    private long valuesBeforeChunk;
    private final PartialSumWritable partial = new PartialSumWritable();

    @Override
    protected void setup(Context context) {
        range = JobSettings.range(context.getConfiguration());
        engine = new ParallelEngine(JobSettings.threads(context.getConfiguration()));
        if (context.getInputSplit() instanceof DescriptorSplit split) {
            splitCount = split.descriptor().count();
        }
        context.setStatus("summing with " + engine.threads() + " threads");
    }

    @Override
    protected void map(LongWritable offset, SplitDescriptorWritable chunk, Context context)
            throws IOException, InterruptedException {
        RunningSum run = engine.start(chunk.get(), range);
        boolean finished = false;
        try {
            while (!run.await(REPORT_MILLIS, TimeUnit.MILLISECONDS)) {
                report(context, valuesBeforeChunk + run.valuesDone());
            }
            finished = true;
        } finally {
            if (!finished) {
                run.cancel(); // this thread was interrupted: stop the workers too
            }
        }
        Int128 sum = run.result();
        partial.add(run.count(), sum);
        valuesBeforeChunk += run.count();
        context.getCounter(RandSumCounter.VALUES).increment(run.count());
        report(context, valuesBeforeChunk);
    }

    private void report(Context context, long done) {
        context.progress();
        context.setStatus(splitCount >= 0
                ? String.format("summed %,d of %,d values with %d threads", done, splitCount, engine.threads())
                : String.format("summed %,d values with %d threads", done, engine.threads()));
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
        context.write(NullWritable.get(), partial);
        context.getCounter(RandSumCounter.SPLITS).increment(1);
        context.getCounter(RandSumCounter.WORKER_THREADS).increment(engine.threads());
    }

    /** As Mapper.run, but the engine's threads are stopped however the task ends. */
    @Override
    public void run(Context context) throws IOException, InterruptedException {
        setup(context);
        try {
            while (context.nextKeyValue()) {
                map(context.getCurrentKey(), context.getCurrentValue(), context);
            }
            cleanup(context);
        } finally {
            engine.close();
        }
    }
}
