package org.randsum.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.randsum.contract.ValueRange;

class OptionsParserTest {
    private static Command.Run parse(String... args) throws UsageException {
        return (Command.Run) OptionsParser.parse(args);
    }

    private static Command.CountAndSeed values(Command.Run run) {
        return (Command.CountAndSeed) run.values();
    }

    @Test
    void defaultsAreMapreduceOverTheNonNegativeInts() throws UsageException {
        Command.Run options = parse("-n", "1e10");
        assertEquals(10_000_000_000L, values(options).count());
        assertEquals(ValueRange.DEFAULT, options.range());
        assertEquals(Engine.MAPREDUCE, options.engine());
        assertTrue(values(options).maps().isEmpty());
        assertTrue(options.threads().isEmpty());
        assertNull(options.output());
        assertFalse(options.json());
    }

    @Test
    void everyOptionIsRead() throws UsageException {
        Command.Run options = parse("--count", "1_000", "--seed", "-9223372036854775808", "--min", "-5", "--max", "5",
                "-m", "4", "-t", "3", "-o", "out", "--engine", "mapreduce", "--json");
        assertEquals(1000, values(options).count());
        assertEquals(Long.MIN_VALUE, values(options).seed());
        assertEquals(new ValueRange(-5, 5), options.range());
        assertEquals(4, values(options).maps().getAsInt());
        assertEquals(3, options.threads().getAsInt());
        assertEquals("out", options.output());
        assertTrue(options.json());
    }

    @Test
    void seedIsRandomWhenNotGiven() throws UsageException {
        // Two random 64-bit seeds agree with probability 2^-64.
        assertTrue(values(parse("-n", "1")).seed() != values(parse("-n", "1")).seed());
    }

    @Test
    void inputReplacesCountSeedAndMaps() throws UsageException {
        Command.Run options = parse("-i", "splits", "-t", "2");
        assertEquals(new Command.Descriptors("splits"), options.values());
        assertEquals(2, options.threads().getAsInt());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                                | -n/--count is required",
        "-n -5                             | -n/--count must be from 0 to 9223372036854775807, not '-5'",
        "-n abc                            | -n/--count must be a whole number, not 'abc'",
        "-n 1.5                            | -n/--count must be a whole number, not '1.5'",
        "-n 9223372036854775808            | -n/--count must be from 0 to 9223372036854775807",
        "-n 10 --min 5 --max 1             | --min 5 is greater than --max 1",
        "-n 10 --min -9223372036854775809  | --min must be from -9223372036854775808 to 9223372036854775807",
        "-n 10 --max 9223372036854775808   | --max must be from -9223372036854775808 to 9223372036854775807",
        "-n 10 --seed x1                   | --seed must be a whole number, not 'x1'",
        "-n 10 -m 0                        | --maps must be from 1 to 1000000, not '0'",
        "-n 10 -t -2                       | --threads must be from 1 to 1024, not '-2'",
        "-n 10 -t 5000                     | --threads must be from 1 to 1024, not '5000'",
        "-n 10 --bogus                     | Unrecognized option: --bogus",
        "-n 10 --engine spark              | --engine must be mapreduce or threads, not 'spark'",
        "-n 10 extra                       | unexpected argument 'extra'",
        "-n 10 -n 11                       | --count is given more than once",
        "-i d -n 10                        | --count cannot be used with --input",
        "-n 10 --engine threads -o out     | --engine threads runs in-process",
    })
    void badInputIsOneClearLine(String args, String expectedStart) {
        String[] argv = args.isBlank() ? new String[0] : args.trim().split("\\s+");
        UsageException e = assertThrows(UsageException.class, () -> OptionsParser.parse(argv));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void generateNeedsCountAndDirectory() {
        assertThrows(UsageException.class, () -> OptionsParser.parse(new String[] {"generate", "-n", "5"}));
        assertThrows(UsageException.class, () -> OptionsParser.parse(new String[] {"generate", "-o", "d"}));
        assertThrows(UsageException.class,
                () -> OptionsParser.parse(new String[] {"generate", "-n", "5", "-o", "d", "--max", "3"}));
    }

    @Test
    void generateIsACommandOfItsOwn() throws UsageException {
        Command generate = OptionsParser.parse(new String[] {"generate", "-n", "5", "--seed", "7", "-m", "2", "-o", "d"});
        assertEquals(new Command.Generate(5, 7, OptionalInt.of(2), "d", false), generate);
        assertEquals("generate", generate.name());
    }

    @Test
    void helpAnywhereIsTheHelpCommand() throws UsageException {
        assertEquals(new Command.Help(), OptionsParser.parse(new String[] {"-n", "x", "--help"}));
        assertEquals(new Command.Help(), OptionsParser.parse(new String[] {"generate", "-h"}));
        assertEquals("run", OptionsParser.parse(new String[] {"-n", "1"}).name());
    }

    @Test
    void helpListsOptionsAndExitCodes() {
        StringWriter text = new StringWriter();
        OptionsParser.printHelp(new PrintWriter(text));
        for (String expected : new String[] {"--count", "--seed", "--min", "--max", "--maps", "--threads", "--output",
            "--input", "--engine", "--json", "--help", "Exit codes: 0 success; 1", "2 usage error"}) {
            assertTrue(text.toString().contains(expected), expected);
        }
        assertTrue(OptionsParser.wantsHelp(new String[] {"-n", "x", "--help"}));
    }

    @Test
    void checkOptionsSkipsHadoopGenericOptions() {
        assertArrayEquals(new String[] {"-n", "5"}, GenericOptions.skip(
                new String[] {"-D", "a=b", "-Dc=d", "-conf", "x.xml", "-n", "5"}));
    }

    @Test
    void helpListsEveryGenericOption() {
        StringWriter text = new StringWriter();
        OptionsParser.printHelp(new PrintWriter(text));
        for (GenericOptions.Option option : GenericOptions.ALL) {
            assertTrue(text.toString().contains(option.name() + " " + option.value()), option.name());
        }
    }

    private static String[] checked(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CheckOptions.check(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void checkOptionsNamesTheCommandOrGivesTheOneLineError() {
        assertArrayEquals(new String[] {"0", "run\n", ""}, checked("-D", "a=b", "-n", "5", "-o", "s3://b/o", "--json"));
        assertArrayEquals(new String[] {"0", "generate\n", ""}, checked("-Dx=y", "generate", "-n", "5", "-o", "d"));
        assertArrayEquals(new String[] {"2", "", "randsum: --min 5 is greater than --max 1\n"},
                checked("-n", "5", "--min", "5", "--max", "1"));
    }

    @Test
    void checkOptionsHelpExitsZeroAsRandsumHelpDoes() {
        assertArrayEquals(new String[] {"0", "help\n", ""}, checked("-h"));
        assertArrayEquals(new String[] {"0", "help\n", ""}, checked("-conf", "c.xml", "--help"));
    }
}
