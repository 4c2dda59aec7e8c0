package org.randsum.cli;

import java.util.Locale;

/** Where the sum is computed. */
public enum Engine {
    /** A MapReduce job: local mode, YARN or EMR, whatever the Hadoop configuration names. */
    MAPREDUCE,
    /** In this process with all its cores; no job, no filesystem. Fastest for small n. */
    THREADS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Engine parse(String text) throws UsageException {
        for (Engine engine : values()) {
            if (engine.label().equals(text)) {
                return engine;
            }
        }
        throw new UsageException("--engine must be mapreduce or threads, not '" + text + "'");
    }
}
