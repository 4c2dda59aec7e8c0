package org.randsum.mapreduce.task;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.TaskAttemptID;

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
        protected void map(LongWritable offset, ChunkWritable chunk, Context context)
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
        protected void map(LongWritable offset, ChunkWritable chunk, Context context) throws IOException {
            throw new IOException("injected failure: this map always fails");
        }
    }

    /**
     * Pauses before each chunk on the first attempt of its slow tasks, reporting progress as it goes;
     * every later attempt runs at full speed. A straggler for the speculator (one slow task among
     * fast ones), or a window in which a fault can land while the first attempts still run.
     */
    public static class SlowFirstAttempt extends RandSumMapper {
        /** Milliseconds the first attempt of a slow task pauses before each chunk. Not a randsum.* key. */
        public static final String PAUSE_MILLIS = "faults.first-attempt.pause-ms";
        /** The indexes of the slow tasks (comma-separated); unset, every task is slow. */
        public static final String SLOW_TASKS = "faults.slow-tasks";

        @Override
        protected void map(LongWritable offset, ChunkWritable chunk, Context context)
                throws IOException, InterruptedException {
            if (isSlow(context.getConfiguration(), context.getTaskAttemptID())) {
                long pause = context.getConfiguration().getLong(PAUSE_MILLIS, 1000);
                for (long waited = 0; waited < pause; waited += 200) {
                    Thread.sleep(Math.min(200, pause - waited));
                    context.progress();
                }
            }
            super.map(offset, chunk, context);
        }

        private static boolean isSlow(Configuration conf, TaskAttemptID attempt) {
            if (attempt.getId() != 0) {
                return false;
            }
            int[] slow = conf.getInts(SLOW_TASKS);
            if (slow.length == 0) {
                return true;
            }
            for (int task : slow) {
                if (task == attempt.getTaskID().getId()) {
                    return true;
                }
            }
            return false;
        }
    }
}
