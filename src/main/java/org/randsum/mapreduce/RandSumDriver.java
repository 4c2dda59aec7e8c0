package org.randsum.mapreduce;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.util.Tool;
import org.randsum.cli.Command;
import org.randsum.cli.Engine;
import org.randsum.cli.ExitCode;
import org.randsum.cli.OptionsParser;
import org.randsum.cli.RunResult;
import org.randsum.cli.Settings;
import org.randsum.cli.UsageException;
import org.randsum.cli.progress.TerminalLine;
import org.randsum.contract.SplitDescriptor;
import org.randsum.engine.ParallelEngine;
import org.randsum.kernel.KernelSelector;
import org.randsum.kernel.SumKernel;
import org.randsum.mapreduce.checks.Authentication;
import org.randsum.mapreduce.client.DriverEntry;
import org.randsum.mapreduce.client.GenerateCommand;
import org.randsum.mapreduce.client.JobFailedException;
import org.randsum.mapreduce.client.LocalKernel;
import org.randsum.mapreduce.client.MapReduceRun;
import org.randsum.mapreduce.client.TerminalProgress;
import org.randsum.mapreduce.failure.Failures;
import org.randsum.mapreduce.task.RandSumMapper;

/**
 * randsum's entry point ({@code hadoop jar randsum.jar -n N ...}): parses and validates every option
 * before anything is written, then sums in-process ({@code --engine threads}) or with the MapReduce
 * job, and prints the result. {@code randsum generate ...} runs the input generator instead.
 */
public class RandSumDriver extends Configured implements Tool {
    private final PrintStream out;
    private final PrintStream err;
    private final Class<? extends RandSumMapper> mapper;

    public RandSumDriver() {
        this(System.out, System.err);
    }

    public RandSumDriver(PrintStream out, PrintStream err) {
        this(out, err, RandSumMapper.class);
    }

    /**
     * A driver whose job runs {@code mapper}: the one seam for faults. randsum itself always runs
     * {@link RandSumMapper} (neither the command line nor the configuration can change it); tests
     * pass a subclass that fails or stalls on purpose, to drive retries, kills and failure reports
     * through the real driver and job.
     */
    public RandSumDriver(PrintStream out, PrintStream err, Class<? extends RandSumMapper> mapper) {
        this.out = out;
        this.err = err;
        this.mapper = mapper;
    }

    @Override
    public int run(String[] args) throws Exception {
        long start = System.nanoTime();
        try {
            Command command = OptionsParser.parse(args);
            if (command instanceof Command.Help) {
                OptionsParser.printHelp(new PrintWriter(out));
                return ExitCode.OK;
            }
            boolean inProcess = command instanceof Command.Run r && r.engine() == Engine.THREADS;
            Configuration conf = inProcess ? inProcessConf(getConf()) : clientConf(getConf());
            Settings.check(randsumSettings(conf));
            if (!inProcess) {
                // The threads engine touches no filesystem and no cluster, so it needs no credentials.
                Authentication.requireCredentials(conf);
            }
            if (command instanceof Command.Generate generate) {
                return new GenerateCommand(conf, out, err).run(generate);
            }
            Command.Run run = (Command.Run) command;
            KernelSelector.Mode kernelMode = LocalKernel.mode(conf);
            RunResult result;
            // The progress line (on a terminal only) is erased before anything is printed below.
            try (TerminalLine line = TerminalProgress.open(conf, run, err)) {
                result = run.engine() == Engine.THREADS
                        ? sumInProcess(run, LocalKernel.choose(kernelMode, run.range(), line.stream()), start, line)
                        : new MapReduceRun(conf, line.stream(), mapper).withLine(line).execute(run, kernelMode, start);
            }
            out.print(run.json() ? result.toJson() + "\n" : result.toText());
            out.flush();
            return ExitCode.OK;
        } catch (UsageException e) {
            err.println("randsum: " + e.getMessage() + " (see randsum --help)");
            return ExitCode.USAGE;
        } catch (JobFailedException e) {
            err.println("randsum: " + e.getMessage());
            return ExitCode.FAILURE;
        } catch (InterruptedException e) {
            err.println("randsum: interrupted");
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        } catch (Exception e) {
            err.println("randsum: " + Authentication.failure(e).orElseGet(() -> Failures.describe(e)));
            if (System.getenv("RANDSUM_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return ExitCode.FAILURE;
        }
    }

    /**
     * The client configuration as a job sees it. mapred-site.xml and yarn-site.xml become default
     * resources only once {@link JobConf} is loaded, which {@code Job.getInstance} does, after the
     * driver has planned: without this copy, a cluster that sets {@code mapreduce.framework.name}
     * (or {@code mapreduce.map.cpu.vcores}) in mapred-site.xml, as every standard installation
     * does, would be planned as local mode.
     */
    static Configuration clientConf(Configuration conf) {
        return new JobConf(conf);
    }

    /**
     * The configuration of the threads engine, which reads only randsum's own keys: the site files
     * that may hold them, without {@link JobConf}'s loading of MapReduce (about 0.1 s of a run that
     * may take less than a second).
     */
    static Configuration inProcessConf(Configuration conf) {
        Configuration inProcess = new Configuration(conf);
        inProcess.addResource("mapred-site.xml");
        inProcess.addResource("yarn-site.xml");
        return inProcess;
    }

    /** The configuration's {@code randsum.*} entries, as set (no variable expansion). */
    static Map<String, String> randsumSettings(Configuration conf) {
        Map<String, String> settings = new TreeMap<>();
        for (Map.Entry<String, String> entry : conf) {
            if (entry.getKey().startsWith(Settings.PREFIX)) {
                settings.put(entry.getKey(), entry.getValue());
            }
        }
        return settings;
    }

    /** The threads engine: values [0, n) of the seed's stream in this JVM, no job, nothing written. */
    private RunResult sumInProcess(Command.Run run, SumKernel kernel, long start, TerminalLine line)
            throws InterruptedException {
        // The parser allows --engine threads only with -n (and --seed).
        Command.CountAndSeed values = (Command.CountAndSeed) run.values();
        int threads = run.threads().orElse(ParallelEngine.availableThreads());
        line.stream().println("randsum: summing " + values.count() + " values in-process with " + threads
                + (threads == 1 ? " thread" : " threads") + ", " + kernel.name() + " kernel, seed " + values.seed());
        try (ParallelEngine engine = new ParallelEngine(threads, kernel)) {
            var sum = TerminalProgress.sum(engine, new SplitDescriptor(values.seed(), values.count()), run.range(),
                    line, start);
            return new RunResult(sum, values.count(), values.seed(), run.range(), Engine.THREADS, 1, threads,
                    Map.of(kernel.name(), 1L), (System.nanoTime() - start) / 1e9, null, null, null);
        }
    }

    public static void main(String[] args) throws Exception {
        RandSumDriver driver = new RandSumDriver();
        System.exit(DriverEntry.run(driver.getConf(), driver, args, System.err));
    }
}
