package org.randsum.cli;

import java.util.ArrayList;
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

    /** One leading generic option as Hadoop reads it: its name ({@code -conf}, {@code -D}) and value, or null. */
    public record Given(String name, String value) {
    }

    /** The leading generic options, and the index of the first argument that is randsum's. */
    public record Leading(List<Given> options, int end) {
    }

    /**
     * The leading generic options as Hadoop's {@code GenericOptionsParser} reads them (Commons CLI's
     * GnuParser, stopping at the first argument that is none): {@code -conf FILE}, also spelt
     * {@code --conf FILE}, {@code -conf=FILE} and {@code --conf=FILE}; {@code -D k=v} and {@code
     * -Dk=v}; a value is the next argument unless that is a generic option itself (then it is
     * missing: null). A {@code --} ends them and is dropped, as there.
     */
    public static Leading leading(String[] args) {
        List<Given> options = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (arg.equals("--")) {
                return new Leading(options, i + 1);
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            String opt = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            int equals = opt.indexOf('=');
            if (isName(opt)) {
                boolean hasValue = i + 1 < args.length && !isOption(args[i + 1]);
                options.add(new Given("-" + opt, hasValue ? args[i + 1] : null));
                i += hasValue ? 2 : 1;
            } else if (equals > 0 && isName(opt.substring(0, equals))) {
                options.add(new Given("-" + opt.substring(0, equals), opt.substring(equals + 1)));
                i++;
            } else if (arg.startsWith("-D") && arg.length() > 2) {
                options.add(new Given("-D", arg.substring(2)));
                i++;
            } else {
                break;
            }
        }
        return new Leading(options, i);
    }

    /** The arguments after any leading generic options ({@code -D k=v} and {@code -Dk=v} alike). */
    public static String[] skip(String[] args) {
        return Arrays.copyOfRange(args, leading(args).end(), args.length);
    }

    /** The {@code -D key=value} settings among the leading generic options, in order. */
    public static Map<String, String> definitions(String[] args) {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (Given option : leading(args).options()) {
            if (option.name().equals("-D") && option.value() != null) {
                String definition = option.value();
                int equals = definition.indexOf('=');
                definitions.put(equals < 0 ? definition : definition.substring(0, equals),
                        equals < 0 ? "" : definition.substring(equals + 1));
            }
        }
        return definitions;
    }

    /** Whether Hadoop's parser takes {@code arg} for a generic option's name (so never for a value). */
    static boolean isOption(String arg) {
        return arg.startsWith("-") && isName(arg.startsWith("--") ? arg.substring(2) : arg.substring(1));
    }

    private static boolean isName(String opt) {
        return ALL.stream().anyMatch(option -> option.name().equals("-" + opt));
    }

    /** "-D k=v, -conf FILE, ...", for the help. */
    static String forHelp() {
        return String.join(", ", ALL.stream().map(option -> option.name() + " " + option.value()).toList());
    }
}
