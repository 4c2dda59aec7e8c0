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

    /** The {@code -D key=value} (and {@code -Dkey=value}) definitions among the leading generic options; the last wins. */
    public static Map<String, String> definitions(String[] args) {
        Map<String, String> definitions = new LinkedHashMap<>();
        int options = args.length - skip(args).length;
        for (int i = 0; i < options; i++) {
            String definition;
            if (args[i].equals("-D")) {
                definition = args[++i];
            } else if (args[i].startsWith("-D")) {
                definition = args[i].substring(2);
            } else {
                i++; // another generic option, and its value
                continue;
            }
            int equals = definition.indexOf('=');
            if (equals > 0) {
                definitions.put(definition.substring(0, equals).strip(), definition.substring(equals + 1));
            }
        }
        return definitions;
    }

    /** "-D k=v, -conf FILE, ...", for the help. */
    static String forHelp() {
        return String.join(", ", ALL.stream().map(option -> option.name() + " " + option.value()).toList());
    }
}
