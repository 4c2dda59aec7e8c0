package org.randsum.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.randsum.cli.ExitCode;
import org.randsum.mapreduce.checks.WorkRoot;
import org.randsum.mapreduce.client.RunLifecycle;
import org.randsum.mapreduce.task.FaultyMappers;
import org.randsum.testing.DriverRun.Outcome;
import org.randsum.testing.DriverRun;
import org.randsum.testing.PhasesJson;
import org.randsum.testing.Reference;

/** The driver through ToolRunner in Hadoop local mode (LocalJobRunner, local filesystem). */
class RandSumDriverLocalTest {
    @TempDir
    java.nio.file.Path temp;

    private java.nio.file.Path workRoot;

    @BeforeEach
    void setUp() {
        workRoot = temp.resolve("work");
    }

    private Outcome run(String... args) throws Exception {
        return DriverRun.run(DriverRun.localConf(workRoot), args);
    }

    private void assertNoWorkLeft() throws IOException {
        if (Files.exists(workRoot)) {
            try (Stream<java.nio.file.Path> left = Files.list(workRoot)) {
                assertEquals(0, left.count(), "work directories left behind");
            }
        }
    }

    static Stream<Arguments> contractRows() {
        return Stream.of(Reference.CONTRACT_TABLE).map(Arguments::of);
    }

    @ParameterizedTest(name = "seed {0}, n {1}, [{2}, {3}]")
    @MethodSource("contractRows")
    void jobReproducesTheContractTable(long seed, long n, long min, long max, String expected) throws Exception {
        Outcome outcome = run("-n", Long.toString(n), "--seed", Long.toString(seed), "--min", Long.toString(min),
                "--max", Long.toString(max), "-m", "3", "-t", "2", "--json");
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertEquals(expected, outcome.sum());
        assertNoWorkLeft();
    }

    @Test
    void mapsAndThreadsNeverChangeTheTotal() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 4; trial++) {
            long seed = random.nextLong();
            long n = 1 + random.nextInt(200_000);
            long min = -random.nextLong(1L << 40);
            long max = min + random.nextLong(1L << 41);
            int maps = 1 + random.nextInt(6);
            int threads = 1 + random.nextInt(4);
            Outcome outcome = run("-n", Long.toString(n), "--seed", Long.toString(seed), "--min", Long.toString(min),
                    "--max", Long.toString(max), "-m", Integer.toString(maps), "-t", Integer.toString(threads), "--json");
            assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
            assertEquals(Reference.total(seed, n, min, max).toString(), outcome.sum(),
                    "maps " + maps + " threads " + threads);
            assertTrue(outcome.out().contains("\"maps\":" + maps + ","), outcome.out());
            assertTrue(outcome.out().contains("\"threads\":" + threads + ","), outcome.out());
        }
    }

    @Test
    void jsonIsTheOnlyThingOnStdout() throws Exception {
        Outcome outcome = run("-n", "1000", "--seed", "5", "--json");
        assertEquals(ExitCode.OK, outcome.exitCode());
        assertTrue(outcome.out().startsWith("{") && outcome.out().endsWith("}\n"), outcome.out());
        assertEquals(1, outcome.out().lines().count());
        for (String field : new String[] {"\"n\":1000", "\"seed\":5", "\"min\":0", "\"max\":2147483647",
            "\"engine\":\"mapreduce\"", "\"maps\":1", "\"elapsedSeconds\":"}) {
            assertTrue(outcome.out().contains(field), field);
        }
    }

    @Test
    void localModeReportsTheClientsOwnPhasesAddingUpToTheWall() throws Exception {
        Outcome outcome = run("-n", "1000000", "--seed", "5", "--json");
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        var phases = PhasesJson.assertAddUpToTheWall(outcome.out(), "submit", "job", "result");
        assertEquals(1, phases.path("mapSlots").asInt(), "the local runner's default: one map at a time");
        assertTrue(outcome.err().contains("randsum: phases of "), outcome.err());
    }

    @Test
    void threadsEngineHasNoPhases() throws Exception {
        Outcome outcome = run("-n", "1000", "--seed", "5", "--engine", "threads", "--json");
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("\"phases\":null"), outcome.out());
        assertFalse(outcome.err().contains("phases"), outcome.err());
    }

    @Test
    void randomSeedIsPrintedAndReproducesTheTotal() throws Exception {
        Outcome first = run("-n", "5000", "--json");
        Matcher seed = Pattern.compile("\"seed\":(-?[0-9]+)").matcher(first.out());
        assertTrue(seed.find());
        assertTrue(first.err().contains("seed " + seed.group(1)), first.err());
        assertEquals(Reference.total(Long.parseLong(seed.group(1)), 5000, 0, Integer.MAX_VALUE).toString(), first.sum());
    }

    @Test
    void zeroValuesSumToZero() throws Exception {
        Outcome outcome = run("-n", "0", "--seed", "1", "--json");
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertEquals("0", outcome.sum());
    }

    @Test
    void threadsEngineGivesTheSameTotalWithoutAJob() throws Exception {
        Outcome outcome = run("-n", "1000000", "--seed", "42", "--engine", "threads", "-t", "3", "--json");
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertEquals("1074171186439830", outcome.sum());
        assertFalse(Files.exists(workRoot), "the threads engine writes nothing");
    }

    @Test
    void outputIsKeptWithTheTotalAndAResultJson() throws Exception {
        java.nio.file.Path output = temp.resolve("result");
        Outcome outcome = run("-n", "10", "--seed", "42", "-o", output.toString());
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().startsWith("9466055388\n"), outcome.out());
        assertEquals("10\t9466055388", Files.readString(output.resolve("part-r-00000")).strip());
        assertTrue(Files.readString(output.resolve("result.json")).contains("\"sum\":\"9466055388\""));
        assertTrue(Files.exists(output.resolve("_SUCCESS")));
        assertNoWorkLeft();
    }

    /** What scripts/emr-submit prints of a step: result.txt, which must be what the run printed. */
    @Test
    void keptResultTextIsExactlyWhatTheRunPrinted() throws Exception {
        java.nio.file.Path output = temp.resolve("result");
        Outcome outcome = run("-n", "1000", "--seed", "7", "--min", "-5", "--max", "5", "-o", output.toString());
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertEquals(outcome.out(), Files.readString(output.resolve("result.txt")));
        assertTrue(outcome.out().endsWith("\n  output   " + output.toUri().toString().replaceFirst("/$", "")
                .replaceFirst("^file:///", "file:/") + "\n"), outcome.out());
    }

    @Test
    void keptResultTextIsWrittenWithJsonOnStdoutToo() throws Exception {
        java.nio.file.Path output = temp.resolve("result");
        Outcome outcome = run("-n", "1000", "--seed", "7", "--min", "-5", "--max", "5", "-o", output.toString(),
                "--json");
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        String text = Files.readString(output.resolve("result.txt"));
        // The total of the contract by the slow way, not by the code under test.
        assertTrue(text.startsWith(org.randsum.testing.Reference.total(7, 1000, -5, 5) + "\n  n        1000\n"
                + "  seed     7\n  range    [-5, 5]\n  engine   mapreduce, 1 map x "), text);
        assertEquals(Files.readString(output.resolve("result.json")), outcome.out());
    }

    @Test
    void generatedDescriptorsCanBeSummedLater() throws Exception {
        java.nio.file.Path splits = temp.resolve("splits");
        Outcome generated = run("generate", "-n", "1000", "--seed", "-1", "-m", "4", "-o", splits.toString());
        assertEquals(ExitCode.OK, generated.exitCode(), generated.err());
        Outcome summed = run("-i", splits.toString(), "--min", "1", "--max", "100", "--json");
        assertEquals(ExitCode.OK, summed.exitCode(), summed.err());
        assertEquals("49655", summed.sum());
        assertTrue(summed.out().contains("\"maps\":4,"), summed.out());
        assertTrue(summed.out().contains("\"seed\":null"), summed.out());
        assertTrue(Files.exists(splits.resolve("splits.txt")), "the user's descriptors are kept");
    }

    @Test
    void handWrittenDescriptorsWithCommentsAreSummed() throws Exception {
        java.nio.file.Path splits = Files.createDirectories(temp.resolve("hand"));
        // Values [0, 4) and [4, 10) of seed 42's stream, in two files.
        Files.writeString(splits.resolve("a.txt"), "# first part\n42 4\n");
        long stateAt4 = 42 + 4 * 0x9E3779B97F4A7C15L;
        Files.writeString(splits.resolve("b.txt"), "\n" + stateAt4 + "\t6\n");
        Outcome outcome = run("-i", splits.toString(), "--json");
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertEquals(new BigInteger("9466055388").toString(), outcome.sum());
    }

    @Test
    void failedLocalJobNamesItsRealCauseNotNA() throws Exception {
        java.nio.file.Path out = temp.resolve("out");
        Outcome outcome = DriverRun.run(DriverRun.localConf(workRoot), FaultyMappers.AlwaysFails.class, false,
                "-n", "1000", "-o", out.toString());
        assertEquals(ExitCode.FAILURE, outcome.exitCode(), outcome.err());
        String last = outcome.errLines().get(outcome.errLines().size() - 1);
        assertTrue(last.matches("randsum: job job_local[0-9_]+ failed: .*injected failure: this map always fails"), last);
        assertFalse(outcome.err().contains("NA"), outcome.err());
        assertFalse(Files.exists(out), "no output left");
        assertNoWorkLeft();
    }

    @Test
    void workRootWiderThanPrivateIsMadePrivateAndTheRunsDirectoryIsToo() throws Exception {
        Files.createDirectories(workRoot, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(workRoot, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        try (RunLifecycle lifecycle = RunLifecycle.start(prepared(), System.err, new org.apache.hadoop.fs.Path(
                workRoot.toUri()), null)) {
            assertEquals("rwx------", permissions(workRoot));
            assertEquals("rwx------", permissions(java.nio.file.Path.of(lifecycle.workDir().toUri())));
        }
        assertNoWorkLeft();
    }

    private org.apache.hadoop.conf.Configuration prepared() throws Exception {
        org.apache.hadoop.conf.Configuration conf = DriverRun.localConf(workRoot);
        WorkRoot.prepare(conf, WorkRoot.of(conf));
        return conf;
    }

    private static String permissions(java.nio.file.Path path) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
