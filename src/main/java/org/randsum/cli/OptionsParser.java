package org.randsum.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.randsum.contract.ValueRange;

/** Parses and validates randsum's command line; every mistake becomes one {@link UsageException}. */
public final class OptionsParser {
    private static final String SYNTAX = "randsum -n N [options]   |   randsum generate -n N -o DIR [options]";

    /** More threads than this in one JVM is a typo, not a machine. */
    public static final int MAX_THREADS = 1024;
    public static final int MAX_MAPS = 1_000_000;

    private static final Options OPTIONS = new Options();

    static {
        Options options = OPTIONS;
        options.addOption(Option.builder("n").longOpt("count").hasArg().argName("N")
                .desc("how many values to sum (required unless --input): 10000000000, 10_000_000_000 or 1e10; "
                        + "0 is allowed and sums to 0").build());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                .desc("signed 64-bit seed of the stream (default: random, always printed)").build());
        options.addOption(Option.builder().longOpt("min").hasArg().argName("MIN")
                .desc("smallest value, signed 64-bit (default 0)").build());
        options.addOption(Option.builder().longOpt("max").hasArg().argName("MAX")
                .desc("largest value, signed 64-bit (default 2147483647)").build());
        options.addOption(Option.builder("m").longOpt("maps").hasArg().argName("M")
                .desc("map tasks (default: 1 in local mode; on YARN, one wave: the maps each node's vcores hold "
                        + "at T vcores a map, less the application master's room; at most one per 2^31 values)")
                .build());
        options.addOption(Option.builder("t").longOpt("threads").hasArg().argName("T")
                .desc("threads per map, and the vcores each map asks YARN for (default: all cores in local "
                        + "mode and for --engine threads; on YARN, mapreduce.map.cpu.vcores)").build());
        options.addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR")
                .desc("keep the result in DIR on any Hadoop filesystem (must not exist); "
                        + "for 'generate', the descriptor directory to write").build());
        options.addOption(Option.builder("i").longOpt("input").hasArg().argName("DIR")
                .desc("run over an existing descriptor directory (from 'generate') instead of -n/--seed/-m").build());
        options.addOption(Option.builder().longOpt("engine").hasArg().argName("E")
                .desc("mapreduce (default) or threads (in-process, no job: fastest for small n)").build());
        options.addOption(Option.builder().longOpt("json").desc("print exactly one JSON object on stdout").build());
        options.addOption(Option.builder().longOpt("timeline").hasArg().argName("FILE")
                .desc("after a YARN job, write a picture of its run to FILE, a self-contained HTML page: a row per"
                        + " node and slot, a bar per task attempt, the phases (read from the job's history)").build());
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    }

    /** Whether the arguments ask for help (checked before anything else is validated). */
    public static boolean wantsHelp(String[] args) {
        return List.of(args).contains("-h") || List.of(args).contains("--help");
    }

    /**
     * The command {@code args} (randsum's own, after Hadoop's generic options) ask for: {@link
     * Command.Help} if they hold {@code -h} or {@code --help} anywhere, {@link Command.Generate} if
     * the first is {@code generate}, else {@link Command.Run}.
     */
    public static Command parse(String[] args) throws UsageException {
        if (wantsHelp(args)) {
            return new Command.Help();
        }
        if (args.length > 0 && args[0].equals("generate")) {
            return parseGenerate(Arrays.copyOfRange(args, 1, args.length));
        }
        return parseRun(args);
    }

    private static Command.Run parseRun(String[] args) throws UsageException {
        CommandLine line = parseLine(args);
        boolean hasInput = line.hasOption("input");
        if (hasInput) {
            for (String owned : new String[] {"count", "seed", "maps"}) {
                if (line.hasOption(owned)) {
                    throw new UsageException("--" + owned + " cannot be used with --input: the descriptors fix it");
                }
            }
        } else if (!line.hasOption("count")) {
            throw new UsageException("-n/--count is required (how many values to sum)");
        }
        Engine engine = line.hasOption("engine") ? Engine.parse(line.getOptionValue("engine")) : Engine.MAPREDUCE;
        if (engine == Engine.THREADS && (hasInput || line.hasOption("output") || line.hasOption("maps")
                || line.hasOption("timeline"))) {
            throw new UsageException("--engine threads runs in-process: it takes no --input, --output, --maps or"
                    + " --timeline");
        }
        // Checked in the order of the help, which names the first bad option.
        long count = hasInput ? 0 : NumberParser.parse(line.getOptionValue("count"), "-n/--count", 0, Long.MAX_VALUE);
        long seed = seed(line);
        ValueRange range = range(line);
        OptionalInt maps = positive(line, "maps");
        OptionalInt threads = positive(line, "threads");
        Command.Values values = hasInput ? new Command.Descriptors(directory(line, "input"))
                : new Command.CountAndSeed(count, seed, maps);
        return new Command.Run(values, range, threads, directory(line, "output"), engine, line.hasOption("json"),
                file(line, "timeline"));
    }

    /** Options of {@code randsum generate}: -n, --seed and -m plan the descriptors, -o names their directory. */
    private static Command.Generate parseGenerate(String[] args) throws UsageException {
        CommandLine line = parseLine(args);
        for (String unused : new String[] {"input", "engine", "threads", "min", "max", "timeline"}) {
            if (line.hasOption(unused)) {
                throw new UsageException("generate takes -n, --seed, -m, -o and --json; --" + unused
                        + " belongs to the run");
            }
        }
        if (!line.hasOption("count")) {
            throw new UsageException("-n/--count is required (how many values to plan)");
        }
        if (!line.hasOption("output")) {
            throw new UsageException("-o/--output is required (the descriptor directory to write)");
        }
        long count = NumberParser.parse(line.getOptionValue("count"), "-n/--count", 0, Long.MAX_VALUE);
        return new Command.Generate(count, seed(line), positive(line, "maps"), directory(line, "output"),
                line.hasOption("json"));
    }

    /**
     * The directory option {@code name} gives, or null without it; an empty or blank one is a usage
     * error (Hadoop cannot make a path of "", and " " would be a directory named by a space).
     */
    private static String file(CommandLine line, String name) throws UsageException {
        String file = line.getOptionValue(name);
        if (file != null && file.isBlank()) {
            throw new UsageException("--" + name + " needs a file, not '" + file + "'");
        }
        return file;
    }

    private static String directory(CommandLine line, String name) throws UsageException {
        String dir = line.getOptionValue(name);
        if (dir != null && dir.isBlank()) {
            throw new UsageException("-" + name.charAt(0) + "/--" + name + " needs a directory, not '" + dir + "'");
        }
        return dir;
    }

    private static CommandLine parseLine(String[] args) throws UsageException {
        CommandLine line;
        try {
            line = DefaultParser.builder().setAllowPartialMatching(false).build().parse(OPTIONS, args);
        } catch (ParseException e) {
            throw new UsageException(oneLine(e.getMessage()));
        }
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "'");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Option option : line.getOptions()) {
            if (!seen.add(option.getLongOpt())) {
                throw new UsageException("--" + option.getLongOpt() + " is given more than once");
            }
        }
        return line;
    }

    private static long seed(CommandLine line) throws UsageException {
        if (!line.hasOption("seed")) {
            return new SplittableRandom().nextLong();
        }
        return NumberParser.parse(line.getOptionValue("seed"), "--seed", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static ValueRange range(CommandLine line) throws UsageException {
        long min = line.hasOption("min")
                ? NumberParser.parse(line.getOptionValue("min"), "--min", Long.MIN_VALUE, Long.MAX_VALUE)
                : ValueRange.DEFAULT_MIN;
        long max = line.hasOption("max")
                ? NumberParser.parse(line.getOptionValue("max"), "--max", Long.MIN_VALUE, Long.MAX_VALUE)
                : ValueRange.DEFAULT_MAX;
        if (min > max) {
            throw new UsageException("--min " + min + " is greater than --max " + max);
        }
        return new ValueRange(min, max);
    }

    private static OptionalInt positive(CommandLine line, String name) throws UsageException {
        if (!line.hasOption(name)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) NumberParser.parse(line.getOptionValue(name), "--" + name, 1,
                name.equals("threads") ? MAX_THREADS : MAX_MAPS));
    }

    private static String oneLine(String message) {
        return message == null ? "bad command line" : Messages.firstLine(message);
    }

    private OptionsParser() {
    }

    public static void printHelp(PrintWriter out) {
        HelpFormatter help = HelpFormatter.builder().get();
        help.setWidth(100);
        help.printHelp(out, 100, SYNTAX,
                "Sums N random integers exactly (the stream of docs/contract.md) with Hadoop MapReduce or in-process.\n"
                        + "Hadoop generic options (" + GenericOptions.forHelp() + ") come first.\n\n",
                OPTIONS, 2, 4,
                "\nSettings (-D key=value): randsum.kernel = auto (default: the vector kernel where it is faster),"
                        + " vector or scalar; randsum.work.root = where the private work directories go (yours; default"
                        + " .randsum in your home directory); randsum.chunk.values = values per record a map reads"
                        + " (progress steps; at most 1000000 records a map); randsum.progress = true (default: a progress"
                        + " line on stderr when it is a terminal, not with --json) or false. Any other randsum.* key is"
                        + " an error.\n"
                        + "Exit codes: 0 success; 1 job or runtime failure, a service that does not answer, or not authenticated"
                        + " (Kerberos: run kinit); 2 usage error"
                        + " (nothing written: options, Hadoop's generic options and the files they name, settings,"
                        + " output or work root unusable);"
                        + " " + ExitCode.INTERRUPTED + " interrupted (SIGINT), " + ExitCode.TERMINATED
                        + " terminated (SIGTERM): job killed, work directory removed.\n"
                        + "Examples:\n"
                        + "  randsum -n 1e10 --seed 42\n"
                        + "  randsum -n 1e6 --engine threads --json\n"
                        + "  randsum generate -n 1e10 -m 40 --seed 7 -o /user/me/splits && randsum -i /user/me/splits",
                false);
        out.flush();
    }
}
