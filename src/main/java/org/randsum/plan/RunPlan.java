package org.randsum.plan;

import java.io.IOException;

import org.randsum.cli.Command;
import org.randsum.cli.UsageException;
import org.randsum.contract.SplitPlanner;
import org.randsum.contract.ValueRange;
import org.randsum.kernel.KernelSelector;

/**
 * What a MapReduce run will do, decided from the command and the {@link RunFacts} before anything
 * is written: n, the maps, the threads a map runs, the input, and what to tell the user. No Hadoop
 * types (the architecture test holds it to that), so the sizing rules are tested without a cluster.
 *
 * @param maps                the maps the job will have (one per descriptor)
 * @param threads             the threads each map runs, and the vcores it asks YARN for
 * @param local               whether the job runs in this JVM (Hadoop's local runner)
 * @param vectorModuleInTasks whether the task JVMs need the Vector API module on their command line
 * @param uber                whether the job runs in uber mode: its maps and reducer one after another
 *                            inside the application master's JVM, with no containers of their own
 * @param wave                the maps that can run at once on YARN ({@link DefaultMaps#wave(RunFacts.Cluster,
 *                            int)}); 0 in local and uber mode, where maps run one after another
 */
public record RunPlan(long n, long maps, int threads, boolean local, Input input, ValueRange range,
        boolean vectorModuleInTasks, boolean uber, long wave) {
    /**
     * A YARN job of at most this many values runs in uber mode unless the user says otherwise
     * ({@code mapreduce.job.ubertask.enable}): 2^32 values take at most 1.4 s on one vector thread
     * (5 s scalar) in the application master, less than the map and reduce container starts (several
     * seconds each) that uber mode saves; n = 1e6 took 17-24 s without it on the script cluster,
     * 9.4-11.7 s with it (bench/uber.sh). Its maps run one after another, so above this parallel maps win.
     */
    public static final long UBER_MAX_VALUES = 1L << 32;

    /**
     * Below these n the threads engine gives the sum sooner than a job (docs/benchmarks.md): the
     * local job's start-up (about 1.8 s) is worth 1e10 values to two vector threads (0.33 ns a value
     * each); a YARN job's (10 s in uber mode, 19 s without: medians on the script cluster, docs/benchmarks.md
     * "Uber mode") is worth 6e10 to 1.2e11 of them on the client, and more on a client with more cores.
     */
    static final long LOCAL_HINT_BELOW = 10_000_000_000L;
    static final long CLUSTER_HINT_BELOW = 100_000_000_000L;

    /** Where the job's descriptors come from. */
    public sealed interface Input permits Generated, Given {
    }

    /** Descriptors the run plans from the seed and writes to its work directory, {@code maps} of them. */
    public record Generated(long seed) implements Input {
    }

    /** The user's descriptor directory, read as it is. */
    public record Given(String dir) implements Input {
    }

    /**
     * The plan for {@code run}. Threads: {@code -t}, else every processor in local mode and the
     * map's vcores on YARN. Maps: one per given descriptor, else {@code -m}, else {@link
     * DefaultMaps#choose}, and never more than n ({@link SplitPlanner#splitCount}).
     */
    public static RunPlan of(Command.Run run, KernelSelector.Mode kernelMode, RunFacts facts)
            throws IOException, UsageException {
        boolean local = facts.localMode();
        int threads = run.threads().orElse(local ? facts.availableThreads() : facts.mapVcores());
        boolean vectorModuleInTasks = kernelMode != KernelSelector.Mode.SCALAR && !local;
        if (run.values() instanceof Command.Descriptors given) {
            RunFacts.Descriptors found = facts.descriptors(given.dir());
            boolean uber = uber(facts, found.count(), found.descriptors(), kernelMode);
            return new RunPlan(found.count(), found.descriptors(), threads, local, new Given(given.dir()), run.range(),
                    vectorModuleInTasks, uber, wave(facts, uber, threads));
        }
        Command.CountAndSeed values = (Command.CountAndSeed) run.values();
        long n = values.count();
        long maps = values.maps().isPresent() ? values.maps().getAsInt() : DefaultMaps.choose(facts, n, threads, run.range());
        long splits = SplitPlanner.splitCount(n, maps);
        boolean uber = uber(facts, n, splits, kernelMode);
        return new RunPlan(n, splits, threads, local, new Generated(values.seed()), run.range(), vectorModuleInTasks,
                uber, wave(facts, uber, threads));
    }

    private static long wave(RunFacts facts, boolean uber, int threads) throws IOException {
        return facts.localMode() || uber ? 0 : DefaultMaps.wave(facts.cluster(), threads);
    }

    /**
     * When the reducer may start ({@code mapreduce.job.reduce.slowstart.completedmaps}): once the
     * first container frees that no map is waiting for, i.e. when {@code maps - wave + 1} maps are
     * done. The reducer adds one partial sum a map, so an earlier start holds a slot a map needs
     * (measured on the lab: 88 s of a 173 s job at -m 24); a later one puts its container's start
     * after the last map (measured: a reduce phase of 15.5 s against 2.0 s). One wave: after the
     * first map, as Hadoop's default does. Null when the job runs no reducer container of its own
     * (local and uber mode) or the wave is unknown: Hadoop's default stands.
     */
    public Float reduceSlowStart() {
        if (local || uber || wave < 1 || maps < 1) {
            return null;
        }
        return (float) Math.min(1.0, Math.max(1, maps - wave + 1) / (double) maps);
    }

    /**
     * Uber mode: never in local mode; as the user asked where they set {@code
     * mapreduce.job.ubertask.enable}; else for at most {@link #UBER_MAX_VALUES} values in no more
     * maps than Hadoop uberizes, unless the vector kernel is forced. A forced {@code vector} can fail
     * its task by design, and a failing uber task can end the application master before its error
     * reaches the client (Hadoop's uber runner then starts the reducer, which may exit the JVM), so
     * that run's maps get containers, which report the reason.
     */
    static boolean uber(RunFacts facts, long n, long maps, KernelSelector.Mode kernelMode) {
        if (facts.localMode()) {
            return false;
        }
        Boolean requested = facts.uberRequested();
        if (requested != null) {
            return requested;
        }
        return n <= UBER_MAX_VALUES && maps <= facts.uberMaxMaps() && kernelMode != KernelSelector.Mode.VECTOR;
    }

    /** The stream's seed, or null for given descriptors (they hold their own). */
    public Long seed() {
        return input instanceof Generated generated ? generated.seed() : null;
    }

    public String jobName() {
        return "randsum" + (input instanceof Given given ? " " + given.dir() : " n=" + n + " seed=" + seed());
    }

    /** The line the driver prints before it submits the job. */
    public String summary() {
        return "randsum: summing " + n + " values in " + maps + (maps == 1 ? " map" : " maps") + " x "
                + threads + (threads == 1 ? " thread" : " threads") + (local ? " (local mode)" : "")
                + (!uber && wave > 0 && maps > wave ? " (" + (maps + wave - 1) / wave + " waves of " + wave + ")" : "")
                + (uber ? " (uber mode: in the application master; -D mapreduce.job.ubertask.enable=false turns it off)" : "")
                + (input instanceof Given given ? ", from " + given.dir() : ", seed " + seed());
    }

    /** A line pointing to {@code --engine threads} when n is too small for a job to pay off, else null. */
    public String hint() {
        if (n >= (local ? LOCAL_HINT_BELOW : CLUSTER_HINT_BELOW)) {
            return null;
        }
        return "randsum: hint: for n = " + n + ", --engine threads gives the same sum in-process, without the "
                + (local ? "local job's ~2 s" : "cluster job's 10+ s") + " start-up (see docs/benchmarks.md)";
    }
}
