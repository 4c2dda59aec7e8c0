package org.randsum.plan;

import java.io.IOException;
import java.util.List;

import org.randsum.contract.ValueRange;

/**
 * The default number of maps, a pure rule over {@link RunFacts} (no Hadoop types). Local mode: 1
 * (the local runner runs maps one at a time, and one map already uses every core). YARN: one wave
 * that fills the cluster: on each running NodeManager, as many maps as its vcores hold at {@code
 * threads} vcores a map, less the room the application master's vcore takes on one node, and no
 * more than the job's queue may hold beside its application master (its maximum capacity: a map that
 * waits for the queue makes a second wave); but never fewer than {@link #MIN_VALUES_PER_MAP} values
 * a map. Where the summing is long enough, more such waves ({@link #waves}): a slow node then holds
 * less, at the price of one more container start on every slot a wave.
 */
public final class DefaultMaps {
    /**
     * 2^31 values, under a second of summing for the vector kernel (0.33 ns a value a thread), 2.5 s
     * for the scalar one. A map's start costs more ({@link #MAP_START_SECONDS}), so such a map mostly
     * starts; it stays the floor because the maps of one wave start side by side: more of them shorten
     * the wave's summing without lengthening its start, at the price of the cluster's CPU, not the wall.
     */
    public static final long MIN_VALUES_PER_MAP = 1L << 31;

    /**
     * Seconds from a map's container request to its end when it has almost nothing to sum, on a node
     * with a whole CPU for its vcore: 6.7 s on the lab (ClusterLabIT's, 3 nodes of 1 CPU; 10.2 s
     * at 0.5 CPU), docs/benchmarks.md "The planner's cost model". The lab's task class path is
     * hadoop-minicluster's 240 jars, more than an installed Hadoop's, so the figure errs toward one wave.
     */
    public static final double MAP_START_SECONDS = 6.7;

    /**
     * What the waves past the first may cost on equal nodes, as a share of the one-wave maps phase:
     * each is one more container start on every slot (issue #21's bound: 1.05x of one wave).
     */
    public static final double EXTRA_WAVE_BUDGET = 0.05;

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

    /**
     * The waves of equal maps for n values when one wave is {@code wave} maps: as many as fit in
     * {@link #EXTRA_WAVE_BUDGET} of the one-wave maps phase, each wave past the first costing one more
     * start ({@link #MAP_START_SECONDS}); no more than {@code sqrt(share / start)}, past which more waves
     * lose even on a slow node; and no more than keep {@link #MIN_VALUES_PER_MAP} a map. At least 1.
     *
     * <p>Why (docs/benchmarks.md "The planner's cost model"): with w waves, a slot's share of the
     * summing S and a start s, equal nodes take w s + S, so every wave past the
     * first costs s. A node at 1/4 speed among 3 slots holds one first-wave map, S / w, four times as
     * long, and the others run out of maps at about the time it or its speculative duplicate ends: the
     * maps phase is then about (w + 1)(s + S / w), down from 2(s + S) for one wave, least at w = sqrt(S / s).
     */
    public static int waves(long n, long wave, int threadsPerMap, double nanosPerValue) {
        return waves(n, wave, threadsPerMap, nanosPerValue, MAP_START_SECONDS);
    }

    /** {@link #waves(long, long, int, double)} for a cluster whose map starts take {@code startSeconds}. */
    public static int waves(long n, long wave, int threadsPerMap, double nanosPerValue, double startSeconds) {
        if (wave < 1) {
            return 1;
        }
        double share = (double) n / wave * nanosPerValue / threadsPerMap / 1e9;
        // In doubles: a stated start of a picosecond makes the budget's bound overflow a long.
        double byBudget = 1 + Math.floor(EXTRA_WAVE_BUDGET * (startSeconds + share) / startSeconds);
        double bySlowNode = Math.floor(Math.sqrt(share / startSeconds));
        double bySize = n / wave / MIN_VALUES_PER_MAP;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(byBudget, Math.min(bySlowNode, bySize))));
    }

    /**
     * The default for n values at {@code threadsPerMap} threads a map; asks for the cluster only on
     * YARN. One wave, for descriptors written ahead of a run whose range is not known yet ({@code
     * randsum generate}); {@link #choose(RunFacts, long, int, ValueRange)} for a run.
     */
    public static long choose(RunFacts facts, long n, int threadsPerMap) throws IOException {
        if (facts.localMode()) {
            return 1;
        }
        RunFacts.Cluster cluster = facts.cluster();
        return forCluster(n, cluster.nodeVcores(), cluster.amVcores(), threadsPerMap, cluster.queueShare());
    }

    /**
     * The default for a run of n values in {@code range}: one wave ({@link #choose(RunFacts, long,
     * int)}), or more waves of the same maps when the summing is long enough ({@link #waves}), weighed
     * at {@link #nanosBesideTheStart}.
     */
    public static long choose(RunFacts facts, long n, int threadsPerMap, ValueRange range) throws IOException {
        long oneWave = choose(facts, n, threadsPerMap);
        if (facts.localMode() || oneWave < wave(facts.cluster(), threadsPerMap)) {
            return oneWave; // a wave that is not full has no second wave to make
        }
        return oneWave * waves(n, oneWave, threadsPerMap, nanosBesideTheStart(range), facts.mapStartSeconds());
    }

    /**
     * The ns a value a thread that a slot's share is weighed at against {@link #MAP_START_SECONDS}:
     * the fastest range of the class on the machine where the start was measured (docs/benchmarks.md
     * "Steady rates": AMD EPYC, the vector-512 kernel, one thread), so that the ratio is one machine's.
     * The fastest, so that a slower kernel or CPU errs toward fewer waves, the side equal nodes lose
     * nothing on.
     */
    static double nanosBesideTheStart(ValueRange range) {
        return switch (SumEstimate.rangeClass(range)) {
            case POWER_OF_TWO -> 0.131; // default 0.139, 2^40 0.131, 2^60 0.155
            case NARROW -> 0.200;
            case WIDE -> 0.354;
            case FULL -> 0.147;
        };
    }
}
