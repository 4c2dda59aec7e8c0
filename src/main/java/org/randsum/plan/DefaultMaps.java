package org.randsum.plan;

import java.io.IOException;
import java.util.List;

/**
 * The default number of maps, a pure rule over {@link RunFacts} (no Hadoop types). Local mode: 1
 * (the local runner runs maps one at a time, and one map already uses every core). YARN: one wave
 * that fills the cluster: on each running NodeManager, as many maps as its vcores hold at {@code
 * threads} vcores a map, less the room the application master's vcore takes on one node, and no
 * more than the job's queue may hold beside its application master (its maximum capacity: a map that
 * waits for the queue makes a second wave); but never fewer than {@link #MIN_VALUES_PER_MAP} values
 * a map, since starting a container costs about a second.
 */
public final class DefaultMaps {
    /**
     * 2^31 values: as long as the container's start costs (about a CPU-second for the task JVM), at
     * the vector kernel's 3e9 values a second per thread (0.33 ns a value, docs/benchmarks.md); the
     * scalar kernel takes 2.5 s over it. A map of less would spend more starting than summing.
     */
    public static final long MIN_VALUES_PER_MAP = 1L << 31;

    private DefaultMaps() {
    }

    /** The pure rule, given each running node's vcores and the application master's; the whole cluster's. */
    public static long forCluster(long n, List<Integer> nodeVcores, int amVcores, int threadsPerMap) {
        return forCluster(n, nodeVcores, amVcores, threadsPerMap, 1);
    }

    /** The pure rule in a queue that may use at most {@code queueShare} (0 to 1) of the cluster. */
    public static long forCluster(long n, List<Integer> nodeVcores, int amVcores, int threadsPerMap, double queueShare) {
        return Math.min(wave(new RunFacts.Cluster(nodeVcores, amVcores, queueShare), threadsPerMap),
                Math.max(1, n / MIN_VALUES_PER_MAP));
    }

    /**
     * The maps of {@code threadsPerMap} vcores that a queue capped at {@code queueShare} of the
     * cluster's vcores holds beside the application master (at least 1). The capacity scheduler
     * rounds a queue's limit to whole vcores (down, measured: half of 4 vcores held the AM and one map).
     */
    public static long queueWave(List<Integer> nodeVcores, int amVcores, int threadsPerMap, double queueShare) {
        long vcores = 0;
        for (int each : nodeVcores) {
            vcores += each;
        }
        long queueVcores = (long) Math.floor(vcores * Math.max(0, Math.min(1, queueShare)) + 1e-9);
        return Math.max(1, (queueVcores - amVcores) / threadsPerMap);
    }

    /** The maps of {@code threadsPerMap} vcores that run at once beside the application master (at least 1). */
    public static long wave(List<Integer> nodeVcores, int amVcores, int threadsPerMap) {
        long slots = 0;
        long amCost = Long.MAX_VALUE; // the fewest map slots the AM can cost, on the node that suits it best
        for (int vcores : nodeVcores) {
            long fits = vcores / threadsPerMap;
            slots += fits;
            if (vcores >= amVcores) {
                amCost = Math.min(amCost, fits - (vcores - amVcores) / threadsPerMap);
            }
        }
        return Math.max(1, slots - (amCost == Long.MAX_VALUE ? 0 : amCost));
    }

    /** The maps of {@code threadsPerMap} vcores that run at once in {@code cluster}, its queue's cap counted. */
    public static long wave(RunFacts.Cluster cluster, int threadsPerMap) {
        return Math.min(wave(cluster.nodeVcores(), cluster.amVcores(), threadsPerMap),
                queueWave(cluster.nodeVcores(), cluster.amVcores(), threadsPerMap, cluster.queueShare()));
    }

    /** The default for n values at {@code threadsPerMap} threads a map; asks for the cluster only on YARN. */
    public static long choose(RunFacts facts, long n, int threadsPerMap) throws IOException {
        if (facts.localMode()) {
            return 1;
        }
        RunFacts.Cluster cluster = facts.cluster();
        return forCluster(n, cluster.nodeVcores(), cluster.amVcores(), threadsPerMap, cluster.queueShare());
    }
}
