package org.randsum.mapreduce;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.randsum.cli.Settings;
import org.randsum.contract.KernelSelector;
import org.randsum.contract.ValueRange;
import org.randsum.engine.ParallelEngine;

/** The job configuration keys randsum's tasks read, with typed accessors. */
public final class JobSettings {
    public static final String MIN = "randsum.min";
    public static final String MAX = "randsum.max";
    /** Worker threads per map; unset means all processors the task's JVM sees. */
    public static final String THREADS = "randsum.threads";
    /** The settings a user may give are {@link Settings}'s; these name them where tasks read them. */
    public static final String CHUNK_VALUES = Settings.CHUNK_VALUES;
    public static final String WORK_ROOT = Settings.WORK_ROOT;
    public static final String KERNEL = Settings.KERNEL;
    /** The job counter group that counts the maps that ran each kernel (counter name: the kernel's). */
    public static final String KERNEL_COUNTERS = "randsum: maps per kernel";
    /** What task JVMs need on their command line for the vector kernel. */
    public static final String VECTOR_JVM_OPTION = "--add-modules " + KernelSelector.MODULE;

    public static final long DEFAULT_MIN_CHUNK = 1L << 24;
    /** A split is handed over in about this many records, so progress moves in 1% steps. */
    public static final int CHUNKS_PER_SPLIT = 100;
    /** {@code mapreduce.task.io.sort.mb} unless the user set it: a map's output is one record. */
    public static final int MAP_SORT_BUFFER_MB = 1;

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
        return withVectorModule(conf.get("mapreduce.map.java.opts", conf.get("mapred.child.java.opts", "")));
    }

    /**
     * The application master's options ({@code yarn.app.mapreduce.am.command-opts}, Hadoop's default
     * {@code -Xmx1024m} where unset) with the module appended: in uber mode the maps run in its JVM.
     */
    public static String amCommandOptsWithVectorModule(Configuration conf) {
        return withVectorModule(conf.get(MRJobConfig.MR_AM_COMMAND_OPTS, MRJobConfig.DEFAULT_MR_AM_COMMAND_OPTS));
    }

    private static String withVectorModule(String options) {
        String opts = options.strip();
        if (opts.contains(KernelSelector.MODULE)) {
            return opts;
        }
        return opts.isEmpty() ? VECTOR_JVM_OPTION : opts + " " + VECTOR_JVM_OPTION;
    }

    /**
     * Whether someone set {@code key}: a site file, a {@code -D} option or code, not only Hadoop's
     * {@code *-default.xml} (where a JobConf always finds a value).
     */
    public static boolean setByUser(Configuration conf, String key) {
        if (conf.get(key) == null) {
            return false;
        }
        String[] sources = conf.getPropertySources(key);
        if (sources == null) {
            return true;
        }
        for (String source : sources) {
            if (!source.endsWith("-default.xml")) {
                return true;
            }
        }
        return false;
    }
}
