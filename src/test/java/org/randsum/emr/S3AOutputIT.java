package org.randsum.emr;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.randsum.mapreduce.task.FaultyMappers;
import org.randsum.testing.DriverRun;
import org.randsum.testing.Processes;
import org.randsum.testing.Reference;
import org.randsum.testing.SiteFiles;

/**
 * randsum's output and work directory on S3A ({@code hadoop-aws}), against a moto server on
 * 127.0.0.1: the built jar through RunJar in local mode on the class path scripts/randsum uses
 * (target/hadoop-classpath.txt), with a client configuration whose core-site.xml points S3A at moto.
 * Each test has a bucket of its own.
 */
class S3AOutputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "about 30 s" of the issue, for a missing bucket or an endpoint that does not answer. */
    private static final Duration ONE_LINE_LIMIT = Duration.ofSeconds(30);
    private static final Pattern S3A_BYTES_READ = Pattern.compile("S3A: Number of bytes read=(\\d+)");

    private static Path work;
    private static Moto moto;

    @BeforeAll
    static void startMoto() throws Exception {
        work = Files.createDirectories(Processes.projectDir().resolve("target/s3a-it"));
        moto = Moto.start(work);
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) {
            moto.stop();
        }
    }

    /** S3A's settings for moto at {@code endpoint}, as a core-site.xml would hold them. */
    static Map<String, String> s3aSettings(String endpoint) {
        return Map.of(
                "fs.s3a.endpoint", endpoint,
                "fs.s3a.endpoint.region", Moto.REGION,
                "fs.s3a.access.key", "testing",
                "fs.s3a.secret.key", "testing",
                "fs.s3a.path.style.access", "true");
    }

    /** A local-mode client configuration directory with S3A at {@code endpoint}, plus {@code extra}. */
    private static Path confDir(String name, String endpoint, Map<String, String> extra) throws IOException {
        Map<String, String> keys = new HashMap<>(s3aSettings(endpoint));
        keys.put("fs.defaultFS", "file:///");
        keys.put("mapreduce.framework.name", "local");
        keys.put("randsum.work.root", work.resolve("work").toUri().toString());
        // The directory committer stages on the cluster filesystem: here, under target/.
        keys.put("fs.s3a.committer.staging.tmp.path", work.resolve("staging").toUri().toString());
        keys.putAll(extra);
        return SiteFiles.write(new Configuration(false), keys, work.resolve("conf-" + name));
    }

    private static Processes.Result runJar(Path confDir, String... args) throws Exception {
        return Processes.run(Processes.runJarCommand(confDir, Processes.hadoopClasspath(), List.of(args)), Map.of(),
                180);
    }

    private static Processes.Result runJar(String name, String... args) throws Exception {
        return runJar(confDir(name, moto.endpoint(), Map.of()), args);
    }

    /** The bucket's keys under {@code prefix}, less S3A's zero-byte directory markers (keys ending in /). */
    private static List<String> objects(String bucket, String prefix) throws Exception {
        List<String> keys = new ArrayList<>(moto.listKeys(bucket, prefix));
        keys.removeIf(key -> key.endsWith("/"));
        return keys;
    }

    private static String text(String bucket, String key) throws Exception {
        return new String(moto.getObject(bucket, key), StandardCharsets.UTF_8);
    }

    private static String sumOf(String json) throws IOException {
        return JSON.readTree(json).path("sum").asText();
    }

    @Test
    void outputOnS3AKeepsTheTotalSuccessAndResultJsonCommittedByTheMagicCommitter() throws Exception {
        String bucket = "randsum-output";
        moto.createBucket(bucket);
        Processes.Result run = runJar("output", "-n", "200000", "--seed", "-31", "--min", "-1000", "--max",
                "4294967296", "-m", "3", "-o", "s3a://" + bucket + "/runs/one", "--json");
        String expected = Reference.total(-31, 200000, -1000, 4294967296L).toString();
        JsonNode success = JSON.readTree(moto.getObject(bucket, "runs/one/_SUCCESS"));
        assertAll(
                () -> assertEquals(0, run.exitCode(), run.err()),
                () -> assertEquals(expected, sumOf(run.out())),
                () -> assertEquals(List.of("runs/one/_SUCCESS", "runs/one/part-r-00000", "runs/one/result.json",
                        "runs/one/result.txt"), objects(bucket, "runs/")),
                () -> assertTrue(text(bucket, "runs/one/result.txt").startsWith(expected + "\n"),
                        text(bucket, "runs/one/result.txt")),
                () -> assertTrue(text(bucket, "runs/one/result.txt").endsWith("\n  output   s3a://" + bucket + "/runs/one\n"),
                        text(bucket, "runs/one/result.txt")),
                () -> assertEquals("200000\t" + expected + "\n", text(bucket, "runs/one/part-r-00000")),
                () -> assertEquals(expected, sumOf(text(bucket, "runs/one/result.json"))),
                () -> assertEquals("s3a://" + bucket + "/runs/one",
                        JSON.readTree(text(bucket, "runs/one/result.json")).path("output").asText()),
                // S3A's committers write _SUCCESS as a JSON manifest naming themselves; the classic one writes 0 bytes.
                () -> assertEquals("magic", success.path("committer").asText(), success.toString()),
                () -> assertFalse(run.err().contains("potentially unsafe"), run.err()),
                () -> assertEquals(List.of(), moto.pendingUploads(bucket)));
    }

    @Test
    void aCommitterTheUserChoseIsKeptAndTheTotalIsFoundUnderItsFileName() throws Exception {
        String bucket = "randsum-directory";
        moto.createBucket(bucket);
        Processes.Result run = runJar("directory", "-D", "fs.s3a.committer.name=directory", "-n", "54321", "--seed",
                "7", "-o", "s3a://" + bucket + "/out", "--json");
        String expected = Reference.total(7, 54321, 0, Integer.MAX_VALUE).toString();
        List<String> objects = objects(bucket, "out/");
        assertAll(
                () -> assertEquals(0, run.exitCode(), run.err()),
                () -> assertEquals(expected, sumOf(run.out())),
                () -> assertEquals("directory",
                        JSON.readTree(moto.getObject(bucket, "out/_SUCCESS")).path("committer").asText()),
                // The directory committer makes names unique with the job's id: part-r-00000-<id>.
                () -> assertEquals(1, objects.stream().filter(key -> key.matches("out/part-r-00000-.+")).count(),
                        objects.toString()),
                () -> assertFalse(run.err().contains("potentially unsafe"), run.err()));
    }

    @Test
    void workRootOnS3AIsUsedAndRemoved() throws Exception {
        String bucket = "randsum-work";
        moto.createBucket(bucket);
        Processes.Result run = runJar("work", "-D", "randsum.work.root=s3a://" + bucket + "/work", "-n", "1000",
                "--seed", "2024", "--min", "-9223372036854775808", "--max", "9223372036854775807", "-m", "2", "--json");
        // The job's filesystem counters: its descriptors were read from S3A, so the work directory was there.
        Matcher read = S3A_BYTES_READ.matcher(run.err());
        assertAll(
                () -> assertEquals(0, run.exitCode(), run.err()),
                () -> assertEquals("191621877989071524931", sumOf(run.out())),
                () -> assertTrue(read.find() && Long.parseLong(read.group(1)) > 0, run.err()),
                () -> assertEquals(List.of(), objects(bucket, "work/")),
                () -> assertEquals(List.of(), moto.pendingUploads(bucket)));
    }

    @Test
    void existingOutputIsRefusedWithExit2AndLeftAsItWas() throws Exception {
        String bucket = "randsum-existing";
        moto.createBucket(bucket);
        moto.putObject("s3://" + bucket + "/taken/data.txt", "keep me".getBytes(StandardCharsets.UTF_8));
        Processes.Result run = runJar("existing", "-n", "1000", "-o", "s3a://" + bucket + "/taken");
        assertAll(
                () -> assertEquals(2, run.exitCode(), run.err()),
                () -> assertEquals(List.of("randsum: output directory s3a://" + bucket + "/taken already exists"
                        + " (see randsum --help)"), run.err().lines().toList()),
                () -> assertEquals(List.of("taken/data.txt"), moto.listKeys(bucket, "")),
                () -> assertEquals("keep me", text(bucket, "taken/data.txt")));
    }

    @Test
    void missingBucketForTheOutputIsOneShortLineWithExit2() throws Exception {
        long start = System.nanoTime();
        Processes.Result run = runJar("no-bucket", "-n", "1000", "-o", "s3a://randsum-no-such-bucket/out");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertAll(
                () -> assertEquals(2, run.exitCode(), run.err()),
                () -> assertEquals(List.of("randsum: bucket randsum-no-such-bucket does not exist"
                        + " (s3a://randsum-no-such-bucket/out) (see randsum --help)"), run.err().lines().toList()),
                () -> assertTrue(took.compareTo(ONE_LINE_LIMIT) < 0, took.toString()));
    }

    /** randsum generate gets the run's probe of its output's bucket too. */
    @Test
    void generateIntoAMissingBucketIsOneShortLineWithExit2() throws Exception {
        Processes.Result run = runJar("generate-no-bucket", "generate", "-n", "1000", "-o",
                "s3a://randsum-no-generate-bucket/splits");
        assertAll(
                () -> assertEquals(2, run.exitCode(), run.err()),
                () -> assertEquals(List.of("randsum: bucket randsum-no-generate-bucket does not exist"
                        + " (s3a://randsum-no-generate-bucket/splits) (see randsum --help)"), run.err().lines().toList()),
                () -> assertEquals("", run.out()));
    }

    /** Nothing was created, so nothing is reported as not removed: the one line is the cause. */
    @Test
    void missingBucketForTheWorkRootIsOneShortLineWithNoCleanUpReport() throws Exception {
        Processes.Result run = runJar("no-work-bucket", "-D", "randsum.work.root=s3a://randsum-no-work-bucket/w",
                "-n", "1000");
        assertAll(
                () -> assertEquals(2, run.exitCode(), run.err()),
                () -> assertEquals(List.of("randsum: bucket randsum-no-work-bucket does not exist"
                        + " (s3a://randsum-no-work-bucket/w) (see randsum --help)"), run.err().lines().toList()));
    }

    @Test
    void endpointThatRefusesIsOneShortLineWithExit1() throws Exception {
        String dead = "http://127.0.0.1:" + freePort();
        long start = System.nanoTime();
        Processes.Result run = runJar(confDir("refused", dead, Map.of()), "-n", "1000", "-o", "s3a://randsum-x/out");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertAll(
                () -> assertEquals(1, run.exitCode(), run.err()),
                () -> assertEquals(List.of("randsum: cannot reach s3a://randsum-x/out at endpoint " + dead
                        + ": connection refused"), run.err().lines().toList()),
                () -> assertTrue(took.compareTo(ONE_LINE_LIMIT) < 0, took.toString()));
    }

    /** A server that accepts connections and never answers: the probe's 15 s timeout, one attempt. */
    @Test
    void endpointThatDoesNotAnswerIsOneShortLineWithin30Seconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
            long start = System.nanoTime();
            Processes.Result run = runJar(confDir("silent", endpoint, Map.of()), "-D",
                    "randsum.work.root=s3a://randsum-silent/work", "-n", "1000");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertAll(
                    () -> assertEquals(1, run.exitCode(), run.err()),
                    () -> assertEquals(List.of("randsum: cannot reach s3a://randsum-silent/work at endpoint " + endpoint
                            + ": no answer in time"), run.err().lines().toList()),
                    () -> assertTrue(took.compareTo(ONE_LINE_LIMIT) < 0, took.toString()));
        }
    }

    /**
     * The fault first (the job failed, and the line names the task's own cause: local mode's runner
     * keeps no task diagnostics, so it comes from what the runner logged), then: no object, directory
     * marker or upload left in the bucket.
     */
    @Test
    void failedRunLeavesNoPartialOutputInTheBucket() throws Exception {
        String bucket = "randsum-failed";
        moto.createBucket(bucket);
        Configuration conf = DriverRun.localConf(work.resolve("work"));
        s3aSettings(moto.endpoint()).forEach(conf::set);
        conf.setInt("mapreduce.map.maxattempts", 1);
        DriverRun.Outcome outcome = DriverRun.run(conf, FaultyMappers.AlwaysFails.class, false,
                "-n", "1000", "--seed", "1", "-m", "2", "-o", "s3a://" + bucket + "/failed");
        List<String> lines = outcome.errLines();
        assertAll(
                () -> assertEquals(1, outcome.exitCode(), outcome.err()),
                () -> assertTrue(lines.get(lines.size() - 1)
                        .matches("randsum: job job_local\\d+_\\d+ failed: .*injected failure: this map always fails"),
                        outcome.err()),
                () -> assertEquals(List.of(), moto.listKeys(bucket, "")),
                () -> assertEquals(List.of(), moto.pendingUploads(bucket)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
