package org.randsum.mapreduce.client;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeys;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.LocalJobRunner;
import org.apache.hadoop.mapreduce.Job;
import org.randsum.cli.Command;
import org.randsum.cli.Engine;
import org.randsum.cli.NumberParser;
import org.randsum.cli.RunResult;
import org.randsum.cli.Settings;
import org.randsum.cli.TimelineFile;
import org.randsum.cli.UsageException;
import org.randsum.cli.progress.TerminalLine;
import org.randsum.contract.Int128;
import org.randsum.inputgen.InputGenerator;
import org.randsum.kernel.KernelSelector;
import org.randsum.mapreduce.checks.Preflight;
import org.randsum.mapreduce.checks.S3AChecks;
import org.randsum.mapreduce.checks.WorkRoot;
import org.randsum.mapreduce.failure.HadoopMessages;
import org.randsum.mapreduce.task.RandSumMapper;
import org.randsum.plan.RunFacts;
import org.randsum.plan.RunPlan;
import org.randsum.timeline.JobHistory;
import org.randsum.timeline.Phases;
import org.randsum.timeline.TimelinePage;

/**
 * One run of the job, as plan, job, result: check what can be checked ({@link Preflight}), plan
 * ({@link RunPlan}), write the descriptors into a fresh private work directory ({@link WorkRoot}), configure ({@link RandSumJob}) and submit the
 * job, read and check its total ({@link JobOutcome}). {@link RunLifecycle} removes the work
 * directory however the run ends, and kills the job on SIGINT/SIGTERM.
 */
public final class MapReduceRun {
    /** The umask of a run and its tasks: nothing randsum writes is open to other users. */
    static final String PRIVATE_UMASK = "077";

    private final Configuration conf;
    private final PrintStream err;
    private final Class<? extends RandSumMapper> mapperClass;
    private TerminalLine line;

    public MapReduceRun(Configuration conf, PrintStream err, Class<? extends RandSumMapper> mapperClass) {
        this.conf = conf;
        this.err = err;
        this.mapperClass = mapperClass;
        this.line = TerminalLine.off(err);
    }

    /** Follows the job on {@code line} (when it is on) instead of Hadoop's per-poll log lines. */
    public MapReduceRun withLine(TerminalLine progressLine) {
        this.line = progressLine;
        return this;
    }

    public RunResult execute(Command.Run run, KernelSelector.Mode kernelMode, long startNanos)
            throws UsageException, IOException, InterruptedException, JobFailedException {
        // Whatever the run and its tasks create is this user's alone: descriptors, output, result.json and .txt.
        conf.set(CommonConfigurationKeys.FS_PERMISSIONS_UMASK_KEY, PRIVATE_UMASK);
        long runStartMillis = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        RunFacts facts = new HadoopFacts(conf);
        TimelineFile timeline = run.timeline() == null ? null : TimelineFile.check(run.timeline());
        if (timeline != null && facts.localMode()) {
            throw new UsageException("--timeline draws a YARN job from its history, and local mode keeps none (run on a"
                    + " cluster: RANDSUM_CONF_DIR=conf/cluster after scripts/cluster start)");
        }
        String localKernel = null;
        if (facts.localMode()) {
            // The maps run in this JVM, so its kernel is theirs: check it now, before anything is written.
            localKernel = LocalKernel.choose(kernelMode, run.range(), err).name();
        }
        Path workRoot = WorkRoot.of(conf);
        Path keptOutput = run.output() == null ? null : new Path(run.output());
        Path givenInput = run.values() instanceof Command.Descriptors given ? new Path(given.dir()) : null;
        List<Path> used = new ArrayList<>(List.of(new Path("/"), workRoot));
        used.addAll(Stream.of(keptOutput, givenInput).filter(Objects::nonNull).toList());
        S3AChecks.checkReachable(conf, workRoot, keptOutput, givenInput); // S3A's causes, in S3A's words
        Preflight.filesystemsAnswer(conf, used);
        if (!facts.localMode()) {
            Preflight.sharedWhenOnYarn(conf, workRoot, keptOutput, givenInput);
        }
        if (keptOutput != null) {
            Preflight.outputCanBeCreated(conf, keptOutput);
        }
        RunPlan plan = RunPlan.of(run, kernelMode, facts);
        checkChunkValues(conf, plan);
        WorkRoot.prepare(conf, workRoot);

        try (RunLifecycle lifecycle = RunLifecycle.start(conf, err, workRoot, keptOutput)) {
            Path input;
            if (plan.input() instanceof RunPlan.Given given) {
                input = new Path(given.dir());
            } else {
                input = new Path(lifecycle.workDir(), "input");
                InputGenerator.generate(conf, input, plan.seed(), plan.n(), plan.maps());
            }
            if (plan.hint() != null) {
                err.println(plan.hint());
            }
            TerminalProgress.tuneJob(conf, line);
            Job job = RandSumJob.configure(conf, plan, input, lifecycle.output(), mapperClass);
            err.println(plan.summary());
            long submittedMillis;
            try (LocalRunnerLog runnerLog = facts.localMode() ? LocalRunnerLog.capture() : LocalRunnerLog.none()) {
                submittedMillis = System.currentTimeMillis();
                lifecycle.submit(job);
                if (!succeeded(job, plan, localKernel, startNanos)) {
                    throw new JobFailedException(JobOutcome.failureReason(job, runnerLog.failure(), plan.uber()));
                }
            }
            long jobEndMillis = System.currentTimeMillis();
            if (plan.uber() && !job.isUber()) {
                err.println("randsum: note: Hadoop ran the job without uber mode after all (the application"
                        + " master's log says why: 'Not uberizing')");
            }
            Int128 sum = JobOutcome.readTotal(conf, lifecycle.output(), plan.n());
            JobHistory history = null;
            if (!facts.localMode()) {
                HistoryReader.Outcome read = HistoryReader.read(job, conf);
                history = read.history();
                if (history == null) {
                    err.println("randsum: no phases" + (timeline == null ? "" : " and no timeline") + ": "
                            + read.missing());
                }
            }
            long endNanos = System.nanoTime();
            long runEndMillis = runStartMillis + TimeUnit.NANOSECONDS.toMillis(endNanos - startNanos);
            Phases phases = history != null ? Phases.of(history, runStartMillis, runEndMillis)
                    : facts.localMode() ? Phases.local(runStartMillis, submittedMillis, jobEndMillis, runEndMillis,
                            JobOutcome.summingMillis(job), conf.getInt(LocalJobRunner.LOCAL_MAX_MAPS, 1)) : null;
            if (phases != null) {
                err.println(phases.line());
            }
            double elapsed = (endNanos - startNanos) / 1e9;
            Path output = lifecycle.output();
            RunResult result = new RunResult(sum, plan.n(), plan.seed(), plan.range(), Engine.MAPREDUCE, plan.maps(),
                    plan.threads(), JobOutcome.mapsPerKernel(job), elapsed,
                    lifecycle.keepsOutput() ? output.getFileSystem(conf).makeQualified(output).toString() : null,
                    job.getJobID().toString(), phases);
            String page = history == null ? null : TimelinePage.html(history, phases, runStartMillis);
            if (timeline != null && page != null) {
                timeline.write(page);
                err.println("randsum: timeline in " + timeline.path());
            }
            if (lifecycle.keepsOutput()) {
                JobOutcome.writeResultJson(conf, output, result);
                JobOutcome.writeResultText(conf, output, result);
                if (page != null) {
                    JobOutcome.writeTimelinePage(conf, output, page);
                }
                // Private even where the filesystem instance predates the umask (one JVM, many runs).
                output.getFileSystem(conf).setPermission(output, WorkRoot.PRIVATE);
            }
            lifecycle.succeeded();
            return result;
        }
    }

    /**
     * {@code randsum.chunk.values} against the plan's largest map (at least n / maps), refused when
     * it would make that map's records absurdly many ({@link Settings#checkChunkValues}); and set
     * back in plain digits, since the tasks read it with {@code Configuration.getLong}, which does
     * not take the {@code 1e6} or {@code 1_000_000} that the check accepts.
     */
    private static void checkChunkValues(Configuration conf, RunPlan plan) throws UsageException {
        String configured = conf.getTrimmed(Settings.CHUNK_VALUES);
        if (configured == null) {
            return;
        }
        long chunk = NumberParser.parse(configured, Settings.CHUNK_VALUES, 1, Long.MAX_VALUE);
        long maps = Math.max(1, plan.maps());
        Settings.checkChunkValues(chunk, plan.n() / maps + (plan.n() % maps == 0 ? 0 : 1));
        conf.setLong(Settings.CHUNK_VALUES, chunk);
    }

    /**
     * Whether the job succeeded, following it as {@code hadoop jar} does. An uber job whose application
     * master died without leaving its history is unknown to the client afterwards ("Unknown Job"):
     * that is a failure with the uber reason, not an I/O error.
     */
    private boolean succeeded(Job job, RunPlan plan, String localKernel, long startNanos)
            throws IOException, InterruptedException, JobFailedException {
        try {
            return line.isOn()
                    ? TerminalProgress.follow(job, line, plan.n(), localKernel, localKernel == null, startNanos)
                    : job.monitorAndPrintJob();
        } catch (IOException lost) {
            if (plan.uber() && HadoopMessages.isUnknownJob(lost)) {
                throw new JobFailedException(JobOutcome.uberFailureReason(job.getJobID()));
            }
            throw lost;
        }
    }
}
