package org.randsum.cli;

/**
 * Validates a randsum command line and exits: 0 when valid, 2 with the one-line error otherwise.
 * Needs no Hadoop on the class path, so scripts (EMR submission) can check options in a second:
 * {@code java -cp randsum.jar org.randsum.cli.CheckOptions -n 1e10 --seed 42}.
 */
public final class CheckOptions {
    private CheckOptions() {
    }

    /** Hadoop's generic options that take a value; ToolRunner removes them before randsum sees its own. */
    private static final java.util.Set<String> GENERIC_WITH_VALUE =
            java.util.Set.of("-D", "-conf", "-fs", "-jt", "-files", "-libjars", "-archives", "-tokenCacheFile");

    /** The arguments after any leading Hadoop generic options. */
    static String[] withoutGenericOptions(String[] args) {
        int first = 0;
        while (first < args.length) {
            if (GENERIC_WITH_VALUE.contains(args[first])) {
                first += 2;
            } else if (args[first].startsWith("-D") && args[first].length() > 2) {
                first += 1;
            } else {
                break;
            }
        }
        return java.util.Arrays.copyOfRange(args, Math.min(first, args.length), args.length);
    }

    public static void main(String[] allArgs) {
        String[] args = withoutGenericOptions(allArgs);
        String[] runArgs = args;
        boolean generate = args.length > 0 && args[0].equals("generate");
        if (generate) {
            runArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        try {
            OptionsParser parser = new OptionsParser();
            if (generate) {
                parser.parseGenerate(runArgs);
            } else {
                parser.parseRun(runArgs);
            }
        } catch (UsageException e) {
            System.err.println("randsum: " + e.getMessage());
            System.exit(ExitCode.USAGE);
        }
        System.exit(ExitCode.OK);
    }
}
