package org.randsum.mapreduce;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.randsum.cli.Settings;
import org.randsum.contract.ValueRange;
import org.randsum.engine.ParallelEngine;
import org.randsum.kernel.KernelSelector;

/**
 * randsum's keys ({@link Settings}: their one home) read from and written to a job's Hadoop
 * configuration, by the client and by the tasks alike; and the Hadoop settings the job adjusts.
 */
public final class JobSettings {
    /** The job counter group that counts the maps that ran each kernel (counter name: the kernel's). */
    public static final String KERNEL_COUNTERS = "randsum: maps per kernel";
    /** What task JVMs need on their command line for the vector kernel. */
    public static final String VECTOR_JVM_OPTION = "--add-modules " + KernelSelector.MODULE;

    /** {@code mapreduce.task.io.sort.mb} unless the user set it: a map's output is one record. */
    public static final int MAP_SORT_BUFFER_MB = 1;
    /**
     * {@code yarn.client.nodemanager-connect.max-wait-ms} for the job's application master unless the
     * user set it: how long it keeps calling a NodeManager that does not answer. A live one answers
     * at once. A dead one held a killed map's container clean-up, and with it the job's end, for
     * YARN's default 3 minutes (measured on the lab: the job's result 165 s after it succeeded).
     */
    public static final int NODEMANAGER_CONNECT_WAIT_MS = 30_000;

    private JobSettings() {
    }

    public static void setRange(Configuration conf, ValueRange range) {
        conf.setLong(Settings.MIN, range.min());
        conf.setLong(Settings.MAX, range.max());
    }

    public static ValueRange range(Configuration conf) {
        return new ValueRange(conf.getLong(Settings.MIN, ValueRange.DEFAULT_MIN), conf.getLong(Settings.MAX, ValueRange.DEFAULT_MAX));
    }

    public static int threads(Configuration conf) {
        int threads = conf.getInt(Settings.THREADS, 0);
        return threads > 0 ? threads : ParallelEngine.availableThreads();
    }

    /** Values per record: as configured, else about 1% of the split but at least {@link Settings#CHUNK_VALUES_DEFAULT_MIN}. */
    public static long chunkValues(Configuration conf, long splitCount) {
        long configured = conf.getLong(Settings.CHUNK_VALUES, 0);
        if (configured > 0) {
            return configured;
        }
        return Math.max(Settings.CHUNK_VALUES_DEFAULT_MIN, splitCount / Settings.CHUNKS_PER_SPLIT + 1);
    }

    /** The kernel mode; throws IllegalArgumentException, naming the key, for a value that is none. */
    public static KernelSelector.Mode kernelMode(Configuration conf) {
        return KernelSelector.Mode.parse(conf.get(KernelSelector.KEY));
    }

    /**
     * The map JVMs' options as Hadoop resolves them ({@code mapreduce.map.java.opts}, else {@code
     * mapred.child.java.opts}), with the vector kernel's options appended: appended, never replaced,
     * since clusters set the heap there. See {@link #withVectorOptions}.
     */
    public static String mapJavaOptsWithVectorOptions(Configuration conf) {
        return withVectorOptions(conf.get("mapreduce.map.java.opts", conf.get("mapred.child.java.opts", "")));
    }

    /**
     * The application master's options ({@code yarn.app.mapreduce.am.command-opts}, Hadoop's default
     * {@code -Xmx1024m} where unset) with the vector kernel's options appended: in uber mode the maps
     * run in its JVM.
     */
    public static String amCommandOptsWithVectorOptions(Configuration conf) {
        return withVectorOptions(conf.get(MRJobConfig.MR_AM_COMMAND_OPTS, MRJobConfig.DEFAULT_MR_AM_COMMAND_OPTS));
    }

    /**
     * {@code options} with {@link #VECTOR_JVM_OPTION} unless they name the module already, and with
     * {@link KernelSelector#JIT_OPTIONS} unless they set {@link KernelSelector#JIT_SETTING} themselves.
     */
    private static String withVectorOptions(String options) {
        String opts = options.strip();
        if (!opts.contains(KernelSelector.MODULE)) {
            opts = appended(opts, VECTOR_JVM_OPTION);
        }
        if (!opts.contains(KernelSelector.JIT_SETTING)) {
            opts = appended(opts, KernelSelector.JIT_OPTIONS);
        }
        return opts;
    }

    private static String appended(String options, String more) {
        return options.isEmpty() ? more : options + " " + more;
    }

    /** Whether jobs run in this JVM (Hadoop's local runner), as {@code mapreduce.framework.name} says. */
    public static boolean isLocalMode(Configuration conf) {
        return "local".equals(conf.get(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME));
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
