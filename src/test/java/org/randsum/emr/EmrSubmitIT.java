package org.randsum.emr;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.randsum.emr.Moto.texts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.randsum.emr.Moto.StepRef;
import org.randsum.testing.Processes;
import org.randsum.testing.Processes.Result;
import org.randsum.testing.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code scripts/emr-submit} end to end: the real AWS CLI against a moto server on 127.0.0.1, with
 * dummy credentials and no AWS account. moto never runs an EMR step, so {@link EmrStepRunner} plays
 * the cluster's part: it runs the step's jar from the bucket with the step's arguments, randsum
 * writes its output and {@code result.json} to the bucket through S3A, and the step ends COMPLETED
 * or FAILED from randsum's exit code ({@code src/test/resources/emr/moto_emr.py} runs moto plus the
 * control endpoint that moves a step). The sums the script prints are checked against {@link Reference}.
 *
 * <p>The test inspects moto through the AWS wire protocol itself (S3 REST, EMR JSON), with a
 * placeholder SigV4 header that moto reads only to route the request; every script run also has
 * {@code AWS_ENDPOINT_URL} pointing at moto, so nothing can reach real AWS.
 */
class EmrSubmitIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = PROJECT.resolve("scripts/emr-submit");
    private static final Path JAR = PROJECT.resolve("target/randsum.jar");
    private static final Path CONFIGURATIONS = PROJECT.resolve("conf/emr/configurations.json");
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);
    private static final Duration STEP_APPEARS_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BUCKET = "randsum-it";
    private static final String S3 = "s3://" + BUCKET + "/exp/one";
    /** A randsum command line with a Hadoop generic option whose value holds a comma and spaces. */
    private static final List<String> OPTIONS = List.of(
            "-D", "mapreduce.job.name=randsum a,b c", "-n", "1000", "--seed", "7", "--min", "-5", "--max", "5", "-t", "4");
    /** The total of {@link #OPTIONS}' values, computed independently of randsum. */
    private static final String EXPECTED_SUM = Reference.total(7, 1000, -5, 5).toString();
    private static final Pattern OUTPUT = Pattern.compile(
            Pattern.quote(S3) + "/runs/[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}/output");

    private static Path work;
    private static Moto moto;
    private static EmrStepRunner emr;

    @BeforeAll
    static void startMoto() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run this test with 'mvn verify' (package builds it)");
        work = Files.createDirectories(PROJECT.resolve("target/emr-it"));
        moto = Moto.start(work);
        emr = new EmrStepRunner(moto, work);
        Result version = run(List.of("aws", "--version"), env(), Duration.ofSeconds(30), "aws-version");
        assertEquals(0, version.exitCode(), "the AWS CLI must be on PATH: " + version.err());
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) {
            moto.stop();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TransientCluster {
        private EmrStepRunner.StepRun stepRun;
        private Result run;
        private JsonNode clusters;
        private JsonNode cluster;
        private JsonNode instanceGroups;
        private JsonNode steps;
        private String output;
        private StepRef step;

        @BeforeAll
        void submitAndComplete() throws Exception {
            moto.reset();
            moto.createBucket(BUCKET);
            Submission submission = Submission.start("transient", env(),
                    args(List.of("--s3", S3, "--endpoint-url", moto.endpoint(), "--poll", "0.2", "--timeout", "60")));
            step = submission.awaitStep();
            submission.awaitStderr(" is RUNNING"); // so that both state changes are there to report
            output = moto.stepArgs(step).get(OPTIONS.size() + 1);
            stepRun = emr.run(step);
            run = submission.finish();
            clusters = moto.emr("ListClusters", JSON.createObjectNode()).get("Clusters");
            cluster = moto.describeCluster(step.clusterId());
            instanceGroups = moto.emr("ListInstanceGroups", JSON.createObjectNode().put("ClusterId", step.clusterId()))
                    .get("InstanceGroups");
            steps = moto.emr("ListSteps", JSON.createObjectNode().put("ClusterId", step.clusterId())).get("Steps");
        }

        @Test
        void uploadsTheJarByteForByteUnderAContentHashName() throws Exception {
            String expectedKey = "exp/one/jars/randsum-" + sha256(Files.readAllBytes(JAR)).substring(0, 16) + ".jar";
            assertEquals(List.of(expectedKey), moto.listKeys(BUCKET, "exp/one/jars/"));
            assertArrayEquals(Files.readAllBytes(JAR), moto.getObject(BUCKET, expectedKey));
        }

        @Test
        void createsExactlyOneCluster() {
            assertEquals(1, clusters.size(), clusters.toString());
        }

        @Test
        void clusterRunsTheDefaultReleaseWithHadoop() {
            assertEquals("emr-7.14.0", cluster.path("ReleaseLabel").asText());
            assertEquals(List.of("Hadoop"), texts(cluster.path("Applications"), "Name"));
        }

        @Test
        void clusterHasOnePrimaryAndTwoCoreM5XlargeNodes() {
            Map<String, String> groups = new HashMap<>();
            for (JsonNode group : instanceGroups) {
                groups.put(group.path("InstanceGroupType").asText(),
                        group.path("RequestedInstanceCount").asInt() + " x " + group.path("InstanceType").asText());
            }
            assertEquals(Map.of("MASTER", "1 x m5.xlarge", "CORE", "2 x m5.xlarge"), groups);
        }

        @Test
        void clusterLogsUnderThePrefixAndTerminatesWhenTheStepEnds() {
            assertAll(
                    () -> assertEquals(S3 + "/logs/", cluster.path("LogUri").asText()),
                    () -> assertTrue(cluster.path("AutoTerminate").asBoolean(), cluster.toString()));
        }

        @Test
        void clusterUsesTheDefaultRoles() {
            assertAll(
                    () -> assertEquals("EMR_DefaultRole", cluster.path("ServiceRole").asText()),
                    () -> assertEquals("EMR_EC2_DefaultRole",
                            cluster.path("Ec2InstanceAttributes").path("IamInstanceProfile").asText()));
        }

        @Test
        void clusterGetsTheProjectsConfigurationsFile() throws IOException {
            assertEquals(JSON.readTree(CONFIGURATIONS.toFile()), cluster.path("Configurations"));
        }

        @Test
        void submitsOneStepRunningTheUploadedJarThatTerminatesTheClusterOnFailure() throws Exception {
            String jar = "s3://" + BUCKET + "/exp/one/jars/randsum-" + sha256(Files.readAllBytes(JAR)).substring(0, 16)
                    + ".jar";
            assertEquals(1, steps.size(), steps.toString());
            JsonNode step = steps.get(0);
            assertAll(
                    () -> assertEquals(jar, step.path("Config").path("Jar").asText()),
                    () -> assertTrue(step.path("Config").path("MainClass").asText("").isEmpty(),
                            "the jar's manifest names the main class"),
                    () -> assertEquals("TERMINATE_CLUSTER", step.path("ActionOnFailure").asText()));
        }

        @Test
        void stepArgumentsAreTheOptionsElementByElementThenTheOutputAndJson() {
            List<String> expected = new ArrayList<>(OPTIONS);
            expected.addAll(List.of("-o", output, "--json"));
            assertAll(
                    () -> assertEquals(expected, texts(steps.get(0).path("Config").path("Args"), null)),
                    () -> assertTrue(OUTPUT.matcher(output).matches(), output));
        }

        @Test
        void reportsEachStateChangeOnceWithATimestamp() {
            List<String> changes = run.err().lines()
                    .filter(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ emr-submit: step .* is [A-Z_]+"))
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .toList();
            assertEquals(List.of("RUNNING", "COMPLETED"), changes, run.err());
        }

        @Test
        void theStepRanRandsumWhichKeptItsOutputOnS3ThroughS3A() throws Exception {
            String prefix = output.substring(("s3://" + BUCKET + "/").length()) + "/";
            List<String> objects = new ArrayList<>(moto.listKeys(BUCKET, prefix));
            objects.removeIf(key -> key.endsWith("/")); // S3A's directory markers
            JsonNode success = JSON.readTree(moto.getObject(BUCKET, prefix + "_SUCCESS"));
            assertAll(
                    () -> assertEquals(0, stepRun.exitCode(), stepRun.err()),
                    () -> assertEquals(List.of(prefix + "_SUCCESS", prefix + "part-r-00000", prefix + "result.json",
                            prefix + "result.txt"), objects),
                    () -> assertEquals("1000\t" + EXPECTED_SUM + "\n",
                            new String(moto.getObject(BUCKET, prefix + "part-r-00000"), StandardCharsets.UTF_8)),
                    // s3:// is S3A here, as on EMR 7.10+, and randsum chose S3A's magic committer for it.
                    () -> assertEquals("magic", success.path("committer").asText(), success.toString()),
                    () -> assertFalse(stepRun.err().contains("potentially unsafe"), stepRun.err()));
        }

        @Test
        void printsASummaryOfTheResultThatRandsumComputed() {
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            assertAll(
                    () -> assertEquals(EXPECTED_SUM, lines.get(0), "the sum alone comes first"),
                    () -> assertTrue(lines.contains("  n        1000"), run.out()),
                    () -> assertTrue(lines.contains("  seed     7"), run.out()),
                    () -> assertTrue(lines.contains("  range    [-5, 5]"), run.out()),
                    () -> assertTrue(lines.contains("  engine   mapreduce, 1 map x 4 threads"), run.out()),
                    () -> assertTrue(lines.stream().anyMatch(line -> line.matches("  elapsed  [0-9]+\\.[0-9]{3} s")),
                            run.out()),
                    () -> assertTrue(lines.contains("  output   " + output), run.out()));
        }

        /** The summary is randsum's own result.txt, as the step wrote it, then the step: no JSON parsed. */
        @Test
        void theSummaryIsTheResultTextTheStepWroteThenTheStep() throws Exception {
            String prefix = output.substring(("s3://" + BUCKET + "/").length()) + "/";
            String written = new String(moto.getObject(BUCKET, prefix + "result.txt"), StandardCharsets.UTF_8);
            assertEquals(written + "  step     " + step.stepId() + " on cluster " + step.clusterId() + "\n", run.out());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ExistingCluster {
        private String clusterId;
        private String output;
        private Result run;
        private JsonNode clusters;
        private JsonNode steps;
        private Path timeline;

        @BeforeAll
        void submitWithJsonAndComplete() throws Exception {
            moto.reset();
            moto.createBucket(BUCKET);
            clusterId = moto.createLongRunningCluster("s3://" + BUCKET + "/cluster-logs/");
            // No --endpoint-url: the AWS_ENDPOINT_URL of env() has to carry the script to moto.
            timeline = Files.createTempDirectory(Processes.projectDir().resolve("target"), "emr-timeline")
                    .resolve("timeline.html");
            Submission submission = Submission.start("existing", env(), args(List.of("--s3", S3,
                    "--cluster-id", clusterId, "--json", "--poll", "0.2", "--timeout", "60",
                    "--timeline", timeline.toString())));
            StepRef step = submission.awaitStep();
            output = moto.stepArgs(step).get(OPTIONS.size() + 1);
            emr.run(step);
            run = submission.finish();
            clusters = moto.emr("ListClusters", JSON.createObjectNode()).get("Clusters");
            steps = moto.emr("ListSteps", JSON.createObjectNode().put("ClusterId", clusterId)).get("Steps");
        }

        @Test
        void addsTheStepToTheGivenClusterAndCreatesNoOther() {
            assertAll(
                    () -> assertEquals(List.of(clusterId), texts(clusters, "Id")),
                    () -> assertEquals(1, steps.size(), steps.toString()));
        }

        /** The step runs in local mode here (moto runs no YARN), which keeps no job history to draw. */
        @Test
        void aStepWithoutATimelineSaysSoInOneLineAndStillSucceeds() throws Exception {
            String key = output.substring(("s3://" + BUCKET + "/").length());
            assertAll(
                    () -> assertEquals(0, run.exitCode(), run.err()),
                    () -> assertFalse(moto.listKeys(BUCKET, key).stream().anyMatch(k -> k.endsWith("/timeline.html")),
                            "the local-mode step wrote no timeline"),
                    () -> assertTrue(run.err().contains("emr-submit: no timeline: the step's output has no timeline.html"),
                            run.err()),
                    () -> assertFalse(Files.exists(timeline)),
                    () -> {
                        try (Stream<Path> left = Files.list(timeline.getParent())) {
                            assertEquals(List.of(), left.toList(), "no temporary file left");
                        }
                    });
        }

        @Test
        void stepLeavesTheClusterRunningOnFailure() {
            assertEquals("CONTINUE", steps.get(0).path("ActionOnFailure").asText());
        }

        @Test
        void jsonPrintsExactlyTheResultObjectRandsumWrote() throws Exception {
            String written = new String(moto.getObject(BUCKET,
                    output.substring(("s3://" + BUCKET + "/").length()) + "/result.json"), StandardCharsets.UTF_8);
            assertAll(
                    () -> assertEquals(0, run.exitCode(), run.err()),
                    () -> assertEquals(written, run.out()),
                    () -> assertEquals(EXPECTED_SUM, JSON.readTree(run.out()).path("sum").asText()),
                    () -> assertEquals(output, JSON.readTree(run.out()).path("output").asText()));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class FailedStep {
        private final String logUri = "s3://" + BUCKET + "/cluster-logs/";
        /** Past the local check, which parses options only: the descriptor directory is not there. */
        private final String missing = "s3://" + BUCKET + "/exp/one/no-descriptors";
        private String clusterId;
        private StepRef step;
        private EmrStepRunner.StepRun stepRun;
        private Result run;

        @BeforeAll
        void submitAndFail() throws Exception {
            moto.reset();
            moto.createBucket(BUCKET);
            clusterId = moto.createLongRunningCluster(logUri);
            Submission submission = Submission.start("failed", env(), args(List.of("--s3", S3,
                    "--cluster-id", clusterId, "--endpoint-url", moto.endpoint(), "--poll", "0.2", "--timeout", "60"),
                    List.of("-i", missing)));
            step = submission.awaitStep();
            stepRun = emr.run(step);
            run = submission.finish();
        }

        @Test
        void theStepFailedInRandsumItself() {
            assertAll(
                    () -> assertEquals(2, stepRun.exitCode(), stepRun.err()),
                    () -> assertTrue(stepRun.err().contains("randsum: descriptor directory " + missing
                            + " does not exist"), stepRun.err()));
        }

        @Test
        void exitsWithStatus1AndPrintsNoResult() {
            assertAll(
                    () -> assertEquals(1, run.exitCode(), run.err()),
                    () -> assertEquals("", run.out()));
        }

        @Test
        void printsRandsumsOwnReasonAndTheLogFileThatHoldsIt() throws Exception {
            String logFile = logUri + clusterId + "/steps/" + step.stepId() + "/stderr.gz";
            String logKey = logFile.substring(("s3://" + BUCKET + "/").length());
            String log = new String(new GZIPInputStream(
                    new ByteArrayInputStream(moto.getObject(BUCKET, logKey))).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertAll(
                    () -> assertTrue(run.err().contains("ended FAILED"), run.err()),
                    () -> assertTrue(run.err().contains("  message:  randsum: descriptor directory " + missing
                            + " does not exist (see randsum --help)"), run.err()),
                    () -> assertTrue(run.err().contains("  log file: " + logFile), run.err()),
                    () -> assertTrue(log.contains("randsum: descriptor directory " + missing + " does not exist"), log));
        }

        @Test
        void printsWhereTheStepsLogsAreUnderTheClustersLogUri() {
            String stepLogs = logUri + clusterId + "/steps/" + step.stepId() + "/";
            assertTrue(run.err().lines().anyMatch(line -> line.endsWith(stepLogs)
                    || line.contains(stepLogs + " ")), run.err());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class StepStillRunningAtTimeout {
        private Result run;
        private StepRef step;

        @BeforeAll
        void submitAndLeaveRunning() throws Exception {
            moto.reset();
            moto.createBucket(BUCKET);
            run = run(args(List.of("--s3", S3, "--endpoint-url", moto.endpoint(), "--poll", "0.2", "--timeout", "1")),
                    env(), RUN_LIMIT, "timeout");
            List<StepRef> steps = moto.steps();
            assertEquals(1, steps.size(), steps.toString());
            step = steps.get(0);
        }

        @Test
        void exitsWithStatus3() {
            assertEquals(3, run.exitCode(), run.err());
        }

        @Test
        void saysTheStepIsStillRunningAndHowToFollowIt() {
            assertAll(
                    () -> assertTrue(run.err().contains("step " + step.stepId() + " on cluster " + step.clusterId()
                            + " is still RUNNING"), run.err()),
                    () -> assertTrue(run.err().contains("emr describe-step --cluster-id " + step.clusterId()
                            + " --step-id " + step.stepId()), run.err()));
        }

        @Test
        void leavesTheClusterAndTheStepAlone() throws Exception {
            assertAll(
                    () -> assertEquals("RUNNING", moto.steps().get(0).state()),
                    () -> assertFalse(moto.describeCluster(step.clusterId()).path("Status").path("State").asText()
                            .startsWith("TERMINAT")));
        }
    }

    @Test
    void dryRunMakesNoAwsCall() throws Exception {
        moto.reset();
        moto.createBucket(BUCKET);
        Result run = run(args(List.of("--s3", S3, "--endpoint-url", moto.endpoint(), "--dry-run")), env(), RUN_LIMIT,
                "dry-run-moto");
        assertAll(
                () -> assertEquals(0, run.exitCode(), run.err()),
                () -> assertEquals(List.of(), moto.listKeys(BUCKET, "")),
                () -> assertEquals(0, moto.emr("ListClusters", JSON.createObjectNode()).get("Clusters").size()));
    }

    @Test
    void dryRunPrintsTheCommandsOfASuccessfulRunOnePerLine() throws Exception {
        String deadEndpoint = "http://127.0.0.1:" + freePort();
        Result run = run(args(List.of("--s3", S3, "--endpoint-url", deadEndpoint, "--dry-run")), env(), RUN_LIMIT,
                "dry-run-dead");
        String aws = "aws --endpoint-url " + deadEndpoint + " ";
        List<String> lines = run.out().lines().toList();
        assertAll(
                () -> assertEquals(0, run.exitCode(), run.err()),
                () -> assertEquals(5, lines.size(), run.out()),
                () -> assertTrue(lines.get(0).startsWith(aws + "s3 cp ")
                        && lines.get(0).contains(" s3://" + BUCKET + "/exp/one/jars/randsum-"), lines.get(0)),
                () -> assertTrue(lines.get(1).startsWith(aws + "emr create-cluster "), lines.get(1)),
                () -> assertTrue(lines.get(2).startsWith(aws + "emr list-steps "), lines.get(2)),
                () -> assertTrue(lines.get(3).startsWith(aws + "emr describe-step "), lines.get(3)),
                () -> assertTrue(lines.get(4).matches(Pattern.quote(aws + "s3 cp ") + OUTPUT + "/result.txt -"),
                        lines.get(4)));
    }

    /**
     * The default cluster, 2 core nodes x 4 vcores (m5.xlarge), at -t 2: 3 maps beside the application
     * master (README, "Maps and threads"), one wave. By hand: ceil(1e11 / 3) values a map at 0.306 ns a
     * value (the vector-512 kernel, default range, docs/benchmarks.md) over 2 threads: 5.1 s.
     */
    @Test
    void dryRunPrintsThePlanAndAnEstimateLabelledAsOne() throws Exception {
        Result run = run(args(List.of("--s3", S3, "--endpoint-url", "http://127.0.0.1:" + freePort(), "--dry-run"),
                List.of("-n", "1e11", "--seed", "1", "-t", "2")), env(), RUN_LIMIT, "dry-run-plan");
        List<String> notes = run.err().lines().toList();
        assertAll(
                () -> assertEquals(0, run.exitCode(), run.err()),
                () -> assertTrue(notes.contains("emr-submit: plan: 3 maps x 2 threads (2 vcores a map) on 2 nodes x 4"
                        + " vcores (m5.xlarge), 1 wave, vector-512 kernel (x86-64, AVX-512)"), run.err()),
                () -> assertTrue(notes.stream().anyMatch(line -> line.startsWith(
                        "emr-submit: estimate: about 5 s of summing (an estimate, not a measurement: 0.306 ns a value"
                                + " per vcore")), run.err()));
    }

    @Test
    void dryRunOnGravitonPlansTheScalarKernel() throws Exception {
        Result run = run(args(List.of("--s3", S3, "--endpoint-url", "http://127.0.0.1:" + freePort(), "--dry-run",
                "--instance-type", "m7g.2xlarge", "--instance-count", "5"), List.of("-n", "1e12", "-t", "4")), env(),
                RUN_LIMIT, "dry-run-graviton");
        assertAll(
                () -> assertEquals(0, run.exitCode(), run.err()),
                // 4 nodes x 8 vcores at 4 a map: 8 slots, less the one the AM's vcore takes.
                () -> assertTrue(run.err().contains("emr-submit: plan: 7 maps x 4 threads (4 vcores a map) on 4 nodes"
                        + " x 8 vcores (m7g.2xlarge), 1 wave, scalar kernel (Graviton, aarch64)"), run.err()));
    }

    @Test
    void dryRunCommandsAreQuotedSoAShellPassesTheStepArgumentsIntact() throws Exception {
        Result run = run(args(List.of("--s3", S3, "--endpoint-url", "http://127.0.0.1:" + freePort(), "--dry-run")),
                env(), RUN_LIMIT, "dry-run-quoting");
        String createCluster = run.out().lines().filter(line -> line.contains(" emr create-cluster ")).findFirst()
                .orElseThrow(() -> new AssertionError(run.out()));
        // Let bash parse the printed line, with 'aws' replaced by a function that prints its words.
        Result words = run(List.of("bash", "-c", "aws() { printf '%s\\0' \"$@\"; }; " + createCluster), env(),
                Duration.ofSeconds(30), "dry-run-words");
        List<String> argv = Arrays.asList(words.out().split("\0"));
        JsonNode steps = JSON.readTree(argv.get(argv.indexOf("--steps") + 1));
        List<String> stepArgs = texts(steps.get(0).path("Args"), null);
        assertEquals(OPTIONS, stepArgs.subList(0, OPTIONS.size()));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("no --s3", List.of("--", "-n", "10"), "--s3"),
                Arguments.of("not an s3 URI", List.of("--s3", "https://randsum-it/exp", "--", "-n", "10"),
                        "is not an s3://bucket/prefix URI"),
                Arguments.of("bad bucket name", List.of("--s3", "s3://Randsum_IT/exp", "--", "-n", "10"),
                        "bucket name 'Randsum_IT'"),
                Arguments.of("bad cluster id", List.of("--s3", S3, "--cluster-id", "j-abc123", "--", "-n", "10"),
                        "--cluster-id 'j-abc123' is not an EMR cluster id"),
                Arguments.of("negative n", List.of("--s3", S3, "--", "-n", "-5"), "-n/--count"),
                Arguments.of("min above max", List.of("--s3", S3, "--", "-n", "10", "--min", "5", "--max", "1"),
                        "--min 5 is greater than --max 1"),
                Arguments.of("generate, after a generic option",
                        List.of("--s3", S3, "--", "-D", "a=b", "generate", "-n", "10"),
                        "'randsum generate' writes descriptors, not a result"),
                Arguments.of("help", List.of("--s3", S3, "--", "-n", "10", "--help"), "randsum's -h/--help prints its help"),
                Arguments.of("timeline in a missing directory",
                        List.of("--s3", S3, "--timeline", "/no-such-randsum-dir/t.html", "--", "-n", "10"),
                        "--timeline '/no-such-randsum-dir/t.html': no directory /no-such-randsum-dir"),
                Arguments.of("randsum's own timeline", List.of("--s3", S3, "--", "-n", "10", "--timeline", "t.html"),
                        "randsum's --timeline would write on the cluster's node; give emr-submit --timeline FILE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputFailsFastWithOneLineAndCreatesNothing(String name, List<String> arguments, String expected)
            throws Exception {
        moto.reset();
        moto.createBucket(BUCKET);
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "--endpoint-url", moto.endpoint()));
        command.addAll(arguments);
        Result run = run(command, env(), RUN_LIMIT, "bad-input");
        assertOneLineUsageErrorAndNothingCreated(run, expected);
    }

    @Test
    void missingAwsCliFailsFastWithOneLineAndCreatesNothing() throws Exception {
        moto.reset();
        moto.createBucket(BUCKET);
        Map<String, String> env = env();
        env.put("PATH", pathWithoutAws(env.get("PATH")));
        Result run = run(args(List.of("--s3", S3, "--endpoint-url", moto.endpoint())), env, RUN_LIMIT, "no-aws");
        assertOneLineUsageErrorAndNothingCreated(run, "AWS CLI");
    }

    private static void assertOneLineUsageErrorAndNothingCreated(Result run, String expected) throws Exception {
        List<String> errors = run.err().lines().toList();
        assertAll(
                () -> assertEquals(2, run.exitCode(), run.err()),
                () -> assertEquals(1, errors.size(), run.err()),
                () -> assertTrue(errors.get(0).startsWith("emr-submit: ") && errors.get(0).contains(expected),
                        run.err()),
                () -> assertEquals("", run.out()),
                () -> assertEquals(List.of(), moto.listKeys(BUCKET, "")),
                () -> assertEquals(0, moto.emr("ListClusters", JSON.createObjectNode()).get("Clusters").size()));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    /** The script with {@code options}, then {@code --} and {@link #OPTIONS}. */
    private static List<String> args(List<String> options) {
        return args(options, OPTIONS);
    }

    /** The script with {@code options}, then {@code --} and randsum's {@code randsumOptions}. */
    private static List<String> args(List<String> options, List<String> randsumOptions) {
        List<String> command = new ArrayList<>();
        command.add(SCRIPT.toString());
        command.addAll(options);
        command.add("--");
        command.addAll(randsumOptions);
        return command;
    }

    /** Dummy credentials, a fresh HOME (no ~/.aws), and moto as the endpoint of every aws call. */
    private static Map<String, String> env() throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(key -> key.startsWith("AWS_"));
        Path home = Files.createDirectories(work.resolve("home"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-aws-credentials").toString());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_DEFAULT_REGION", Moto.REGION);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        if (moto != null) {
            env.put("AWS_ENDPOINT_URL", moto.endpoint());
        }
        return env;
    }

    /** PATH with every folder holding an 'aws' replaced by a folder of links to all its other entries. */
    private static String pathWithoutAws(String path) throws IOException {
        List<String> folders = new ArrayList<>();
        int index = 0;
        for (String folder : path.split(":")) {
            Path dir = Path.of(folder.isEmpty() ? "." : folder);
            if (!Files.exists(dir.resolve("aws"))) {
                folders.add(folder);
                continue;
            }
            Path masked = work.resolve("path-without-aws/" + index++);
            if (Files.exists(masked)) {
                try (Stream<Path> old = Files.list(masked)) {
                    for (Path link : old.toList()) {
                        Files.delete(link);
                    }
                }
            }
            Files.createDirectories(masked);
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : entries.toList()) {
                    if (!entry.getFileName().toString().equals("aws")) {
                        Files.createSymbolicLink(masked.resolve(entry.getFileName()), entry.toAbsolutePath());
                    }
                }
            }
            folders.add(masked.toString());
        }
        return String.join(":", folders);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Result run(List<String> command, Map<String, String> env, Duration limit, String name)
            throws IOException, InterruptedException {
        return Submission.start(name, env, command).finish(limit);
    }

    /** A script run in the background, its output in files under target/emr-it. */
    static final class Submission {
        private static int count;
        private final Processes.Running process;

        private Submission(Processes.Running process) {
            this.process = process;
        }

        static synchronized Submission start(String name, Map<String, String> env, List<String> command)
                throws IOException {
            String base = String.format("%02d-%s", ++count, name);
            ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(env);
            return new Submission(Processes.start(builder, work.resolve(base + ".stdout"), work.resolve(base + ".stderr")));
        }

        /** Waits until moto holds exactly one step (the script has submitted it). */
        StepRef awaitStep() throws Exception {
            Instant deadline = Instant.now().plus(STEP_APPEARS_LIMIT);
            while (Instant.now().isBefore(deadline)) {
                List<StepRef> steps = moto.steps();
                if (steps.size() == 1) {
                    return steps.get(0);
                }
                assertTrue(steps.isEmpty(), "more than one step: " + steps);
                if (!process.isAlive()) {
                    fail("emr-submit exited " + process.exitValue() + " before submitting a step: " + process.err());
                }
                Thread.sleep(100);
            }
            process.kill();
            return fail("no step was submitted within " + STEP_APPEARS_LIMIT + ": " + process.err());
        }

        /** Waits until the script has written {@code text} to stderr. */
        void awaitStderr(String text) throws IOException, InterruptedException {
            Instant deadline = Instant.now().plus(STEP_APPEARS_LIMIT);
            while (!process.err().contains(text)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.kill();
                    fail("emr-submit never said '" + text + "': " + process.err());
                }
                Thread.sleep(50);
            }
        }

        Result finish() throws IOException, InterruptedException {
            return finish(RUN_LIMIT);
        }

        Result finish(Duration limit) throws IOException, InterruptedException {
            return process.finish(limit);
        }
    }
}
