package org.randsum.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expected summaries are written out by hand, in the driver's format (README, "Two commands"). */
class ShowResultTest {
    /** The README's example run. */
    private static final String README_RUN = "{\"sum\":\"10737449594810260806\",\"n\":10000000000,\"seed\":42,"
            + "\"min\":0,\"max\":2147483647,\"engine\":\"mapreduce\",\"maps\":1,\"threads\":2,"
            + "\"elapsedSeconds\":12.171,\"output\":null,\"jobId\":\"job_local1969239017_0001\"}";
    private static final String README_SUMMARY = "10737449594810260806\n"
            + "  n        10000000000\n"
            + "  seed     42\n"
            + "  range    [0, 2147483647]\n"
            + "  engine   mapreduce, 1 map x 2 threads\n"
            + "  elapsed  12.171 s\n"
            + "  job      job_local1969239017_0001\n";

    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {
    }

    private static Outcome show(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ShowResult.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A mapreduce result with these fields spliced in (each "key":value, comma-separated). */
    private static String result(String fields) {
        return "{\"sum\":\"85\",\"n\":5,\"seed\":99,\"min\":17,\"max\":17,\"engine\":\"mapreduce\",\"maps\":3,"
                + "\"threads\":4,\"elapsedSeconds\":31.250" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static void assertRejected(Outcome outcome, String reason) {
        assertAll(
                () -> assertEquals(2, outcome.exit(), outcome.err()),
                () -> assertEquals("", outcome.out()),
                () -> assertEquals(1, outcome.err().lines().count(), outcome.err()),
                () -> assertTrue(outcome.err().startsWith("randsum: the standard input is not a randsum result: ")
                        && outcome.err().contains(reason), outcome.err()));
    }

    @Test
    void printsTheDriversSummaryOfAResultOnStdin() {
        Outcome outcome = show(README_RUN + "\n");
        assertAll(
                () -> assertEquals(0, outcome.exit(), outcome.err()),
                () -> assertEquals(README_SUMMARY, outcome.out()),
                () -> assertEquals("", outcome.err()));
    }

    @Test
    void readsTheResultFromTheFileItIsGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("result.json"), README_RUN);
        Outcome outcome = show("not read", file.toString());
        assertEquals(new Outcome(0, README_SUMMARY, ""), outcome);
    }

    @Test
    void namesOneMapAndOneThreadInTheSingular() {
        Outcome outcome = show(result("").replace("\"maps\":3", "\"maps\":1").replace("\"threads\":4", "\"threads\":1"));
        assertTrue(outcome.out().contains("\n  engine   mapreduce, 1 map x 1 thread\n"), outcome.out());
    }

    @Test
    void namesSeveralMapsAndThreadsInThePlural() {
        assertTrue(show(result("")).out().contains("\n  engine   mapreduce, 3 maps x 4 threads\n"));
    }

    @Test
    void showsTheThreadsEngineWithoutMapsOrJob() {
        Outcome outcome = show(result("").replace("\"engine\":\"mapreduce\",\"maps\":3", "\"engine\":\"threads\",\"maps\":1")
                .replace("}", ",\"output\":null,\"jobId\":null}"));
        assertEquals("85\n  n        5\n  seed     99\n  range    [17, 17]\n  engine   threads, 4 threads\n"
                + "  elapsed  31.250 s\n", outcome.out());
    }

    @Test
    void aNullSeedIsReportedAsComingFromTheDescriptors() {
        Outcome outcome = show(result("").replace("\"seed\":99", "\"seed\":null"));
        assertTrue(outcome.out().contains("\n  seed     (from the descriptors)\n"), outcome.out());
    }

    @Test
    void keepsEveryDigitOfASumBeyond64Bits() {
        // -2^127, the smallest 128-bit total
        Outcome outcome = show(result("").replace("\"sum\":\"85\"", "\"sum\":\"-170141183460469231731687303715884105728\""));
        assertTrue(outcome.out().startsWith("-170141183460469231731687303715884105728\n"), outcome.out() + outcome.err());
    }

    @Test
    void showsTheOutputAndJobOfTheFileWithItsEscapesDecoded() {
        Outcome outcome = show(result("\"output\":\"s3://b/out \\\"x\\\" \\\\ \\u00e9\",\"jobId\":\"job_1_0002\""));
        assertTrue(outcome.out().endsWith("\n  job      job_1_0002\n  output   s3://b/out \"x\" \\ \u00e9\n"),
                outcome.out());
    }

    @Test
    void outputOptionReplacesTheOutputOfTheFile() {
        Outcome outcome = show(result("\"output\":\"s3://b/runs/x/output\""), "--output", "s3://b/runs/real/output");
        assertAll(
                () -> assertTrue(outcome.out().endsWith("\n  output   s3://b/runs/real/output\n"), outcome.out()),
                () -> assertTrue(!outcome.out().contains("runs/x"), outcome.out()));
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() {
        Outcome outcome = show(result("\"future\":{\"a\":[1,2.5e3,true,false,null]}"));
        assertEquals("85\n  n        5\n  seed     99\n  range    [17, 17]\n  engine   mapreduce, 3 maps x 4 threads\n"
                + "  elapsed  31.250 s\n", outcome.out());
    }

    @Test
    void kernelsOfTheMapsAreShown() {
        Outcome outcome = show(result("\"kernel\":\"mixed\",\"kernels\":{\"vector-512\":2,\"scalar\":1}"));
        assertEquals("85\n  n        5\n  seed     99\n  range    [17, 17]\n  engine   mapreduce, 3 maps x 4 threads\n"
                + "  kernel   mixed: scalar (1 map), vector-512 (2 maps)\n  elapsed  31.250 s\n", outcome.out());
    }

    @Test
    void rejectsAResultWithoutAField() {
        assertRejected(show(result("").replace("\"n\":5,", "")), "it has no \"n\"");
    }

    @Test
    void rejectsTruncatedJson() {
        assertRejected(show(README_RUN.substring(0, 40)), "malformed JSON at character 41");
    }

    @Test
    void rejectsAnythingAfterTheObject() {
        assertRejected(show(README_RUN + " {}"), "expected the end after the object");
    }

    @Test
    void rejectsAKeyGivenTwice() {
        assertRejected(show(result("\"n\":6")), "the key \"n\" appears twice");
    }

    @Test
    void rejectsACountWithAFraction() {
        assertRejected(show(result("").replace("\"n\":5", "\"n\":5.0")), "\"n\" must be a whole number, not 5.0");
    }

    @Test
    void rejectsACountBeyond64Bits() {
        // 2^63
        assertRejected(show(result("").replace("\"n\":5", "\"n\":9223372036854775808")), "outside the signed 64-bit range");
    }

    @Test
    void rejectsASumThatIsNotAString() {
        assertRejected(show(result("").replace("\"sum\":\"85\"", "\"sum\":85")), "\"sum\" must be a string, not 85");
    }

    @Test
    void rejectsAnUnknownEngine() {
        assertRejected(show(result("").replace("mapreduce", "spark")), "\"engine\" must be mapreduce or threads");
    }

    @Test
    void rejectsAnEmptyRange() {
        assertRejected(show(result("").replace("\"min\":17", "\"min\":18")), "its range is empty");
    }

    @Test
    void aFileThatCannotBeReadExitsWith1() {
        Outcome outcome = show("", dir.resolve("missing.json").toString());
        assertAll(
                () -> assertEquals(1, outcome.exit()),
                () -> assertEquals("", outcome.out()),
                () -> assertTrue(outcome.err().startsWith("randsum: cannot read "), outcome.err()));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Outcome outcome = show(README_RUN, "--json");
        assertAll(
                () -> assertEquals(2, outcome.exit()),
                () -> assertEquals("", outcome.out()),
                () -> assertTrue(outcome.err().startsWith("randsum: unknown option '--json'"), outcome.err()));
    }
}
