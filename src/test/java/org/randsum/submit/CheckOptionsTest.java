package org.randsum.submit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

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
            + "randsum.kernel, randsum.work.root, randsum.chunk.values)\n"}, checked("-D", "randsum.kernal=scalar", "-n", "5"));
        assertArrayEquals(new String[] {"0", "run\n", ""}, checked("-Drandsum.kernel=scalar", "-n", "5"));
    }

    @Test
    void checkOptionsHelpExitsZeroAsRandsumHelpDoes() {
        assertArrayEquals(new String[] {"0", "help\n", ""}, checked("-h"));
        assertArrayEquals(new String[] {"0", "help\n", ""}, checked("-conf", "c.xml", "--help"));
    }
}
