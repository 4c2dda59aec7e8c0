package org.randsum.plan;

import java.io.IOException;
import java.util.List;

import org.randsum.cli.UsageException;

/**
 * What a run's plan depends on outside the command line, as plain values: {@link HadoopFacts} reads
 * them from the client configuration, the ResourceManager and the filesystem; tests state their own.
 * No Hadoop types, like {@link RunPlan} and {@link DefaultMaps}.
 */
public interface RunFacts {
    /**
     * The running NodeManagers' vcores, the vcores the application master asks for, and the most of
     * the cluster the job's queue may use (0 to 1: {@link QueueShare}).
     */
    record Cluster(List<Integer> nodeVcores, int amVcores, double queueShare) {
        /** A cluster whose job may use all of it (one queue, or a queue with no cap). */
        public Cluster(List<Integer> nodeVcores, int amVcores) {
            this(nodeVcores, amVcores, 1);
        }
    }

    /** An existing descriptor directory: the values it covers and how many descriptors (maps) it has. */
    record Descriptors(long count, long descriptors) {
    }

    /** Whether jobs run in this JVM (Hadoop's local runner) rather than on YARN. */
    boolean localMode();

    /** The processors this JVM may use: the default threads of a map in local mode. */
    int availableThreads();

    /** The vcores a map asks YARN for ({@code mapreduce.map.cpu.vcores}): the default threads of a map on YARN. */
    int mapVcores();

    /** The cluster's size, asked of the ResourceManager; only called on YARN when the maps are not given. */
    Cluster cluster() throws IOException;

    /**
     * {@code mapreduce.job.ubertask.enable} as the user set it (a site file, {@code -D}), or null
     * where only Hadoop's default stands: then randsum decides ({@link RunPlan#UBER_MAX_VALUES}).
     */
    Boolean uberRequested();

    /**
     * Seconds a map's container takes to start, for the planner's waves: {@code
     * randsum.map.start.seconds} where the user set it, else the lab's {@link DefaultMaps#MAP_START_SECONDS}.
     */
    default double mapStartSeconds() {
        return DefaultMaps.MAP_START_SECONDS;
    }

    /** The most maps Hadoop runs in uber mode ({@code mapreduce.job.ubertask.maxmaps}, default 9). */
    int uberMaxMaps();

    /** The descriptors in {@code dir}, read and validated; a missing or malformed directory is a usage error. */
    Descriptors descriptors(String dir) throws IOException, UsageException;
}
