package org.randsum.mapreduce.checks;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;
import org.randsum.cli.Messages;
import org.randsum.cli.Settings;
import org.randsum.cli.UsageException;
import org.randsum.mapreduce.failure.Failures;

/**
 * The checks a MapReduce run makes before it writes anything: every filesystem it will use
 * answers (within seconds, not Hadoop's minutes of retries), nothing YARN's tasks would need is on
 * a node's local disk, and the output can be created. A run that would fail on these fails here, in
 * one line, instead of after the job.
 */
public final class Preflight {
    private Preflight() {
    }

    /**
     * The client configuration with its connection retries bounded, for the checks alone: a
     * NameNode or ResourceManager that is down or unreachable is reported in 10-20 s. (The IPC
     * layer's own retries multiply with the ResourceManager proxy's: with 2 of them a refused
     * connection took 48 s, with none 10.6 s.) Hadoop's defaults (45 connect timeouts of 20 s, a
     * 15-minute ResourceManager wait) stay for the run, which should ride out a brief outage once
     * it is under way.
     */
    public static Configuration bounded(Configuration conf) {
        Configuration bounded = new Configuration(conf);
        bounded.setInt("ipc.client.connect.max.retries", 0);
        bounded.setInt("ipc.client.connect.timeout", 5000);
        bounded.setInt("ipc.client.connect.max.retries.on.timeouts", 1);
        bounded.setLong("yarn.resourcemanager.connect.max-wait.ms", 10_000);
        bounded.setLong("yarn.resourcemanager.connect.retry-interval.ms", 1000);
        S3AChecks.bound(bounded);
        return bounded;
    }

    /**
     * Each distinct filesystem of {@code paths} answers a status call on that path (or its nearest
     * ancestor that exists), through a fresh, uncached instance on the bounded configuration.
     */
    public static void filesystemsAnswer(Configuration conf, List<Path> paths) throws IOException {
        Configuration bounded = bounded(conf);
        Set<URI> seen = new LinkedHashSet<>();
        for (Path path : paths) {
            FileSystem cached = path.getFileSystem(conf);
            if (!seen.add(cached.getUri())) {
                continue;
            }
            try (FileSystem fresh = FileSystem.newInstance(cached.getUri(), bounded)) {
                nearestExisting(fresh, fresh.makeQualified(path));
            } catch (AccessControlException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException("cannot reach " + cached.getUri() + ": " + Failures.describe(e), e);
            }
        }
    }

    /** On YARN the maps and the reducer run on other nodes: what they read or write must be shared. */
    public static void sharedWhenOnYarn(Configuration conf, Path workRoot, Path output, Path input) throws IOException,
            UsageException {
        refuseNodeLocal(conf, workRoot, Settings.WORK_ROOT + " " + workRoot,
                "the maps would look for their descriptors on their own node's disk");
        refuseNodeLocal(conf, output, "output " + output, "the reducer would write the total on some node's disk");
        refuseNodeLocal(conf, input, "input " + input, "the maps would read their node's disk, not this one's");
    }

    /**
     * The output can be created: its nearest existing ancestor is a directory this user may write
     * and enter, where the filesystem can tell (HDFS and local disks can; object stores report
     * every directory writable, and the bucket answering is checked by {@link #filesystemsAnswer}).
     */
    public static void outputCanBeCreated(Configuration conf, Path output) throws IOException, UsageException {
        FileSystem fs = output.getFileSystem(conf);
        Path qualified = fs.makeQualified(output);
        if (fs.exists(qualified)) {
            throw new UsageException("output directory " + output + " already exists");
        }
        FileStatus ancestor = nearestExisting(fs, qualified.getParent());
        if (!ancestor.isDirectory()) {
            throw new UsageException("cannot create output " + output + ": " + ancestor.getPath() + " is not a directory");
        }
        try {
            fs.access(ancestor.getPath(), FsAction.WRITE_EXECUTE);
        } catch (AccessControlException e) {
            throw new UsageException("cannot create output " + output + ": " + ancestor.getPath()
                    + " is not writable by this user (" + Messages.firstLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static void refuseNodeLocal(Configuration conf, Path path, String what, String why)
            throws IOException, UsageException {
        if (path != null && "file".equals(path.getFileSystem(conf).getUri().getScheme())) {
            throw new UsageException("on YARN, " + what + " must be on a shared filesystem (HDFS, S3, ...), not the"
                    + " local disk: " + why);
        }
    }

    private static FileStatus nearestExisting(FileSystem fs, Path path) throws IOException {
        for (Path at = path; at != null; at = at.getParent()) {
            try {
                return fs.getFileStatus(at);
            } catch (FileNotFoundException missing) {
                // Look one level up.
            }
        }
        throw new FileNotFoundException("no part of " + path + " exists");
    }
}
