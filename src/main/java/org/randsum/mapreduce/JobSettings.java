package org.randsum.mapreduce;

import org.apache.hadoop.conf.Configuration;
import org.randsum.contract.KernelSelector;
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
    /** {@code auto} (default), {@code vector} or {@code scalar}: which kernel the maps and the threads engine run. */
    public static final String KERNEL = KernelSelector.KEY;
    /** The job counter group that counts the maps that ran each kernel (counter name: the kernel's). */
    public static final String KERNEL_COUNTERS = "randsum: maps per kernel";
    /** What task JVMs need on their command line for the vector kernel. */
    public static final String VECTOR_JVM_OPTION = "--add-modules " + KernelSelector.MODULE;

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

    /** The kernel mode; throws IllegalArgumentException, naming the key, for a value that is none. */
    public static KernelSelector.Mode kernelMode(Configuration conf) {
        return KernelSelector.Mode.parse(conf.get(KERNEL));
    }

    /**
     * The map JVMs' options as Hadoop resolves them ({@code mapreduce.map.java.opts}, else {@code
     * mapred.child.java.opts}), with the Vector API module appended: appended, never replaced, since
     * clusters set the heap there. Unchanged when they name the module already.
     */
    public static String mapJavaOptsWithVectorModule(Configuration conf) {
        String opts = conf.get("mapreduce.map.java.opts", conf.get("mapred.child.java.opts", "")).strip();
        if (opts.contains(KernelSelector.MODULE)) {
            return opts;
        }
        return opts.isEmpty() ? VECTOR_JVM_OPTION : opts + " " + VECTOR_JVM_OPTION;
    }

    public static String workRoot(Configuration conf) {
        return conf.get(WORK_ROOT, "/tmp/randsum-" + System.getProperty("user.name", "user"));
    }
}
