package org.randsum.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.randsum.testing.BadInputs;
import org.randsum.testing.Processes;
import org.randsum.testing.Reference;

/**
 * The built target/randsum.jar through org.apache.hadoop.util.RunJar, as {@code hadoop jar} runs it,
 * in local mode in a separate JVM: the shaded Commons CLI, the manifest's main class and the
 * provided Hadoop classes all as on a real installation.
 */
class RunJarIT {
    @TempDir
    Path temp;

    private Processes.Result runJar(String... args) throws Exception {
        return Processes.run(Processes.runJarCommand(Processes.projectDir().resolve("conf/local"),
                Processes.hadoopClasspath(), List.of(args)), Map.of(), 180);
    }

    @Test
    void hadoopJarPathPrintsTheExactTotal() throws Exception {
        Processes.Result result = runJar("-D", "randsum.work.root=" + temp.toUri(),
                "-n", "1000", "--seed", "2024", "--min", "-9223372036854775808", "--max", "9223372036854775807",
                "-m", "2", "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("{\"sum\":\"191621877989071524931\""), result.out());
        assertEquals(Reference.total(2024, 1000, Long.MIN_VALUE, Long.MAX_VALUE).toString(), "191621877989071524931");
    }

    @Test
    void hadoopJarPathMatchesTheReferenceOnRandomParameters() throws Exception {
        Processes.Result result = runJar("-D", "randsum.work.root=" + temp.toUri(),
                "-n", "54321", "--seed", "-77", "--min", "-1000", "--max", "4294967296", "-m", "3", "-t", "2", "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("\"sum\":\"" + Reference.total(-77, 54321, -1000, 4294967296L) + "\""),
                result.out());
    }

    @Test
    void usageErrorThroughRunJarIsOneLineAndExitCode2() throws Exception {
        Processes.Result result = runJar("-n", "-5");
        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    /**
     * What {@code hadoop jar} users hit: Hadoop's generic options checked before RunJar's main hands
     * them to ToolRunner, which would ignore a missing -conf (and run in local mode) or print a stack
     * trace for the others.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "-conf|missing.xml|-conf FIX/missing.xml: no such file",
        "-conf|bad.xml|-conf FIX/bad.xml is not well-formed XML at line 3:",
        "-libjars|missing.jar|-libjars FIX/missing.jar: no such file"})
    void genericOptionMistakeThroughRunJarIsOneLineAndExitCode2WithNothingWritten(String option, String file,
            String expected) throws Exception {
        Path fixtures = BadInputs.writeFixtures(temp.resolve("fix"));
        Path work = temp.resolve("work");
        Path out = temp.resolve("out");
        Processes.Result result = runJar("-D", "randsum.work.root=" + work.toUri(), option,
                fixtures.resolve(file).toString(), "-n", "10", "-o", out.toString());
        assertEquals(2, result.exitCode(), result.err());
        assertEquals("", result.out());
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), result.err());
        assertTrue(lines.get(0).startsWith("randsum: " + BadInputs.expand(expected, fixtures)), lines.get(0));
        assertFalse(Files.exists(work), "nothing written");
        assertFalse(Files.exists(out), "no output");
    }

    /** On this machine kind (AVX-512, as CI's), auto must pick the 512-bit vector kernel for local mode's map. */
    @Test
    void jvmWithTheModuleRunsTheVectorKernelInLocalMode() throws Exception {
        assumeTrue(java.nio.file.Files.readString(Path.of("/proc/cpuinfo")).contains("avx512f"), "an AVX-512 CPU");
        Processes.Result result = runJar("-D", "randsum.work.root=" + temp.toUri(), "-n", "1000000", "--seed", "42",
                "--json");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("{\"sum\":\"1074171186439830\""), result.out());
        assertTrue(result.out().contains("\"kernel\":\"vector-512\",\"kernels\":{\"vector-512\":1}"), result.out());
        assertFalse(result.err().contains("WARNING"), result.err());
    }

    @Test
    void jvmWithoutTheModuleFallsBackToScalarSayingWhyInOneLine() throws Exception {
        Processes.Result result = Processes.run(Processes.runJarCommandWithoutVectorModule(
                Processes.projectDir().resolve("conf/local"), Processes.hadoopClasspath(),
                List.of("--engine", "threads", "-n", "1000000", "--seed", "42", "--json")), Map.of(), 180);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("{\"sum\":\"1074171186439830\""), result.out());
        assertTrue(result.out().contains("\"kernel\":\"scalar\",\"kernels\":{\"scalar\":1}"), result.out());
        List<String> why = result.err().lines().filter(line -> line.startsWith("randsum: scalar kernel:")).toList();
        assertEquals(1, why.size(), result.err());
        assertTrue(why.get(0).contains("--add-modules jdk.incubator.vector"), why.get(0));
    }

    @Test
    void forcedVectorKernelWithoutTheModuleIsAUsageErrorBeforeAnythingRuns() throws Exception {
        Path work = temp.resolve("work");
        Processes.Result result = Processes.run(Processes.runJarCommandWithoutVectorModule(
                Processes.projectDir().resolve("conf/local"), Processes.hadoopClasspath(),
                List.of("-D", "randsum.kernel=vector", "-D", "randsum.work.root=" + work.toUri(), "-n", "1000")),
                Map.of(), 180);
        assertEquals(2, result.exitCode(), result.err());
        assertEquals(List.of("randsum: randsum.kernel=vector cannot be honoured: the JVM was started without the Vector"
                + " API module (jdk.incubator.vector); start the JVM with --add-modules jdk.incubator.vector"
                + " (see randsum --help)"), result.err().lines().toList());
        assertFalse(java.nio.file.Files.exists(work), "nothing written");
    }

    @Test
    void unknownKernelModeIsAUsageError() throws Exception {
        Processes.Result result = runJar("-D", "randsum.kernel=fast", "--engine", "threads", "-n", "10");
        assertEquals(2, result.exitCode());
        assertEquals(List.of("randsum: randsum.kernel must be auto, vector or scalar, not 'fast' (see randsum --help)"),
                result.err().lines().toList());
    }

    @Test
    void generateThenSumThroughRunJar() throws Exception {
        Path splits = temp.resolve("splits");
        Processes.Result generated = runJar("generate", "-n", "1000000", "--seed", "42", "-m", "5", "-o",
                splits.toString(), "--json");
        assertEquals(0, generated.exitCode(), generated.err());
        Processes.Result summed = runJar("-D", "randsum.work.root=" + temp.resolve("work").toUri(), "-i",
                splits.toString(), "--json");
        assertEquals(0, summed.exitCode(), summed.err());
        assertTrue(summed.out().startsWith("{\"sum\":\"1074171186439830\""), summed.out());
    }

    /** The threads engine skips JobConf's loading, but not the site file a cluster keeps its keys in. */
    @Test
    void threadsEngineReadsRandsumSettingsFromMapredSite() throws Exception {
        Path conf = Files.createDirectories(temp.resolve("conf"));
        Files.copy(Processes.projectDir().resolve("conf/local/core-site.xml"), conf.resolve("core-site.xml"));
        Files.writeString(conf.resolve("mapred-site.xml"), "<?xml version=\"1.0\"?><configuration><property>"
                + "<name>randsum.kernel</name><value>scalar</value></property></configuration>\n");
        Processes.Result result = Processes.run(Processes.runJarCommand(conf, Processes.hadoopClasspath(),
                List.of("--engine", "threads", "-n", "1000000", "--seed", "42", "--json")), Map.of(), 180);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("{\"sum\":\"1074171186439830\""), result.out());
        assertTrue(result.out().contains("\"kernel\":\"scalar\""), result.out());
    }

    @Test
    void keptOutputAndTheWorkRootAreOpenToNoOtherUser() throws Exception {
        Path root = temp.resolve("fresh-root");
        Path out = temp.resolve("out");
        Processes.Result result = runJar("-D", "randsum.work.root=" + root.toUri(), "-n", "1000", "--seed", "1",
                "-o", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("rwx------", permissions(root));
        assertEquals(List.of(), List.of(root.toFile().list()), "the run's work directory is gone");
        assertEquals("rwx------", permissions(out));
        assertEquals("rw-------", permissions(out.resolve("part-r-00000")));
        assertEquals("rw-------", permissions(out.resolve("result.json")));
        assertEquals("rw-------", permissions(out.resolve("result.txt")));
    }

    /**
     * Whether this JVM ignores SIGINT (bit 2 of /proc/self/status's SigIgn mask): a process started
     * with it ignored passes that on to the processes it starts, and a JVM then installs no handler.
     */
    private static boolean ignoresSigint() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    /** SIGTERM (kill, a scheduler) and SIGINT (Ctrl-C) in local mode mid-job: the code, clean-up, no trace. */
    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void signalInLocalModeStopsTheJobWithoutAStackTrace(String signal, int expectedCode) throws Exception {
        assumeTrue(!signal.equals("INT") || !ignoresSigint(), "this JVM was started with SIGINT ignored (a background"
                + " job of a shell without job control), so its children ignore it too and Ctrl-C cannot be tested here");
        Path root = temp.resolve("root");
        Path out = temp.resolve("out");
        List<String> command = Processes.runJarCommand(Processes.projectDir().resolve("conf/local"),
                Processes.hadoopClasspath(), List.of("-D", "randsum.work.root=" + root.toUri(), "-n", "1e15",
                        "--seed", "3", "-t", "1", "-o", out.toString()));
        Processes.Running running = Processes.start(new ProcessBuilder(command), temp.resolve("signal.out"),
                temp.resolve("signal.err"));
        try {
            awaitErr(running, "Running job: job_local");
            Thread.sleep(2000); // into the map
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(running.process().pid()))
                    .inheritIO().start().waitFor());
            Processes.Result result = running.finish(Duration.ofSeconds(60));
            assertEquals(expectedCode, result.exitCode(), result.err());
            assertTrue(result.err().contains("randsum: interrupted, killing job_local"), result.err());
            assertFalse(result.err().contains("Exception"), result.err());
            assertFalse(result.err().contains("\tat "), result.err());
        } finally {
            running.kill();
        }
        assertEquals(List.of(), List.of(root.toFile().list()), "work directory removed");
        assertFalse(Files.exists(out), "no output left");
    }

    private static void awaitErr(Processes.Running running, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!running.err().contains(text)) {
            assertTrue(running.isAlive() && System.nanoTime() < deadline, "never printed '" + text + "': "
                    + running.err());
            Thread.sleep(100);
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
