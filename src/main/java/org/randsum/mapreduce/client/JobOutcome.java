package org.randsum.mapreduce.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.randsum.cli.Messages;
import org.randsum.cli.RunResult;
import org.randsum.contract.Int128;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.RandSumCounter;
import org.randsum.mapreduce.failure.Failures;

/** What a finished job left: its checked total, its kernels, why it failed, and the kept result.json and result.txt. */
final class JobOutcome {
    static final String RESULT_JSON = "result.json";
    /** The text summary the driver prints without {@code --json}, kept so nothing has to parse the JSON to show it. */
    static final String RESULT_TEXT = "result.txt";
    static final String TIMELINE_PAGE = "timeline.html";
    private static final FsPermission OWNER_ONLY = new FsPermission((short) 0600);

    private JobOutcome() {
    }

    /** The committed {@code <count>\t<sum>} line, checked against n. */
    static Int128 readTotal(Configuration conf, Path output, long n) throws IOException, JobFailedException {
        FileSystem fs = output.getFileSystem(conf);
        String line = null;
        for (FileStatus part : fs.globStatus(new Path(output, "part-r-*"))) {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(fs.open(part.getPath()), StandardCharsets.UTF_8))) {
                for (String read = in.readLine(); read != null; read = in.readLine()) {
                    if (line != null) {
                        throw new JobFailedException("integrity check failed: the output has more than one total");
                    }
                    line = read;
                }
            }
        }
        if (line == null) {
            throw new JobFailedException("integrity check failed: the job wrote no total");
        }
        String[] fields = line.split("\t");
        long count = Long.parseLong(fields[0]);
        if (count != n) {
            throw new JobFailedException("integrity check failed: the job summed " + count + " values, not " + n);
        }
        return Int128.parse(fields[1]);
    }

    /** The maps' summing time, added up, from the job's counters. */
    static long summingMillis(Job done) throws IOException {
        return done.getCounters().findCounter(RandSumCounter.SUMMING_MILLIS).getValue();
    }

    /** The maps that ran each kernel, from the job's counters. */
    static Map<String, Long> mapsPerKernel(Job done) throws IOException {
        Map<String, Long> kernels = new TreeMap<>();
        for (Counter counter : done.getCounters().getGroup(JobSettings.KERNEL_COUNTERS)) {
            kernels.put(counter.getName(), counter.getValue());
        }
        return kernels;
    }

    /**
     * The failing task's own message if there is one; else, for an uber job, where that message is
     * ({@link #uberFailureReason}); else what local mode's runner logged; else the job's failure
     * info; one line. Hadoop's placeholder "NA" is no reason and is never shown.
     */
    static String failureReason(Job failed, Optional<Throwable> loggedByLocalRunner, boolean uber)
            throws IOException, InterruptedException {
        for (TaskCompletionEvent event : failed.getTaskCompletionEvents(0, 10_000)) {
            if (event.getStatus() == TaskCompletionEvent.Status.FAILED
                    || event.getStatus() == TaskCompletionEvent.Status.TIPFAILED) {
                String[] diagnostics = failed.getTaskDiagnostics(event.getTaskAttemptId());
                if (diagnostics != null && diagnostics.length > 0) {
                    return "task " + event.getTaskAttemptId() + " failed: " + Messages.firstLine(diagnostics[diagnostics.length - 1]);
                }
            }
        }
        if (uber) {
            return uberFailureReason(failed.getJobID());
        }
        String state = "job " + failed.getJobID() + " " + failed.getJobState().toString().toLowerCase();
        if (loggedByLocalRunner.isPresent()) {
            return state + ": " + Failures.describe(loggedByLocalRunner.get());
        }
        String info = failed.getStatus().getFailureInfo();
        return state + (info == null || info.isBlank() || info.equals("NA") ? "" : ": " + Messages.firstLine(info));
    }

    /**
     * Why an uber job failed when no task's message reached the client. Hadoop's uber runner, once a
     * map fails, still starts the reducer, which finds the maps unfinished and can exit the
     * application master's JVM (exit code 66, a race); the task's error may then be only in the AM's
     * log.
     */
    static String uberFailureReason(JobID job) {
        String application = job.toString().replaceFirst("^job_", "application_");
        return "job " + job + " failed in uber mode, and its application master exited with it, so the task's"
                + " error is in the AM's log (yarn logs -applicationId " + application + "); rerun with"
                + " -D mapreduce.job.ubertask.enable=false to see the error here";
    }

    /** Writes {@code result} as {@value #RESULT_JSON} into the kept output directory. */
    static void writeResultJson(Configuration conf, Path output, RunResult result) throws IOException {
        writePrivate(conf, new Path(output, RESULT_JSON), result.toJson() + "\n");
    }

    /**
     * Writes {@code result} as {@value #RESULT_TEXT} into the kept output directory: exactly what the
     * driver prints on stdout without {@code --json} ({@link RunResult#toText}), so that a script
     * that ran the job elsewhere (scripts/emr-submit) shows it by copying the file.
     */
    static void writeResultText(Configuration conf, Path output, RunResult result) throws IOException {
        writePrivate(conf, new Path(output, RESULT_TEXT), result.toText());
    }

    /** Writes the timeline page as {@value #TIMELINE_PAGE} into the kept output directory (scripts/emr-submit fetches it). */
    static void writeTimelinePage(Configuration conf, Path output, String page) throws IOException {
        writePrivate(conf, new Path(output, TIMELINE_PAGE), page);
    }

    /** A new file only its owner may read (0600), whatever the filesystem's umask. */
    private static void writePrivate(Configuration conf, Path file, String text) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        try (Writer out = new OutputStreamWriter(FileSystem.create(fs, file, OWNER_ONLY), StandardCharsets.UTF_8)) {
            out.write(text);
        }
    }
}
