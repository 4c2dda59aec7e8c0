package org.randsum.submit;

import java.io.PrintStream;

import org.randsum.cli.ExitCode;
import org.randsum.cli.GenericOptions;
import org.randsum.cli.GenericOptionsCheck;
import org.randsum.cli.OptionsParser;
import org.randsum.cli.Settings;
import org.randsum.cli.UsageException;

/**
 * Checks a randsum command line as the driver would and exits: 0 with the command's name on stdout
 * ({@code run}, {@code generate} or {@code help}, see {@link Command#name()}) when it is valid, 2
 * with the one-line error on stderr otherwise. Needs no Hadoop on the class path, so scripts (EMR
 * submission) can check options in a second and act on what they ask for:
 * {@code java -cp randsum.jar org.randsum.submit.CheckOptions -n 1e10 --seed 42} prints {@code run}.
 * Hadoop's generic options may come first, as on randsum's own command line; their form is checked
 * ({@link GenericOptionsCheck#syntax}) but not the files they name, which may exist only where the
 * job is submitted (an EMR step's node), and their {@code -D randsum.*} settings are checked as the
 * driver checks them ({@link Settings}).
 */
public final class CheckOptions {
    private CheckOptions() {
    }

    static int check(String[] args, PrintStream out, PrintStream err) {
        try {
            // The form of Hadoop's generic options only: their files may exist only where the job is submitted.
            GenericOptionsCheck.syntax(args);
            Settings.check(GenericOptions.definitions(args));
            out.println(OptionsParser.parse(GenericOptions.skip(args)).name());
            return ExitCode.OK;
        } catch (UsageException e) {
            err.println("randsum: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    public static void main(String[] args) {
        System.exit(check(args, System.out, System.err));
    }
}
