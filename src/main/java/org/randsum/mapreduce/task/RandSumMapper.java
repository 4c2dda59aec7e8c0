package org.randsum.mapreduce.task;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.randsum.contract.Int128;
import org.randsum.contract.ValueRange;
import org.randsum.engine.ParallelEngine;
import org.randsum.engine.RunningSum;
import org.randsum.kernel.KernelSelector;
import org.randsum.kernel.SumKernel;
import org.randsum.kernel.WarmingKernel;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.RandSumCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums its split's chunks through the parallel engine with the map's threads ({@code -t}, else the
 * vcores the map asked YARN for; every core only in local mode) and emits one partial (count, exact
 * sum). The task thread waits on the workers, reporting progress and a status
 * line about once a second, so a map of hours is never taken for hung; only it calls the context.
 */
public class RandSumMapper extends Mapper<LongWritable, ChunkWritable, NullWritable, PartialSumWritable> {
    private static final Logger LOG = LoggerFactory.getLogger(RandSumMapper.class);
    /** How often the task thread reports while the workers sum. */
    static final long REPORT_MILLIS = 1000;

    private ParallelEngine engine;
    private ValueRange range;
    private long splitCount = -1;
    private long valuesBeforeChunk;
    /** When the first chunk started and the last one ended (System.nanoTime), 0 before the first. */
    private long summingStartNanos;
    private long summingEndNanos;
    private SumKernel kernel;
    private final PartialSumWritable partial = new PartialSumWritable();

    @Override
    protected void setup(Context context) throws IOException {
        range = JobSettings.range(context.getConfiguration());
        kernel = kernel(context, range);
        engine = new ParallelEngine(JobSettings.threads(context.getConfiguration()), kernel);
        if (context.getInputSplit() instanceof DescriptorInputSplit split) {
            splitCount = split.descriptor().count();
        }
        context.setStatus("summing with " + engine.threads() + " threads, " + engine.kernel() + " kernel");
    }

    /** This task JVM's kernel; a forced vector kernel it cannot run fails the task, saying why. */
    private static SumKernel kernel(Context context, ValueRange range) throws IOException {
        try {
            KernelSelector.Choice choice = KernelSelector.choose(JobSettings.kernelMode(context.getConfiguration()), range);
            if (choice.fallbackReason() != null) {
                LOG.info("scalar kernel: {}", choice.fallbackReason());
            }
            return choice.kernel();
        } catch (KernelSelector.Unavailable | IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    protected void map(LongWritable offset, ChunkWritable chunk, Context context)
            throws IOException, InterruptedException {
        if (summingStartNanos == 0) {
            summingStartNanos = System.nanoTime();
        }
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
        summingEndNanos = System.nanoTime();
        partial.add(run.count(), sum);
        valuesBeforeChunk += run.count();
        context.getCounter(RandSumCounter.VALUES).increment(run.count());
        report(context, valuesBeforeChunk);
    }

    private void report(Context context, long done) {
        context.progress();
        context.setStatus(splitCount >= 0
                ? String.format("summed %,d of %,d values with %d threads, %s kernel", done, splitCount,
                        engine.threads(), engine.kernel())
                : String.format("summed %,d values with %d threads, %s kernel", done, engine.threads(), engine.kernel()));
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
        context.write(NullWritable.get(), partial);
        context.getCounter(RandSumCounter.SPLITS).increment(1);
        context.getCounter(RandSumCounter.WORKER_THREADS).increment(engine.threads());
        context.getCounter(RandSumCounter.SUMMING_MILLIS).increment(
                summingStartNanos == 0 ? 0 : (summingEndNanos - summingStartNanos) / 1_000_000);
        if (kernel instanceof WarmingKernel warming) {
            context.getCounter(RandSumCounter.WARMUP_SCALAR_VALUES).increment(warming.scalarValues());
        }
        context.getCounter(JobSettings.KERNEL_COUNTERS, engine.kernel()).increment(1);
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
            if (engine != null) {
                engine.close();
            }
        }
    }
}
