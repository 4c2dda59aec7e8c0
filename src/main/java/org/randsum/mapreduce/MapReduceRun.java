package org.randsum.mapreduce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.SplittableRandom;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.util.ShutdownHookManager;
import org.randsum.cli.Engine;
import org.randsum.cli.Messages;
import org.randsum.cli.RunOptions;
import org.randsum.cli.RunResult;
import org.randsum.cli.UsageException;
import org.randsum.contract.Int128;
import org.randsum.contract.KernelSelector;
import org.randsum.engine.ParallelEngine;
import org.randsum.inputgen.DefaultMaps;
import org.randsum.inputgen.DescriptorFiles;
import org.randsum.inputgen.InputGenerator;
import org.randsum.inputgen.MalformedDescriptorException;

/**
 * One run of the job, from checks to cleanup: validate, write descriptors to a fresh work directory,
 * run the job, read the total back, check its count, and remove the work directory however the run
 * ends (a shutdown hook covers SIGINT/SIGTERM: it kills the job first).
 */
final class MapReduceRun {
    static final String RESULT_JSON = "result.json";

    private final Configuration conf;
    private final PrintStream err;
    private final Runnable signalHook = this::cleanUpAfterSignal;
    private Path workDir;
    private Path output;
    private boolean keepOutput;
    // Shared with the signal hook; guarded by this.
    private Job job;
    private boolean stopping;
    private boolean succeeded;
    private boolean ownsOutput;
    private boolean cleaned;

    private final Class<? extends RandSumMapper> mapperClass;

    MapReduceRun(Configuration conf, PrintStream err, Class<? extends RandSumMapper> mapperClass) {
        this.conf = conf;
        this.err = err;
        this.mapperClass = mapperClass;
    }

    RunResult execute(RunOptions options, KernelSelector.Mode kernelMode, long startNanos)
            throws UsageException, IOException, InterruptedException, JobFailedException {
        boolean local = DefaultMaps.isLocalMode(conf);
        if (local) {
            // The maps run in this JVM, so its kernel is theirs: check it now, before anything is written.
            RandSumDriver.chooseKernelHere(kernelMode, options.range(), err);
        }
        int threads = options.threads().orElse(local ? ParallelEngine.availableThreads()
                : DefaultMaps.threadsPerMapOnYarn(conf));
        if (options.output() != null) {
            output = new Path(options.output());
            if (output.getFileSystem(conf).exists(output)) {
                throw new UsageException("output directory " + options.output() + " already exists");
            }
        }
        List<DescriptorFiles.Located> given = null;
        long n = options.count();
        if (options.hasInput()) {
            try {
                given = DescriptorFiles.read(conf, new Path(options.input()));
                n = DescriptorFiles.totalCount(given);
            } catch (MalformedDescriptorException e) {
                throw new UsageException(e.getMessage());
            }
        }
        long maps = given != null ? given.size()
                : options.maps().isPresent() ? options.maps().getAsInt() : DefaultMaps.choose(conf, n, threads);

        workDir = newWorkDir();
        keepOutput = output != null;
        if (!keepOutput) {
            output = new Path(workDir, "output");
        }
        ShutdownHookManager.get().addShutdownHook(signalHook, InputGenerator.CLEANUP_HOOK_PRIORITY);
        Job configured = null;
        try {
            Path input = given != null ? new Path(options.input()) : new Path(workDir, "input");
            if (given == null) {
                maps = InputGenerator.generate(conf, input, options.seed(), n, maps).size();
            }
            hintWhenSmall(n, local);
            configured = configure(input, options, threads, kernelMode != KernelSelector.Mode.SCALAR && !local);
            err.println("randsum: summing " + n + " values in " + maps + (maps == 1 ? " map" : " maps") + " x "
                    + threads + (threads == 1 ? " thread" : " threads") + (local ? " (local mode)" : "")
                    + (given != null ? ", from " + options.input() : ", seed " + options.seed()));
            submit(configured);
            if (!configured.monitorAndPrintJob()) {
                throw new JobFailedException(failureReason(configured));
            }
            Int128 sum = readTotal(n);
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            RunResult result = new RunResult(sum, n, given != null ? null : options.seed(), options.range(),
                    Engine.MAPREDUCE, maps, threads, mapsPerKernel(configured), elapsed,
                    keepOutput ? output.getFileSystem(conf).makeQualified(output).toString() : null,
                    configured.getJobID().toString());
            if (keepOutput) {
                writeResultJson(result);
            }
            synchronized (this) {
                succeeded = true;
            }
            return result;
        } finally {
            cleanUp();
            if (configured != null) {
                configured.close();
            }
            try {
                ShutdownHookManager.get().removeShutdownHook(signalHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running or done; nothing more to do.
            }
        }
    }

    /**
     * Submits the job unless a signal came first. Under the lock the signal hook takes, so the hook
     * either stops the run before submission or sees the submitted job and kills it. The output
     * directory becomes this run's to remove on failure only once the job owns it.
     */
    private void submit(Job configured) throws IOException, InterruptedException {
        synchronized (this) {
            if (stopping) {
                throw new InterruptedException("stopped before the job was submitted");
            }
            try {
                configured.submit();
            } catch (ClassNotFoundException e) {
                throw new IOException("a job class is missing from the class path: " + e.getMessage(), e);
            }
            job = configured;
            ownsOutput = keepOutput;
        }
    }

    /**
     * Below these n the threads engine gives the sum sooner than a job (docs/benchmarks.md): the
     * local job's start-up (about 1.8 s) is worth 1e10 values to two vector threads (0.33 ns a value
     * each); a YARN job's (15 to 25 s on the script cluster) is worth 1e11 of them on the client.
     */
    static final long LOCAL_HINT_BELOW = 10_000_000_000L;
    static final long CLUSTER_HINT_BELOW = 100_000_000_000L;

    private void hintWhenSmall(long n, boolean local) {
        if (n < (local ? LOCAL_HINT_BELOW : CLUSTER_HINT_BELOW)) {
            err.println("randsum: hint: for n = " + n + ", --engine threads gives the same sum in-process, without the "
                    + (local ? "local job's ~2 s" : "cluster job's 15+ s") + " start-up (see docs/benchmarks.md)");
        }
    }

    private Path newWorkDir() throws IOException {
        Path root = new Path(JobSettings.workRoot(conf));
        String name = String.format("randsum-%d-%08x", System.currentTimeMillis(), new SplittableRandom().nextInt());
        return root.getFileSystem(conf).makeQualified(new Path(root, name));
    }

    private Job configure(Path input, RunOptions options, int threads, boolean vectorModuleInTasks)
            throws IOException {
        Job configured = Job.getInstance(conf, "randsum"
                + (options.hasInput() ? " " + options.input() : " n=" + options.count() + " seed=" + options.seed()));
        configured.setJarByClass(MapReduceRun.class);
        Configuration jobConf = configured.getConfiguration();
        JobSettings.setRange(jobConf, options.range());
        jobConf.setInt(JobSettings.THREADS, threads);
        // The vcores YARN reserves are the threads the map runs: never more CPU than scheduled.
        jobConf.setInt(MRJobConfig.MAP_CPU_VCORES, threads);
        if (vectorModuleInTasks) {
            // Each map JVM chooses its own kernel; the vector one needs the module resolved at start.
            jobConf.set(MRJobConfig.MAP_JAVA_OPTS, JobSettings.mapJavaOptsWithVectorModule(jobConf));
        }

        configured.setInputFormatClass(DescriptorInputFormat.class);
        FileInputFormat.addInputPath(configured, input);
        configured.setMapperClass(mapperClass);
        configured.setMapOutputKeyClass(NullWritable.class);
        configured.setMapOutputValueClass(PartialSumWritable.class);
        configured.setCombinerClass(PartialSumCombiner.class);
        configured.setReducerClass(TotalReducer.class);
        configured.setNumReduceTasks(1);
        configured.setOutputKeyClass(LongWritable.class);
        configured.setOutputValueClass(Text.class);
        configured.setOutputFormatClass(TextOutputFormat.class);
        FileOutputFormat.setOutputPath(configured, output);
        return configured;
    }

    /** The maps that ran each kernel, from the job's counters. */
    private static Map<String, Long> mapsPerKernel(Job done) throws IOException {
        Map<String, Long> kernels = new TreeMap<>();
        for (Counter counter : done.getCounters().getGroup(JobSettings.KERNEL_COUNTERS)) {
            kernels.put(counter.getName(), counter.getValue());
        }
        return kernels;
    }

    /** The committed {@code <count>\t<sum>} line, checked against n. */
    private Int128 readTotal(long n) throws IOException, JobFailedException {
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

    private void writeResultJson(RunResult result) throws IOException {
        FileSystem fs = output.getFileSystem(conf);
        try (Writer out = new OutputStreamWriter(fs.create(new Path(output, RESULT_JSON), true),
                StandardCharsets.UTF_8)) {
            out.write(result.toJson());
            out.write('\n');
        }
    }

    /** The failing task's own message if there is one, else the job's failure info; one line. */
    static String failureReason(Job failed) throws IOException, InterruptedException {
        for (TaskCompletionEvent event : failed.getTaskCompletionEvents(0, 10_000)) {
            if (event.getStatus() == TaskCompletionEvent.Status.FAILED
                    || event.getStatus() == TaskCompletionEvent.Status.TIPFAILED) {
                String[] diagnostics = failed.getTaskDiagnostics(event.getTaskAttemptId());
                if (diagnostics != null && diagnostics.length > 0) {
                    return "task " + event.getTaskAttemptId() + " failed: " + Messages.firstLine(diagnostics[diagnostics.length - 1]);
                }
            }
        }
        String info = failed.getStatus().getFailureInfo();
        return "job " + failed.getJobID() + " " + failed.getJobState().toString().toLowerCase()
                + (info == null || info.isBlank() ? "" : ": " + Messages.firstLine(info));
    }

    private void cleanUpAfterSignal() {
        Job submitted;
        synchronized (this) {
            stopping = true;
            submitted = succeeded ? null : job;
        }
        try {
            if (submitted != null && !submitted.isComplete()) {
                err.println("randsum: interrupted, killing " + submitted.getJobID());
                submitted.killJob();
            }
        } catch (IOException | RuntimeException e) {
            err.println("randsum: could not kill the job: " + e.getMessage());
        }
        cleanUp();
    }

    /** Removes the work directory, and the output directory of a run that did not succeed; once. */
    private synchronized void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        delete(workDir);
        if (!succeeded && ownsOutput) {
            delete(output);
        }
    }

    private void delete(Path path) {
        if (path == null) {
            return;
        }
        try {
            path.getFileSystem(conf).delete(path, true);
        } catch (IOException e) {
            err.println("randsum: could not remove " + path + ": " + e.getMessage());
        }
    }
}
