package org.randsum.mapreduce;

import java.io.IOException;
import java.io.PrintStream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.randsum.cli.Command;
import org.randsum.cli.Engine;
import org.randsum.cli.RunResult;
import org.randsum.cli.UsageException;
import org.randsum.contract.Int128;
import org.randsum.contract.KernelSelector;
import org.randsum.inputgen.InputGenerator;

/**
 * One run of the job, as plan, job, result: check what can be checked, plan ({@link RunPlan}),
 * write the descriptors into a fresh work directory, configure ({@link RandSumJob}) and submit the
 * job, read and check its total ({@link JobOutcome}). {@link RunLifecycle} removes the work
 * directory however the run ends, and kills the job on SIGINT/SIGTERM.
 */
final class MapReduceRun {
    private final Configuration conf;
    private final PrintStream err;
    private final Class<? extends RandSumMapper> mapperClass;

    MapReduceRun(Configuration conf, PrintStream err, Class<? extends RandSumMapper> mapperClass) {
        this.conf = conf;
        this.err = err;
        this.mapperClass = mapperClass;
    }

    RunResult execute(Command.Run run, KernelSelector.Mode kernelMode, long startNanos)
            throws UsageException, IOException, InterruptedException, JobFailedException {
        RunFacts facts = new HadoopFacts(conf);
        if (facts.localMode()) {
            // The maps run in this JVM, so its kernel is theirs: check it now, before anything is written.
            RandSumDriver.chooseKernelHere(kernelMode, run.range(), err);
        }
        Path keptOutput = run.output() == null ? null : new Path(run.output());
        S3AChecks.checkReachable(conf, keptOutput, new Path(JobSettings.workRoot(conf)),
                run.values() instanceof Command.Descriptors given ? new Path(given.dir()) : null);
        if (keptOutput != null && keptOutput.getFileSystem(conf).exists(keptOutput)) {
            throw new UsageException("output directory " + run.output() + " already exists");
        }
        RunPlan plan = RunPlan.of(run, kernelMode, facts);

        try (RunLifecycle lifecycle = RunLifecycle.start(conf, err, keptOutput)) {
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
            Job job = RandSumJob.configure(conf, plan, input, lifecycle.output(), mapperClass);
            err.println(plan.summary());
            lifecycle.submit(job);
            if (!job.monitorAndPrintJob()) {
                throw new JobFailedException(JobOutcome.failureReason(job));
            }
            Int128 sum = JobOutcome.readTotal(conf, lifecycle.output(), plan.n());
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            Path output = lifecycle.output();
            RunResult result = new RunResult(sum, plan.n(), plan.seed(), plan.range(), Engine.MAPREDUCE, plan.maps(),
                    plan.threads(), JobOutcome.mapsPerKernel(job), elapsed,
                    lifecycle.keepsOutput() ? output.getFileSystem(conf).makeQualified(output).toString() : null,
                    job.getJobID().toString());
            if (lifecycle.keepsOutput()) {
                JobOutcome.writeResultJson(conf, output, result);
            }
            lifecycle.succeeded();
            return result;
        }
    }
}
