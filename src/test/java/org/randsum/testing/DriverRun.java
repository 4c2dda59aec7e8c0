package org.randsum.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.randsum.cli.Settings;
import org.randsum.mapreduce.client.DriverEntry;
import org.randsum.mapreduce.RandSumDriver;
import org.randsum.mapreduce.task.RandSumMapper;

/**
 * Runs the driver in this JVM through {@link DriverEntry} (the generic options' check, then
 * ToolRunner), as {@code hadoop jar} does, and keeps what it
 * printed: the one way the tests run randsum in-process (local mode and the minicluster alike).
 */
public final class DriverRun {
    private static final Pattern SUM = Pattern.compile("\"sum\":\"(-?[0-9]+)\"");
    private static final Pattern JOB_ID = Pattern.compile("\"jobId\":\"(job_[0-9_]+)\"");

    /** A run's exit code and what it printed; {@link #sum()} and {@link #jobId()} read its {@code --json}. */
    public record Outcome(int exitCode, String out, String err) {
        public String sum() {
            Matcher matcher = SUM.matcher(out);
            assertTrue(matcher.find(), "no sum in: " + out + "\n" + err);
            return matcher.group(1);
        }

        public String jobId() {
            Matcher matcher = JOB_ID.matcher(out);
            assertTrue(matcher.find(), "no job id in: " + out);
            return matcher.group(1);
        }

        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    private DriverRun() {
    }

    /** Hadoop local mode on the local filesystem, with work directories under {@code workRoot}. */
    public static Configuration localConf(java.nio.file.Path workRoot) {
        Configuration conf = new Configuration();
        conf.set("mapreduce.framework.name", "local");
        conf.set("fs.defaultFS", "file:///");
        conf.set(Settings.WORK_ROOT, workRoot.toUri().toString());
        return conf;
    }

    /** The driver with {@code args} on (a copy of) {@code conf}. */
    public static Outcome run(Configuration conf, String... args) throws Exception {
        return run(conf, RandSumMapper.class, false, args);
    }

    /**
     * The driver whose job runs {@code mapper} (a fault mapper, say); with {@code showErr}, its
     * stderr is copied to the test's own as it comes, to diagnose a failure on a cluster.
     */
    public static Outcome run(Configuration conf, Class<? extends RandSumMapper> mapper, boolean showErr,
            String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(showErr ? new Tee(err, System.err) : err, true, StandardCharsets.UTF_8);
        int code = DriverEntry.run(new Configuration(conf), new RandSumDriver(outStream, errStream, mapper), args,
                errStream);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
