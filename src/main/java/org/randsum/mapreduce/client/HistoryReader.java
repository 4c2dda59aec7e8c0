package org.randsum.mapreduce.client;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.CounterGroup;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.jobhistory.JobHistoryParser;
import org.apache.hadoop.mapreduce.v2.jobhistory.JobHistoryUtils;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.randsum.mapreduce.RandSumCounter;
import org.randsum.timeline.JobHistory;

/**
 * A finished YARN job's own history file, read as Hadoop's {@link JobHistoryParser} reads it, into a
 * {@link JobHistory}. Task completion events have no start times; the history file has every
 * attempt's node, start, end and counters.
 *
 * <p>Where the file is: the application master copies it to the user's intermediate "done"
 * directory as the job ends (measured: before the client sees the end), and the JobHistory server
 * later moves it into its done tree (after {@code mapreduce.jobhistory.move.interval-ms}, 3 minutes
 * by default, 2 s on the script cluster) and names the new place in the job's status. All three
 * are looked at, again and again, for at most {@link #WAIT_SECONDS}; the whole wait is bounded,
 * since a client asking an absent JobHistory server retries for minutes.
 */
final class HistoryReader {
    /** How long the history may take to appear after the job's end; measured 1-3 s on the script cluster. */
    static final int WAIT_SECONDS = 30;
    private static final long POLL_MILLIS = 250;

    /** The history, or why there is none, in a few words. */
    record Outcome(JobHistory history, String missing) {
        Optional<JobHistory> found() {
            return Optional.ofNullable(history);
        }
    }

    private HistoryReader() {
    }

    static Outcome read(Job job, Configuration conf) throws InterruptedException {
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "randsum-history");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<JobHistory> found = reader.submit(() -> poll(job, conf));
            return new Outcome(found.get(WAIT_SECONDS, TimeUnit.SECONDS), null);
        } catch (TimeoutException late) {
            return new Outcome(null, "the job's history file did not appear within " + WAIT_SECONDS
                    + " s (is a JobHistory server running, and mapreduce.jobhistory.* the cluster's?)");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return new Outcome(null, "the job's history could not be read: " + cause.getClass().getSimpleName()
                    + ": " + firstLine(cause.getMessage()));
        } finally {
            reader.shutdownNow();
        }
    }

    private static JobHistory poll(Job job, Configuration conf) throws IOException, InterruptedException {
        String id = job.getJobID().toString();
        // Hadoop's parser warns of every attempt killed before it started; those are drawn, not errors.
        LogManager.getLogger(JobHistoryParser.class).setLevel(Level.ERROR);
        for (int round = 0; ; round++) {
            Path file = find(dir(JobHistoryUtils.getHistoryIntermediateDoneDirForUser(conf)), conf, id);
            // Less often, as these cost more: the server's done tree (a server that moves files within
            // seconds, as the script cluster's does), then the path the job's status names (asking an
            // application master that is shutting down, then the server).
            if (file == null && round % 4 == 0) {
                file = find(new Path(dir(JobHistoryUtils.getConfiguredHistoryServerDoneDirPrefix(conf)), "*/*/*/*"),
                        conf, id);
            }
            if (file == null && round % 8 == 4) {
                String named = job.getHistoryUrl();
                file = named == null || named.isBlank() ? null : new Path(named);
            }
            if (file != null) {
                try {
                    JobHistoryParser.JobInfo info = new JobHistoryParser(file.getFileSystem(conf), file).parse();
                    if (info.getJobId() != null && info.getFinishTime() > 0) {
                        return convert(info);
                    }
                } catch (FileNotFoundException moved) {
                    // The JobHistory server moved it between the listing and the read: look again.
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static Path dir(String name) {
        return new Path(name);
    }

    /** The job's history file in {@code dir} (a glob), or null. */
    private static Path find(Path dir, Configuration conf, String jobId) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        FileStatus[] matches;
        try {
            matches = fs.globStatus(new Path(dir, jobId + "-*" + JobHistoryUtils.JOB_HISTORY_FILE_EXTENSION));
        } catch (FileNotFoundException | org.apache.hadoop.security.AccessControlException notThere) {
            return null;
        }
        return matches == null || matches.length == 0 ? null : matches[0].getPath();
    }

    static JobHistory convert(JobHistoryParser.JobInfo info) {
        List<JobHistory.Master> masters = new ArrayList<>();
        if (info.getAMInfos() != null) {
            for (JobHistoryParser.AMInfo am : info.getAMInfos()) {
                masters.add(new JobHistory.Master(am.getAppAttemptId().getAttemptId(),
                        am.getNodeManagerHost() + ":" + am.getNodeManagerPort(), String.valueOf(am.getContainerId()),
                        am.getStartTime()));
            }
        }
        List<JobHistory.Attempt> attempts = new ArrayList<>();
        for (JobHistoryParser.TaskInfo task : info.getAllTasks().values()) {
            JobHistory.Kind kind = kind(task.getTaskType());
            if (kind == null) {
                continue;
            }
            for (JobHistoryParser.TaskAttemptInfo attempt : task.getAllTaskAttempts().values()) {
                attempts.add(attempt(info, task, kind, attempt));
            }
        }
        return new JobHistory(info.getJobId().toString(), info.getJobStatus(), info.getSubmitTime(),
                info.getLaunchTime(), info.getFinishTime(), info.getUberized(), masters, attempts);
    }

    private static JobHistory.Attempt attempt(JobHistoryParser.JobInfo info, JobHistoryParser.TaskInfo task,
            JobHistory.Kind kind, JobHistoryParser.TaskAttemptInfo attempt) {
        // An attempt without an end event was cut short by the job's end; one that never started
        // (killed while it waited for a container) is drawn where it ended, with no length.
        long finish = attempt.getFinishTime() > 0 ? attempt.getFinishTime() : info.getFinishTime();
        long start = attempt.getStartTime() > 0 ? attempt.getStartTime() : finish;
        String node = attempt.getHostname() == null ? "" : attempt.getHostname()
                + (attempt.getPort() > 0 ? ":" + attempt.getPort() : "");
        return new JobHistory.Attempt(attempt.getAttemptId().toString(), task.getTaskId().toString(), kind, node,
                attempt.getContainerId() == null ? "" : attempt.getContainerId().toString(), start, finish,
                end(attempt.getTaskStatus()), counter(attempt.getCounters(), RandSumCounter.SUMMING_MILLIS),
                counter(attempt.getCounters(), RandSumCounter.VALUES));
    }

    private static JobHistory.Kind kind(TaskType type) {
        return switch (type) {
            case MAP -> JobHistory.Kind.MAP;
            case REDUCE -> JobHistory.Kind.REDUCE;
            default -> null;
        };
    }

    private static JobHistory.End end(String status) {
        if ("SUCCEEDED".equals(status)) {
            return JobHistory.End.SUCCEEDED;
        }
        return "FAILED".equals(status) ? JobHistory.End.FAILED : JobHistory.End.KILLED;
    }

    /** A randsum counter of an attempt, or -1 when the attempt reported none (a reduce, a lost attempt). */
    private static long counter(Counters counters, RandSumCounter which) {
        if (counters == null) {
            return -1;
        }
        CounterGroup group = counters.getGroup(RandSumCounter.class.getName());
        return group.size() == 0 ? -1 : group.findCounter(which.name()).getValue();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
