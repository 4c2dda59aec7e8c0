package org.randsum.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.randsum.cli.ExitCode;
import org.randsum.testing.BadInputs;
import org.randsum.testing.DriverRun;

/**
 * Every user mistake: exit code 2, one line on stderr naming the problem, no stack trace, nothing
 * written (no work directory, no output directory).
 */
class RandSumDriverBadInputTest {
    @TempDir
    java.nio.file.Path temp;

    private String out;
    private List<String> errLines;

    private int run(String... args) throws Exception {
        DriverRun.Outcome outcome = DriverRun.run(DriverRun.localConf(temp.resolve("work")), args);
        out = outcome.out();
        errLines = outcome.errLines();
        return outcome.exitCode();
    }

    private void assertUsageError(String expectedFragment, int code) {
        assertEquals(ExitCode.USAGE, code, String.join("\n", errLines));
        assertEquals(1, errLines.size(), "one line: " + errLines);
        assertTrue(errLines.get(0).startsWith("randsum: "), errLines.get(0));
        assertTrue(errLines.get(0).contains(expectedFragment), errLines.get(0));
        assertFalse(errLines.get(0).contains("Exception"), errLines.get(0));
        assertEquals("", out);
        assertFalse(Files.exists(temp.resolve("work")), "nothing written");
        assertFalse(Files.exists(temp.resolve("out")), "no output directory");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.randsum.testing.BadInputs#rows")
    void badOptionIsAUsageError(String args, String expected) throws Exception {
        assertUsageError(expected, run(BadInputs.argv(args, temp.resolve("out").toString())));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.randsum.testing.BadInputs#settings")
    void badSettingIsAUsageErrorBeforeAnythingRuns(String args, String expected) throws Exception {
        assertUsageError(expected, run(BadInputs.argv(args, temp.resolve("out").toString())));
    }

    /** Hadoop's generic options, checked before ToolRunner applies them: the same one line, exit 2, nothing written. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.randsum.testing.BadInputs#generic")
    void badGenericOptionIsAUsageErrorBeforeAnythingRuns(String args, String expected, String kind) throws Exception {
        java.nio.file.Path fixtures = BadInputs.writeFixtures(temp.resolve("fix"));
        assertUsageError(BadInputs.expand(expected, fixtures),
                run(BadInputs.argv(args, temp.resolve("out").toString(), fixtures)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.randsum.testing.BadInputs#driverSettings")
    void settingAbsurdForThisRunIsAUsageErrorBeforeAnythingIsWritten(String args, String expected) throws Exception {
        java.nio.file.Path fixtures = temp.resolve("fix");
        assertUsageError(BadInputs.expand(expected, fixtures),
                run(BadInputs.argv(args, temp.resolve("out").toString(), fixtures)));
    }

    @Test
    void chunkValuesInTheParsersNotationReachTheTasksAsANumber() throws Exception {
        // 1e2 and 1_000 are accepted by the check; the tasks read the key with Configuration.getLong.
        int code = run("-D", "randsum.chunk.values=1e2", "-n", "1000", "--seed", "42", "--json");
        assertEquals(ExitCode.OK, code, String.join("\n", errLines));
        assertTrue(out.startsWith("{\"sum\":\"" + org.randsum.testing.Reference.total(42, 1000, 0, Integer.MAX_VALUE)
                + "\""), out);
    }

    @Test
    void outputThatCannotBeCreatedIsAUsageErrorBeforeTheJob() throws Exception {
        // /proc's entries cannot be written, not even by root.
        int code = run("-n", "10", "-o", "/proc/randsum-nope/out");
        assertUsageError("cannot create output /proc/randsum-nope/out: file:/proc is not writable", code);
    }

    @Test
    void outputUnderAFileIsAUsageError() throws Exception {
        Files.writeString(temp.resolve("plain"), "x");
        int code = run("-n", "10", "-o", temp.resolve("plain").resolve("out").toString());
        assertUsageError("is not a directory", code);
    }

    @Test
    void workRootThatCannotBeCreatedIsAUsageError() throws Exception {
        int code = run("-D", "randsum.work.root=/proc/randsum-nope", "-n", "10");
        assertUsageError("cannot create work directory file:/proc/randsum-nope", code);
    }

    @Test
    void workRootThatIsAFileIsAUsageError() throws Exception {
        java.nio.file.Path file = Files.writeString(temp.resolve("plain"), "x");
        int code = run("-D", "randsum.work.root=" + file.toUri(), "-n", "10");
        assertUsageError("is not a directory (randsum.work.root)", code);
    }

    @Test
    void onYarnALocalDiskWorkRootIsRefusedBeforeTheResourceManagerIsAsked() throws Exception {
        // No ResourceManager answers at this address: the refusal must come first, and at once.
        int code = run("-D", "mapreduce.framework.name=yarn", "-D", "yarn.resourcemanager.address=127.0.0.1:1",
                "-n", "10");
        assertUsageError("on YARN, randsum.work.root file:" + temp.resolve("work") + " must be on a shared filesystem",
                code);
    }

    @Test
    void existingOutputDirectoryIsAUsageErrorAndIsLeftAlone() throws Exception {
        java.nio.file.Path existing = Files.createDirectories(temp.resolve("existing"));
        Files.writeString(existing.resolve("keep.txt"), "precious");
        int code = run("-n", "10", "-o", existing.toString());
        assertUsageError("output directory " + existing + " already exists", code);
        assertEquals("precious", Files.readString(existing.resolve("keep.txt")));
    }

    @Test
    void malformedDescriptorIsAUsageErrorNamingFileAndLine() throws Exception {
        java.nio.file.Path splits = Files.createDirectories(temp.resolve("splits"));
        Files.writeString(splits.resolve("s.txt"), "# ok\n1 5\n2 five\n");
        int code = run("-i", splits.toString(), "-o", temp.resolve("out").toString());
        assertUsageError("s.txt:3: count must be a whole number", code);
    }

    @Test
    void generateOverAnExistingDirectoryIsAUsageError() throws Exception {
        java.nio.file.Path existing = Files.createDirectories(temp.resolve("existing"));
        int code = run("generate", "-n", "10", "-o", existing.toString());
        assertEquals(ExitCode.USAGE, code);
        assertEquals(1, errLines.size(), errLines.toString());
        assertTrue(errLines.get(0).contains("already exists"), errLines.get(0));
    }

    @Test
    void generateUnderAFileIsAUsageErrorWithNothingWritten() throws Exception {
        Files.writeString(temp.resolve("plain"), "x");
        java.nio.file.Path dir = temp.resolve("plain").resolve("out");
        int code = run("generate", "-n", "10", "-o", dir.toString());
        assertUsageError("cannot create output " + dir + ": file:" + temp.resolve("plain") + " is not a directory", code);
        assertEquals("x", Files.readString(temp.resolve("plain")));
    }

    @Test
    void generateWhereItCannotWriteIsAUsageErrorBeforeTheMapsArePlanned() throws Exception {
        // /proc's entries cannot be written, not even by root.
        int code = run("generate", "-n", "10", "-o", "/proc/randsum-nope/splits");
        assertUsageError("cannot create output /proc/randsum-nope/splits: file:/proc is not writable", code);
    }

    /** A NameNode that does not answer: one line naming it within seconds (bounded retries), exit 1. */
    @Test
    void generateToAFilesystemThatDoesNotAnswerIsOneLineWithExit1() throws Exception {
        long start = System.nanoTime();
        int code = run("generate", "-n", "10", "-o", "hdfs://127.0.0.1:1/splits");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ExitCode.FAILURE, code, String.join("\n", errLines));
        assertEquals(1, errLines.size(), errLines.toString());
        assertTrue(errLines.get(0).startsWith("randsum: cannot reach hdfs://127.0.0.1:1: "), errLines.get(0));
        assertTrue(seconds < 20, seconds + " s");
        assertEquals("", out);
    }

    @Test
    void helpExitsZeroAndListsExitCodes() throws Exception {
        assertEquals(ExitCode.OK, run("--help"));
        // Read as words: the help wraps at 100 columns.
        assertTrue(out.replaceAll("\\s+", " ").contains("Exit codes: 0 success; 1 job or runtime failure, a service that"
                + " does not answer, or not authenticated (Kerberos: run kinit); 2 usage error"), out);
    }
}
