package org.randsum.submit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.randsum.cli.Command;
import org.randsum.cli.ExitCode;
import org.randsum.cli.GenericOptions;
import org.randsum.cli.OptionsParser;
import org.randsum.cli.Settings;
import org.randsum.cli.UsageException;
import org.randsum.kernel.KernelSelector;
import org.randsum.plan.DefaultMaps;
import org.randsum.plan.HadoopDefaults;
import org.randsum.plan.RunFacts;
import org.randsum.plan.RunPlan;
import org.randsum.plan.SumEstimate;

/**
 * What a run will do on a new EMR cluster, before the cluster exists: the driver's own plan ({@link
 * RunPlan}, {@link DefaultMaps}) for the cluster's core nodes, the kernel {@link KernelSelector}
 * would choose on their CPU, and an estimate of the summing time ({@link SumEstimate}). For {@code
 * scripts/emr-submit}; needs no Hadoop on the class path:
 * {@code java -cp randsum.jar org.randsum.submit.PlanPreview --instance-type m5.xlarge --instance-count 3 -- -n 1e11 -t 2}.
 *
 * <p>The cluster as EMR builds it: YARN runs on the core nodes (on the primary node too when it is the
 * only one), each with as many vcores as its instance type has vCPUs; a map's vcores are randsum's
 * {@code -t}, else {@code mapreduce.map.cpu.vcores} from a {@code -D} (else Hadoop's 1).
 */
public final class PlanPreview {
    /** EC2 names: family letters, generation, attributes (g: Graviton; a: AMD), then the size. */
    private static final Pattern INSTANCE_TYPE = Pattern.compile("([a-z]+)(\\d+)([a-z-]*)\\.(\\d*)(\\w+)");

    private PlanPreview() {
    }

    /** A node's CPU as {@link KernelSelector} sees it. */
    record Cpu(String arch, int vectorBits, String name) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String instanceType = null;
        int instanceCount = 0;
        int i = 0;
        for (; i < args.length && !args[i].equals("--"); i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--instance-type" -> instanceType = value;
                case "--instance-count" -> instanceCount = Integer.parseInt(value);
                default -> {
                    err.println("PlanPreview: unknown option " + args[i]);
                    return ExitCode.USAGE;
                }
            }
        }
        String[] randsumArgs = Arrays.copyOfRange(args, Math.min(i + 1, args.length), args.length);
        try {
            Command command = OptionsParser.parse(GenericOptions.skip(randsumArgs));
            if (command instanceof Command.Run run) {
                out.print(describe(run, GenericOptions.definitions(randsumArgs), instanceType, instanceCount));
            }
            return ExitCode.OK;
        } catch (UsageException e) {
            err.println("randsum: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    /** The plan, the estimate and the map starts, one line each; or one line saying why there is none. */
    static String describe(Command.Run run, Map<String, String> definitions, String instanceType, int instanceCount)
            throws UsageException {
        Matcher type = INSTANCE_TYPE.matcher(instanceType == null ? "" : instanceType);
        int vcores = type.matches() ? vcpus(type.group(4), type.group(5)) : 0;
        if (vcores == 0) {
            return "plan: not estimated: the vCPUs of instance type " + instanceType + " are not known here\n";
        }
        if (run.values() instanceof Command.Descriptors given) {
            return "plan: one map per descriptor in " + given.dir() + " (read on the cluster)\n";
        }
        int nodes = Math.max(1, instanceCount - 1);
        List<Integer> nodeVcores = Collections.nCopies(nodes, vcores);
        int amVcores = Integer.parseInt(definitions.getOrDefault(HadoopDefaults.AM_CPU_VCORES, Integer.toString(HadoopDefaults.AM_CPU_VCORES_DEFAULT)));
        int mapVcores = Integer.parseInt(definitions.getOrDefault(HadoopDefaults.MAP_CPU_VCORES, Integer.toString(HadoopDefaults.MAP_CPU_VCORES_DEFAULT)));
        KernelSelector.Mode mode = KernelSelector.Mode.parse(definitions.get(KernelSelector.KEY));
        String startSetting = definitions.get(Settings.MAP_START_SECONDS);
        double start = startSetting == null ? DefaultMaps.MAP_START_SECONDS : Settings.mapStartSeconds(startSetting);
        RunPlan plan;
        try {
            String uber = definitions.get(HadoopDefaults.UBERTASK_ENABLE);
            plan = RunPlan.of(run, mode, new StatedCluster(mapVcores, nodeVcores, amVcores,
                    uber == null ? null : Boolean.parseBoolean(uber),
                    Integer.parseInt(definitions.getOrDefault(HadoopDefaults.UBERTASK_MAXMAPS, Integer.toString(HadoopDefaults.UBERTASK_MAXMAPS_DEFAULT))),
                    start));
        } catch (java.io.IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
        Cpu cpu = cpu(type.group(3), Integer.parseInt(type.group(2)));
        boolean vector;
        try {
            vector = KernelSelector.decide(new KernelSelector.Facts(cpu.arch(), true, true, cpu.vectorBits()), mode,
                    plan.range()).vector();
        } catch (KernelSelector.Unavailable never) {
            vector = true; // the module is there: the driver adds it to the maps' options
        }
        String kernel = vector ? "vector-" + cpu.vectorBits() : "scalar";
        // Uber mode runs the maps one after another in the application master's container.
        long wave = plan.uber() ? 1 : DefaultMaps.wave(nodeVcores, amVcores, plan.threads());
        long waves = SumEstimate.waves(plan, wave);
        double nanos = SumEstimate.nanosPerValue(kernel, plan.range());
        double seconds = SumEstimate.seconds(plan, wave, nanos);
        return String.format("plan: %s x %s (%s a map) on %s x %d vcores (%s), %s, %s kernel (%s)%n",
                count(plan.maps(), "map"), count(plan.threads(), "thread"), count(plan.threads(), "vcore"),
                count(nodes, "node"), vcores, instanceType,
                plan.uber() ? "uber mode (one after another in the application master)" : count(waves, "wave"),
                kernel, cpu.name())
                + String.format("estimate: about %s of summing (an estimate, not a measurement: %.3f ns a value per"
                        + " vcore, the %s kernel's speed for this range measured on the project's AVX-512 machine,"
                        + " docs/benchmarks.md; cluster and job start-up not included)%n", duration(seconds), nanos,
                        kernel)
                + (plan.uber() ? "" : String.format("starts: about %s of map starts, %s x %.1f s (%s; the"
                        + " application master's start not included)%n", duration(waves * start), count(waves, "wave"),
                        start, startSetting == null ? "a map's container start measured on the lab, docs/benchmarks.md"
                                + " \"The planner's cost model\"" : Settings.MAP_START_SECONDS));
    }

    /** vCPUs of an EC2 size: medium 1, large 2, xlarge 4, Nxlarge 4N; 0 for others (metal: it varies). */
    static int vcpus(String multiplier, String size) {
        return switch (size) {
            case "medium" -> multiplier.isEmpty() ? 1 : 0;
            case "large" -> multiplier.isEmpty() ? 2 : 0;
            case "xlarge" -> 4 * (multiplier.isEmpty() ? 1 : Integer.parseInt(multiplier));
            default -> 0;
        };
    }

    /**
     * The CPU of a family: Graviton (attribute g) is aarch64; AMD before generation 7 (m5a, m6a) has
     * AVX2 only, 256-bit vectors; Intel from m5 on, and AMD from m7a on, have AVX-512.
     */
    static Cpu cpu(String attributes, int generation) {
        if (attributes.contains("g")) {
            return new Cpu("aarch64", 128, "Graviton, aarch64");
        }
        if (attributes.contains("a") && generation < 7) {
            return new Cpu("amd64", 256, "AMD, AVX2");
        }
        return new Cpu("amd64", 512, "x86-64, AVX-512");
    }

    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 1) {
            return "under a second";
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** The facts of a cluster that is not there yet: YARN, with the stated nodes. */
    private record StatedCluster(int mapVcores, List<Integer> nodeVcores, int amVcores, Boolean uberRequested,
            int uberMaxMaps, double mapStartSeconds) implements RunFacts {
        @Override
        public boolean localMode() {
            return false;
        }

        @Override
        public int availableThreads() {
            return mapVcores;
        }

        @Override
        public Cluster cluster() {
            return new Cluster(new ArrayList<>(nodeVcores), amVcores);
        }

        @Override
        public Descriptors descriptors(String dir) {
            throw new UnsupportedOperationException("descriptors are read on the cluster");
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
