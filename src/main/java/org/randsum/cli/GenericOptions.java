package org.randsum.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            if (takesValue(arg)) {
                first += 2;
            } else if (arg.startsWith("-D") && arg.length() > 2) {
                first += 1;
            } else {
                break;
            }
        }
        return Arrays.copyOfRange(args, Math.min(first, args.length), args.length);
    }

    /** The {@code -D key=value} settings among the leading generic options, in order. */
    public static Map<String, String> definitions(String[] args) {
        Map<String, String> definitions = new LinkedHashMap<>();
        String[] rest = skip(args);
        for (int i = 0; i < args.length - rest.length; i++) {
            String definition = args[i].equals("-D") && i + 1 < args.length ? args[++i]
                    : args[i].startsWith("-D") && args[i].length() > 2 ? args[i].substring(2) : null;
            if (definition != null) {
                int equals = definition.indexOf('=');
                definitions.put(equals < 0 ? definition : definition.substring(0, equals),
                        equals < 0 ? "" : definition.substring(equals + 1));
            } else if (takesValue(args[i])) {
                i++;
            }
        }
        return definitions;
    }

    private static boolean takesValue(String arg) {
        return ALL.stream().anyMatch(option -> option.name().equals(arg));
    }

    /** "-D k=v, -conf FILE, ...", for the help. */
    static String forHelp() {
        return String.join(", ", ALL.stream().map(option -> option.name() + " " + option.value()).toList());
    }
}
