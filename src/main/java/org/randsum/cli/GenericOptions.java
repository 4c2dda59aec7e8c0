package org.randsum.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Hadoop's generic options (GenericOptionsParser's), which come before randsum's own. ToolRunner
 * removes them before the driver parses; {@link CheckOptions}, which runs without Hadoop, skips them
 * with {@link #skip}; the help lists them from here.
 */
public final class GenericOptions {
    /** Each option, with what its value is called in the help; every one takes a value. */
    public record Option(String name, String value) {
    }

    public static final List<Option> ALL = List.of(new Option("-D", "k=v"), new Option("-conf", "FILE"),
            new Option("-fs", "URI"), new Option("-jt", "HOST"), new Option("-files", "LIST"),
            new Option("-libjars", "LIST"), new Option("-archives", "LIST"), new Option("-tokenCacheFile", "FILE"));

    private GenericOptions() {
    }

    /** The arguments after any leading generic options ({@code -D k=v} and {@code -Dk=v} alike). */
    public static String[] skip(String[] args) {
        int first = 0;
        while (first < args.length) {
            String arg = args[first];
            if (ALL.stream().anyMatch(option -> option.name().equals(arg))) {
                first += 2;
            } else if (arg.startsWith("-D") && arg.length() > 2) {
                first += 1;
            } else {
                break;
            }
        }
        return Arrays.copyOfRange(args, Math.min(first, args.length), args.length);
    }

    /** "-D k=v, -conf FILE, ...", for the help. */
    static String forHelp() {
        return String.join(", ", ALL.stream().map(option -> option.name() + " " + option.value()).toList());
    }
}
