package org.randsum.submit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.randsum.testing.BadInputs;

/** {@link CheckOptions}, the check that scripts/emr-submit runs on a laptop without Hadoop. */
class CheckOptionsTest {
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
            + "randsum.kernel, randsum.work.root, randsum.chunk.values, randsum.progress, randsum.map.start.seconds)\n"}, checked("-D", "randsum.kernal=scalar", "-n", "5"));
        assertArrayEquals(new String[] {"0", "run\n", ""}, checked("-Drandsum.kernel=scalar", "-n", "5"));
    }

    /** A generic option's form is wrong wherever the step runs: CheckOptions refuses it as the driver does. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.randsum.testing.BadInputs#genericSyntax")
    void checkOptionsRefusesAGenericOptionOfTheWrongForm(String args, String expected) {
        Path fixtures = Path.of("/nonexistent-fixtures");
        String[] result = checked(BadInputs.argv(args, "out", fixtures));
        assertEquals("2", result[0], result[2]);
        assertEquals("", result[1]);
        assertTrue(result[2].startsWith("randsum: " + BadInputs.expand(expected, fixtures)), result[2]);
        assertEquals(1, result[2].lines().count(), result[2]);
    }

    /**
     * The files a generic option names are read where the job is submitted (an EMR step's node), not
     * where CheckOptions runs: it lets them pass, even when they are missing here.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.randsum.testing.BadInputs#genericFiles")
    void checkOptionsLeavesTheFilesOfGenericOptionsToTheSubmittingMachine(String args, String expected) {
        String[] result = checked(BadInputs.argv(args, "out", Path.of("/nonexistent-fixtures")));
        assertArrayEquals(new String[] {"0", "run\n", ""}, result);
    }

    @Test
    void checkOptionsHelpExitsZeroAsRandsumHelpDoes() {
        assertArrayEquals(new String[] {"0", "help\n", ""}, checked("-h"));
        assertArrayEquals(new String[] {"0", "help\n", ""}, checked("-conf", "c.xml", "--help"));
    }
}
