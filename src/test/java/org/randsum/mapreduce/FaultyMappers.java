package org.randsum.mapreduce;

import java.io.IOException;

import org.apache.hadoop.io.LongWritable;

/**
 * Test-only mappers that fail on purpose, for the driver's one fault seam: {@code new
 * RandSumDriver(out, err, mapper)} (or {@code DriverRun.run(conf, mapper, ...)}) runs the real job
 * with one of these as its mapper. A new fault goes here, as a subclass of {@link RandSumMapper}.
 */
public final class FaultyMappers {
    private FaultyMappers() {
    }

    /** Dies part-way through its split on the first attempt; later attempts behave. */
    public static class FailsFirstAttempt extends RandSumMapper {
        @Override
        protected void map(LongWritable offset, SplitDescriptorWritable chunk, Context context)
                throws IOException, InterruptedException {
            if (offset.get() > 0 && context.getTaskAttemptID().getId() == 0) {
                throw new IOException("injected failure part-way through attempt 0");
            }
            super.map(offset, chunk, context);
        }
    }

    /** Fails every attempt. */
    public static class AlwaysFails extends RandSumMapper {
        @Override
        protected void map(LongWritable offset, SplitDescriptorWritable chunk, Context context) throws IOException {
            throw new IOException("injected failure: this map always fails");
        }
    }
}
