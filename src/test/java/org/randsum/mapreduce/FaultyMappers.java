package org.randsum.mapreduce;

import java.io.IOException;

import org.apache.hadoop.io.LongWritable;

/** Test-only mappers that fail on purpose; production code has no fault hooks. */
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

    /** A driver whose job uses the given mapper. */
    public static class Driver extends RandSumDriver {
        private final Class<? extends RandSumMapper> mapper;

        public Driver(Class<? extends RandSumMapper> mapper, java.io.PrintStream out, java.io.PrintStream err) {
            super(out, err);
            this.mapper = mapper;
        }

        @Override
        protected Class<? extends RandSumMapper> mapperClass() {
            return mapper;
        }
    }
}
