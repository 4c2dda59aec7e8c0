package org.randsum.mapreduce.client;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.randsum.cli.ExitCode;
import org.randsum.cli.GenericOptionsCheck;
import org.randsum.cli.UsageException;
import org.randsum.mapreduce.failure.Failures;

/**
 * How randsum starts, in {@code RandSumDriver.main} (so under {@code hadoop jar}) and in the tests
 * alike: Hadoop's generic options are checked first ({@link GenericOptionsCheck}: one line, exit 2,
 * nothing run), then {@link ToolRunner} applies them and runs the driver. What Hadoop's own parser
 * still refuses (a {@code -files} entry missing on HDFS, say) is one line too, never a stack trace.
 */
public final class DriverEntry {
    private DriverEntry() {
    }

    /** {@code ToolRunner.run(conf, driver, args)} after the check; {@code conf} may be null, as there. */
    public static int run(Configuration conf, Tool driver, String[] args, PrintStream err) {
        try {
            GenericOptionsCheck.check(args, Path.of("").toAbsolutePath());
        } catch (UsageException e) {
            err.println("randsum: " + e.getMessage() + " (see randsum --help)");
            return ExitCode.USAGE;
        }
        try {
            // The driver catches what it throws; what comes here comes from Hadoop's GenericOptionsParser.
            return ToolRunner.run(conf, driver, args);
        } catch (FileNotFoundException e) {
            err.println("randsum: a generic option names a file that does not exist: " + Failures.describe(e)
                    + " (see randsum --help)");
            return ExitCode.USAGE;
        } catch (Exception e) {
            err.println("randsum: Hadoop could not apply the generic options: " + Failures.describe(e));
            if (System.getenv("RANDSUM_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return ExitCode.FAILURE;
        }
    }
}
