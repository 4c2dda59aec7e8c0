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
import org.junit.jupiter.params.provider.MethodSource;
import org.randsum.contract.ValueRange;
import org.randsum.testing.BadInputs;

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
    @MethodSource("org.randsum.testing.BadInputs#rows")
    void badInputIsOneClearLine(String args, String expectedStart) {
        String[] argv = BadInputs.argv(args, "out");
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
        String words = text.toString().replaceAll("\\s+", " "); // the help wraps its lines
        for (GenericOptions.Option option : GenericOptions.ALL) {
            assertTrue(words.contains(option.name() + " " + option.value()), option.name() + " in: " + words);
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
    void checkOptionsChecksRandsumSettingsAsTheDriverDoes() {
        assertArrayEquals(new String[] {"2", "", "randsum: unknown setting randsum.kernal=scalar (randsum's settings: "
            + "randsum.kernel, randsum.work.root, randsum.chunk.values, randsum.progress)\n"}, checked("-D", "randsum.kernal=scalar", "-n", "5"));
        assertArrayEquals(new String[] {"0", "run\n", ""}, checked("-Drandsum.kernel=scalar", "-n", "5"));
    }

    @Test
    void checkOptionsHelpExitsZeroAsRandsumHelpDoes() {
        assertArrayEquals(new String[] {"0", "help\n", ""}, checked("-h"));
        assertArrayEquals(new String[] {"0", "help\n", ""}, checked("-conf", "c.xml", "--help"));
    }
}
