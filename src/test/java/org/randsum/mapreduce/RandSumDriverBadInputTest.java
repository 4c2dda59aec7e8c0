package org.randsum.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.randsum.cli.ExitCode;

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
        Configuration conf = new Configuration();
        conf.set("mapreduce.framework.name", "local");
        conf.set(JobSettings.WORK_ROOT, temp.resolve("work").toUri().toString());
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code = ToolRunner.run(conf, new RandSumDriver(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8)), args);
        out = outBytes.toString(StandardCharsets.UTF_8);
        errLines = errBytes.toString(StandardCharsets.UTF_8).lines().toList();
        return code;
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
    @CsvSource(delimiter = '|', value = {
        "--seed 1 -o OUT                    | -n/--count is required",
        "-n -1 -o OUT                       | -n/--count must be from 0",
        "-n many -o OUT                     | -n/--count must be a whole number, not 'many'",
        "-n 2.5 -o OUT                      | -n/--count must be a whole number, not '2.5'",
        "-n 9223372036854775808 -o OUT      | -n/--count must be from 0 to 9223372036854775807",
        "-n 1e19 -o OUT                     | -n/--count must be from 0 to 9223372036854775807",
        "-n 10 --min 3 --max 2 -o OUT       | --min 3 is greater than --max 2",
        "-n 10 --min -9223372036854775809   | --min must be from -9223372036854775808",
        "-n 10 --max 99999999999999999999   | --max must be from -9223372036854775808",
        "-n 10 --seed abc -o OUT            | --seed must be a whole number, not 'abc'",
        "-n 10 -m 0 -o OUT                  | --maps must be from 1",
        "-n 10 -m -3 -o OUT                 | --maps must be from 1",
        "-n 10 -t 0 -o OUT                  | --threads must be from 1",
        "-n 10 --threads -1 -o OUT          | --threads must be from 1",
        "-n 10 --frobnicate -o OUT          | Unrecognized option: --frobnicate",
        "-n 10 --engine gpu                 | --engine must be mapreduce or threads",
    })
    void badOptionIsAUsageError(String args, String expected) throws Exception {
        String[] argv = args.trim().replace("OUT", temp.resolve("out").toString()).split("\\s+");
        assertUsageError(expected, run(argv));
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
    void helpExitsZeroAndListsExitCodes() throws Exception {
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(out.contains("Exit codes: 0 success; 1 job or runtime failure; 2 usage error"), out);
    }
}
