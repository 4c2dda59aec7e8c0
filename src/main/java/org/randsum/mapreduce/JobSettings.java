package org.randsum.mapreduce;

import org.apache.hadoop.conf.Configuration;
import org.randsum.contract.ValueRange;
import org.randsum.engine.ParallelEngine;

/** The job configuration keys randsum's tasks read, with typed accessors. */
public final class JobSettings {
    public static final String MIN = "randsum.min";
    public static final String MAX = "randsum.max";
    /** Worker threads per map; unset means all processors the task's JVM sees. */
    public static final String THREADS = "randsum.threads";
    /** Values per record the input format hands a mapper: the granularity of its progress. */
    public static final String CHUNK_VALUES = "randsum.chunk.values";
    /** Where the driver makes its work directories (on the default filesystem unless qualified). */
    public static final String WORK_ROOT = "randsum.work.root";

    public static final long DEFAULT_MIN_CHUNK = 1L << 24;
    /** A split is handed over in about this many records, so progress moves in 1% steps. */
    public static final int CHUNKS_PER_SPLIT = 100;

    private JobSettings() {
    }

    public static void setRange(Configuration conf, ValueRange range) {
        conf.setLong(MIN, range.min());
        conf.setLong(MAX, range.max());
    }

    public static ValueRange range(Configuration conf) {
        return new ValueRange(conf.getLong(MIN, ValueRange.DEFAULT_MIN), conf.getLong(MAX, ValueRange.DEFAULT_MAX));
    }

    public static int threads(Configuration conf) {
        int threads = conf.getInt(THREADS, 0);
        return threads > 0 ? threads : ParallelEngine.availableThreads();
    }

    /** Values per record: about 1% of the split, but at least {@link #DEFAULT_MIN_CHUNK} (or as configured). */
    public static long chunkValues(Configuration conf, long splitCount) {
        long configured = conf.getLong(CHUNK_VALUES, 0);
        if (configured > 0) {
            return configured;
        }
        return Math.max(DEFAULT_MIN_CHUNK, splitCount / CHUNKS_PER_SPLIT + 1);
    }

    public static String workRoot(Configuration conf) {
        return conf.get(WORK_ROOT, "/tmp/randsum-" + System.getProperty("user.name", "user"));
    }
}
