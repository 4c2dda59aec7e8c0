package org.randsum.mapreduce.client;

import java.io.IOException;
import java.io.PrintStream;
import java.util.SplittableRandom;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ShutdownHookManager;
import org.randsum.cli.UsageException;
import org.randsum.mapreduce.checks.WorkRoot;

/**
 * A run's lifecycle, and the driver's only concurrency: a fresh private work directory; the output
 * directory, which becomes the run's to remove on failure once its job owns it; a shutdown hook
 * that on SIGINT or SIGTERM kills the submitted job; and a clean-up that happens once, whether the
 * run's thread or the hook gets there first. The two share the fields marked below under this
 * object's lock.
 */
public final class RunLifecycle implements AutoCloseable {
    /**
     * Shutdown-hook priority of randsum's clean-ups (here and in {@code generate}): ahead of
     * Hadoop's FileSystem-closing hook (priority 10), so clean-up can still use the filesystem.
     */
    static final int CLEANUP_HOOK_PRIORITY = 50;

    private final Configuration conf;
    private final PrintStream err;
    private final Path workDir;
    private final Path output;
    private final boolean keepOutput;
    private final Runnable signalHook = this::cleanUpAfterSignal;
    /** The job to close at the end; the run's thread alone. */
    private Job configured;
    // Shared with the signal hook; guarded by this.
    private Job submitted;
    private boolean stopping;
    private boolean succeeded;
    private boolean ownsOutput;
    private boolean ownsWorkDir;
    private boolean cleaned;

    private RunLifecycle(Configuration conf, PrintStream err, Path workDir, Path keptOutput) {
        this.conf = conf;
        this.err = err;
        this.workDir = workDir;
        this.keepOutput = keptOutput != null;
        this.output = keepOutput ? keptOutput : new Path(workDir, "output");
    }

    /**
     * Starts a run: installs the signal hook, then makes its private (0700) work directory under
     * {@code root}, which {@link WorkRoot#prepare} has checked. {@code keptOutput} is the user's
     * {@code -o}, or null for an output in the work directory.
     */
    public static RunLifecycle start(Configuration conf, PrintStream err, Path root, Path keptOutput)
            throws IOException, UsageException {
        String name = String.format("randsum-%d-%08x", System.currentTimeMillis(), new SplittableRandom().nextInt());
        FileSystem fs = root.getFileSystem(conf);
        Path workDir = fs.makeQualified(new Path(root, name));
        RunLifecycle lifecycle = new RunLifecycle(conf, err, workDir, keptOutput);
        ShutdownHookManager.get().addShutdownHook(lifecycle.signalHook, CLEANUP_HOOK_PRIORITY);
        try {
            if (fs.exists(workDir)) {
                throw new IOException("work directory " + workDir + " exists already");
            }
            WorkRoot.makePrivateDirectory(fs, workDir);
            lifecycle.madeWorkDir();
        } catch (IOException | UsageException | RuntimeException e) {
            lifecycle.close();
            throw e;
        }
        return lifecycle;
    }

    private synchronized void madeWorkDir() {
        ownsWorkDir = true;
    }

    public Path workDir() {
        return workDir;
    }

    /** Where the job writes its total: the user's {@code -o}, or a directory in the work directory. */
    Path output() {
        return output;
    }

    boolean keepsOutput() {
        return keepOutput;
    }

    /**
     * Submits the job unless a signal came first. Under the lock the signal hook takes, so the hook
     * either stops the run before submission or sees the submitted job and kills it. The output
     * directory becomes this run's to remove on failure only once the job owns it.
     */
    void submit(Job job) throws IOException, InterruptedException {
        configured = job;
        synchronized (this) {
            if (stopping) {
                throw new InterruptedException("stopped before the job was submitted");
            }
            try {
                job.submit();
            } catch (ClassNotFoundException e) {
                throw new IOException("a job class is missing from the class path: " + e.getMessage(), e);
            }
            submitted = job;
            ownsOutput = keepOutput;
        }
    }

    /** The run has its result: the output stays, and a late signal kills nothing. */
    synchronized void succeeded() {
        succeeded = true;
    }

    /** Cleans up (once), closes the job and removes the signal hook. */
    @Override
    public void close() throws IOException {
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

    private void cleanUpAfterSignal() {
        Job toKill;
        synchronized (this) {
            stopping = true;
            toKill = succeeded ? null : submitted;
        }
        try {
            if (toKill != null && !toKill.isComplete()) {
                err.println("randsum: interrupted, killing " + toKill.getJobID());
                toKill.killJob();
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
        // Only what this run made: clean-up never reports on a directory it did not create.
        if (ownsWorkDir) {
            delete(workDir);
        }
        if (!succeeded && ownsOutput) {
            delete(output);
        }
    }

    private void delete(Path path) {
        try {
            path.getFileSystem(conf).delete(path, true);
        } catch (IOException e) {
            err.println("randsum: could not remove " + path + ": " + e.getMessage());
        }
    }
}
