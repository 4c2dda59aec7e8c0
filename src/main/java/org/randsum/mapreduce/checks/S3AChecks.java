package org.randsum.mapreduce.checks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.randsum.cli.UsageException;
import org.randsum.mapreduce.failure.Failures;

/**
 * The checks a run makes before anything is written, for paths on S3A ({@code s3a://}, and {@code
 * s3://} where it is mapped to S3A, as on EMR 7.10+). With S3A's defaults a dead endpoint is retried
 * for about 100 s, and a missing bucket comes back as one line of some 600 characters of SDK text;
 * here each path is probed once through a filesystem instance of its own whose retries and timeouts
 * are bounded, and a failure is one short line. The job itself keeps S3A's retries.
 *
 * <p>S3A is recognised by class name, so that the driver needs no S3A class where hadoop-aws is not
 * on the class path.
 */
public final class S3AChecks {
    static final String S3A_FILESYSTEM = "org.apache.hadoop.fs.s3a.S3AFileSystem";
    /**
     * What the probe sets: one attempt for an endpoint that refuses or does not answer, 15 s at most
     * (S3A's least timeouts); throttling (503 Slow Down) is still retried twice, briefly. The SDK's
     * own retries are off, as S3A does its own.
     */
    static final String[][] BOUNDED_RETRIES = {
        {"fs.s3a.retry.limit", "0"},
        {"fs.s3a.retry.throttle.limit", "2"},
        {"fs.s3a.retry.throttle.interval", "500ms"},
        {"fs.s3a.attempts.maximum", "0"},
        {"fs.s3a.connection.establish.timeout", "15s"},
        {"fs.s3a.connection.timeout", "15s"},
        {"fs.s3a.connection.request.timeout", "15s"},
    };

    private S3AChecks() {
    }

    /** Whether {@code path}'s filesystem is S3A (or a subclass), without creating it. */
    public static boolean isS3A(Path path, Configuration conf) {
        String scheme = path.toUri().getScheme();
        if (scheme == null) {
            scheme = FileSystem.getDefaultUri(conf).getScheme();
        }
        if (scheme == null) {
            return false;
        }
        try {
            for (Class<?> type = FileSystem.getFileSystemClass(scheme, conf); type != null; type = type.getSuperclass()) {
                if (type.getName().equals(S3A_FILESYSTEM)) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException | LinkageError unknownOrMissing) {
            // No filesystem for the scheme, or its classes are missing: not S3A; the run's own use says why.
        }
        return false;
    }

    /**
     * Probes each S3A path among {@code paths} (nulls are skipped): its bucket must exist and its
     * endpoint answer. A missing bucket is a usage error; an endpoint that does not answer an IOException
     * with one short line (and no cause, so that the driver prints that line alone).
     */
    public static void checkReachable(Configuration conf, Path... paths) throws UsageException, IOException {
        for (Path path : paths) {
            if (path != null && isS3A(path, conf)) {
                probe(conf, path);
            }
        }
    }

    /** Sets {@link #BOUNDED_RETRIES} in {@code conf} (for the checks before a run, never for the run). */
    static void bound(Configuration conf) {
        for (String[] setting : BOUNDED_RETRIES) {
            conf.set(setting[0], setting[1]);
        }
    }

    private static void probe(Configuration conf, Path path) throws UsageException, IOException {
        Configuration bounded = new Configuration(conf);
        bound(bounded);
        String endpoint = "the default S3 endpoint";
        try (FileSystem fs = FileSystem.newInstance(path.toUri(), bounded)) {
            // The bucket's own settings (fs.s3a.bucket.NAME.*) are in the instance's configuration.
            endpoint = fs.getConf().getTrimmed("fs.s3a.endpoint", "").isEmpty() ? endpoint
                    : "endpoint " + fs.getConf().getTrimmed("fs.s3a.endpoint");
            fs.exists(path);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            if (isMissingBucket(e)) {
                throw new UsageException("bucket " + path.toUri().getHost() + " does not exist (" + path + ")");
            }
            IOException oneLine = new IOException("cannot reach " + path + " at " + endpoint + ": " + cause(e));
            oneLine.addSuppressed(e); // for RANDSUM_DEBUG's stack trace, not for the line
            throw oneLine;
        }
    }

    /** By the types' names: hadoop-aws and the AWS SDK are optional at run time, so no code here names their classes. */
    private static boolean isMissingBucket(Throwable e) {
        return Failures.findByName(e, Set.of("UnknownStoreException", "NoSuchBucketException")).isPresent();
    }

    /** Why an S3 call failed, in a few words: the network's answer where there is one. */
    static String cause(Throwable e) {
        Throwable innermost = e;
        for (Throwable t : Failures.chain(e)) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "no answer in time";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            innermost = t;
        }
        return shortMessage(innermost);
    }

    /** A message without the SDK's request details, which it repeats for every wrapping. */
    private static String shortMessage(Throwable t) {
        String message = Failures.firstLine(t);
        int details = message.indexOf(" (Service: ");
        return details < 0 ? message : message.substring(0, details);
    }
}
