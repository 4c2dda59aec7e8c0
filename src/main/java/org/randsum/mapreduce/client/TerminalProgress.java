package org.randsum.mapreduce.client;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.TaskReport;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapred.TIPStatus;
import org.randsum.cli.Command;
import org.randsum.cli.Settings;
import org.randsum.cli.progress.ProgressState;
import org.randsum.cli.progress.Terminal;
import org.randsum.cli.progress.TerminalLine;
import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.ValueRange;
import org.randsum.engine.ParallelEngine;
import org.randsum.engine.RunningSum;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.RandSumCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the progress line (issue 25): whether a run gets it, and where its figures
 * come from: the threads engine's progress counter, or the job's status, counters and map reports
 * (local runner and YARN). The line itself is {@link TerminalLine} (no Hadoop types). Nothing here
 * is loaded by a task.
 */
public final class TerminalProgress {
    /** The task's status report interval while the line is on, unless the user set one (Hadoop's default is 1% of the task timeout, 6 s). */
    static final long TASK_REPORT_MILLIS = 1000;
    private static final String TASK_REPORT_INTERVAL = "mapreduce.task.progress-report.interval";
    /** Job's own logger, so that its lines keep their look and their log level. */
    private static final Logger JOB_LOG = LoggerFactory.getLogger(Job.class);

    private TerminalProgress() {
    }

    /**
     * The line for {@code command}: on for a run with text output whose stderr is a terminal,
     * unless {@code randsum.progress=false}; off (stderr as it is) otherwise.
     */
    public static TerminalLine open(Configuration conf, Command command, PrintStream err) {
        boolean wanted = command instanceof Command.Run run && !run.json()
                && conf.getBoolean(Settings.PROGRESS, true) && Terminal.stderrIsTerminal();
        if (!wanted) {
            return TerminalLine.off(err);
        }
        ConsoleFollowsSystemErr.apply();
        return TerminalLine.on(err, Terminal::columns);
    }

    /** The threads engine: sums {@code split}, updating the line from the engine's progress counter. */
    public static Int128 sum(ParallelEngine engine, SplitDescriptor split, ValueRange range, TerminalLine line,
            long startNanos) throws InterruptedException {
        if (!line.isOn()) {
            return engine.sum(split, range);
        }
        RunningSum run = engine.start(split, range);
        try {
            while (!run.await(TerminalLine.REFRESH_MILLIS, TimeUnit.MILLISECONDS)) {
                line.update(ProgressState.of(run.valuesDone(), run.count(), System.nanoTime() - startNanos,
                        engine.kernel()));
            }
        } catch (InterruptedException e) {
            run.cancel();
            throw e;
        } finally {
            line.close();
        }
        return run.result();
    }

    /** With the line on, tasks report their counters every second, so the line moves as they sum. */
    static void tuneJob(Configuration conf, TerminalLine line) {
        if (line.isOn() && conf.get(TASK_REPORT_INTERVAL) == null) {
            conf.setLong(TASK_REPORT_INTERVAL, TASK_REPORT_MILLIS);
        }
    }

    /**
     * Follows the submitted job to its end as {@code Job.monitorAndPrintJob} does, with the same log
     * lines but for its per-poll "map x% reduce y%": those the line replaces. {@code kernel} is the
     * kernel of local mode's maps, or null on YARN, where the maps' kernel counters tell it.
     */
    static boolean follow(Job job, TerminalLine line, long n, String kernel, boolean yarn, long startNanos)
            throws IOException, InterruptedException {
        JOB_LOG.info("Running job: " + job.getJobID());
        Job.TaskStatusFilter filter = Job.getTaskOutputFilter(job.getConfiguration());
        boolean uberTold = false;
        boolean urlTold = !yarn;
        int events = 0;
        String known = kernel;
        while (true) {
            if (line.exiting()) {
                // SIGINT or SIGTERM: RunLifecycle's hook kills the job and says so; nothing more to follow.
                throw new InterruptedException("stopped by a signal");
            }
            boolean complete = job.isComplete();
            JobStatus status = job.getStatus();
            // Job's own log line gives the URL at submission where its INFO is shown; else this, once.
            if (!urlTold && !JOB_LOG.isInfoEnabled() && job.getTrackingURL() != null && !job.getTrackingURL().isBlank()) {
                line.stream().println("randsum: tracking URL " + job.getTrackingURL());
                urlTold = true;
            }
            if (status.getState() != JobStatus.State.PREP) {
                if (!uberTold) {
                    line.erase();
                    JOB_LOG.info("Job " + job.getJobID() + " running in uber mode : " + job.isUber());
                    uberTold = true;
                }
                TaskCompletionEvent[] news = job.getTaskCompletionEvents(events, 10);
                events += news.length;
                tell(job, news, filter, line);
            }
            if (complete) {
                break;
            }
            Counters counters = job.getCounters();
            long done = counters == null ? 0 : counters.findCounter(RandSumCounter.VALUES).getValue();
            if (known == null && counters != null) {
                known = kernelOf(counters.getGroup(JobSettings.KERNEL_COUNTERS));
            }
            ProgressState.Maps maps = yarn ? maps(job.getTaskReports(TaskType.MAP)) : null;
            line.update(new ProgressState(done, n, System.nanoTime() - startNanos, known, maps,
                    yarn ? status.getState().toString() : null));
            Thread.sleep(TerminalLine.REFRESH_MILLIS);
        }
        if (line.exiting()) {
            throw new InterruptedException("stopped by a signal");
        }
        line.close();
        boolean success = job.isSuccessful();
        if (success) {
            JOB_LOG.info("Job " + job.getJobID() + " completed successfully");
        } else {
            JOB_LOG.info("Job " + job.getJobID() + " failed with state " + job.getStatus().getState() + " due to: "
                    + job.getStatus().getFailureInfo());
        }
        Counters counters = job.getCounters();
        if (counters != null) {
            JOB_LOG.info(counters.toString());
        }
        return success;
    }

    /** Task events as monitorAndPrintJob logs them under {@code mapreduce.client.output.filter}. */
    private static void tell(Job job, TaskCompletionEvent[] news, Job.TaskStatusFilter filter, TerminalLine line)
            throws IOException, InterruptedException {
        for (TaskCompletionEvent event : news) {
            TaskCompletionEvent.Status s = event.getStatus();
            boolean shown = filter == Job.TaskStatusFilter.ALL
                    || filter == Job.TaskStatusFilter.SUCCEEDED && s == TaskCompletionEvent.Status.SUCCEEDED
                    || filter == Job.TaskStatusFilter.FAILED && s == TaskCompletionEvent.Status.FAILED
                    || filter == Job.TaskStatusFilter.KILLED && s == TaskCompletionEvent.Status.KILLED;
            if (!shown) {
                continue;
            }
            line.erase();
            JOB_LOG.info(event.toString());
            if (s == TaskCompletionEvent.Status.FAILED) {
                TaskAttemptID attempt = event.getTaskAttemptId();
                String[] diagnostics = job.getTaskDiagnostics(attempt);
                if (diagnostics != null) {
                    for (String text : diagnostics) {
                        line.stream().println(text);
                    }
                }
            }
        }
    }

    /** The maps' kernel once a map has counted it: its name, or {@code mixed}. */
    private static String kernelOf(CounterGroup kernels) {
        String name = null;
        for (Counter counter : kernels) {
            if (counter.getValue() > 0) {
                if (name != null) {
                    return "mixed";
                }
                name = counter.getName();
            }
        }
        return name;
    }

    private static ProgressState.Maps maps(TaskReport[] reports) {
        int done = 0;
        int running = 0;
        int pending = 0;
        for (TaskReport report : reports) {
            TIPStatus status = report.getCurrentStatus();
            if (status == TIPStatus.COMPLETE) {
                done++;
            } else if (status == TIPStatus.RUNNING) {
                running++;
            } else if (status == TIPStatus.PENDING) {
                pending++;
            }
        }
        return new ProgressState.Maps(done, running, pending);
    }
}
