package org.randsum.testing;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Every command-line mistake the tests try, with the start of the one message that must name it.
 * {@code OptionsParserTest} checks the parser's message; {@code RandSumDriverBadInputTest} runs the
 * driver on each and checks the one line, the exit code 2 and that nothing was written. {@link #OUT}
 * stands for an output directory that must not come to exist.
 */
public final class BadInputs {
    public static final String OUT = "OUT";

    private static final String[][] TABLE = {
        {"", "-n/--count is required"},
        {"--seed 1 -o OUT", "-n/--count is required"},
        {"-n -5", "-n/--count must be from 0 to 9223372036854775807, not '-5'"},
        {"-n -1 -o OUT", "-n/--count must be from 0"},
        {"-n abc", "-n/--count must be a whole number, not 'abc'"},
        {"-n many -o OUT", "-n/--count must be a whole number, not 'many'"},
        {"-n 1.5", "-n/--count must be a whole number, not '1.5'"},
        {"-n 2.5 -o OUT", "-n/--count must be a whole number, not '2.5'"},
        {"-n 9223372036854775808", "-n/--count must be from 0 to 9223372036854775807"},
        {"-n 9223372036854775808 -o OUT", "-n/--count must be from 0 to 9223372036854775807"},
        {"-n 1e19 -o OUT", "-n/--count must be from 0 to 9223372036854775807"},
        {"-n 10 --min 5 --max 1", "--min 5 is greater than --max 1"},
        {"-n 10 --min 3 --max 2 -o OUT", "--min 3 is greater than --max 2"},
        {"-n 10 --min -9223372036854775809", "--min must be from -9223372036854775808 to 9223372036854775807"},
        {"-n 10 --max 9223372036854775808", "--max must be from -9223372036854775808 to 9223372036854775807"},
        {"-n 10 --max 99999999999999999999", "--max must be from -9223372036854775808"},
        {"-n 10 --seed x1", "--seed must be a whole number, not 'x1'"},
        {"-n 10 --seed abc -o OUT", "--seed must be a whole number, not 'abc'"},
        {"-n 10 -m 0", "--maps must be from 1 to 1000000, not '0'"},
        {"-n 10 -m 0 -o OUT", "--maps must be from 1"},
        {"-n 10 -m -3 -o OUT", "--maps must be from 1"},
        {"-n 10 -t -2", "--threads must be from 1 to 1024, not '-2'"},
        {"-n 10 -t 5000", "--threads must be from 1 to 1024, not '5000'"},
        {"-n 10 -t 0 -o OUT", "--threads must be from 1"},
        {"-n 10 --threads -1 -o OUT", "--threads must be from 1"},
        {"-n 10 --bogus", "Unrecognized option: --bogus"},
        {"-n 10 --frobnicate -o OUT", "Unrecognized option: --frobnicate"},
        {"-n 10 --engine spark", "--engine must be mapreduce or threads, not 'spark'"},
        {"-n 10 --engine gpu", "--engine must be mapreduce or threads"},
        {"-n 10 extra", "unexpected argument 'extra'"},
        {"-n 10 -n 11", "--count is given more than once"},
        {"-i d -n 10", "--count cannot be used with --input"},
        {"-n 10 --engine threads -o OUT", "--engine threads runs in-process"},
    };

    /**
     * Bad {@code -D randsum.*} settings (Hadoop's generic options, so they reach the driver through
     * ToolRunner), with the start of the one message naming key and value.
     */
    private static final String[][] SETTINGS = {
        {"-D randsum.chunk.values=abc -n 10 -o OUT", "randsum.chunk.values must be a whole number, not 'abc'"},
        {"-D randsum.chunk.values=0 -n 10", "randsum.chunk.values must be from 1 to 9223372036854775807, not '0'"},
        {"-Drandsum.chunk.values=-5 -n 10 -o OUT", "randsum.chunk.values must be from 1"},
        {"-D randsum.kernel=gpu -n 10 -o OUT", "randsum.kernel must be auto, vector or scalar, not 'gpu'"},
        {"-D randsum.kernel=vectorized --engine threads -n 10", "randsum.kernel must be auto, vector or scalar"},
        {"-D randsum.work.roots=/x -n 10", "unknown setting randsum.work.roots=/x (randsum's settings:"},
        {"-D randsum.chunk-values=5 -n 10 -o OUT", "unknown setting randsum.chunk-values=5"},
        {"-D randsum.threads=4 -n 10", "randsum.threads is set from -t/--threads"},
        {"-D randsum.min=4 -n 10 -o OUT", "randsum.min is set from --min"},
        {"-D randsum.max=4 generate -n 10 -o OUT", "randsum.max is set from --max"},
        {"-D randsum.progress=maybe -n 10 -o OUT", "randsum.progress must be true or false, not 'maybe'"},
    };

    private BadInputs() {
    }

    /** Each row of bad settings: the arguments as one line, with generic options first, and the message's start. */
    public static Stream<Arguments> settings() {
        return Stream.of(SETTINGS).map(row -> Arguments.of(row[0], row[1]));
    }

    /** Each row: the arguments as one line (split by {@link #argv}), and the message's start. */
    public static Stream<Arguments> rows() {
        return Stream.of(TABLE).map(row -> Arguments.of(row[0], row[1]));
    }

    /** The row's arguments, with {@link #OUT} replaced by {@code out}. */
    public static String[] argv(String args, String out) {
        return args.isBlank() ? new String[0] : args.trim().replace(OUT, out).split("\\s+");
    }
}
