package org.randsum.cli;

import java.util.Map;
import java.util.TreeMap;

import org.randsum.contract.KernelSelector;

/**
 * The {@code randsum.*} settings a user may give ({@code -D key=value}, or a site file), checked
 * before anything runs: each is parsed and range-checked, a key that the driver sets from an option
 * is refused in favour of the option, and an unknown {@code randsum.*} key is an error, so that a
 * typo is never silently ignored. Pure: the driver and {@link CheckOptions} hand it the entries.
 */
public final class Settings {
    public static final String PREFIX = "randsum.";
    /** {@code auto} (default), {@code vector} or {@code scalar}: which kernel the maps and the threads engine run. */
    public static final String KERNEL = KernelSelector.KEY;
    /** Where the driver makes its work directories (on the default filesystem unless qualified). */
    public static final String WORK_ROOT = "randsum.work.root";
    /** Values per record the input format hands a mapper: the granularity of its progress. */
    public static final String CHUNK_VALUES = "randsum.chunk.values";
    /** {@code true} (default) or {@code false}: the progress line on stderr when it is a terminal. */
    public static final String PROGRESS = "randsum.progress";
    /** Job keys the driver sets from the command line; a user's value would be overwritten. */
    private static final Map<String, String> SET_BY_OPTIONS = Map.of("randsum.threads", "-t/--threads",
            "randsum.min", "--min", "randsum.max", "--max");

    private Settings() {
    }

    /**
     * Checks every {@code randsum.*} entry of {@code settings} (full key to value; other keys are
     * ignored). The first bad one, in key order, is the error: one line naming the key and the value.
     */
    public static void check(Map<String, String> settings) throws UsageException {
        for (Map.Entry<String, String> entry : new TreeMap<>(settings).entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(PREFIX)) {
                checkOne(key, entry.getValue() == null ? "" : entry.getValue());
            }
        }
    }

    private static void checkOne(String key, String value) throws UsageException {
        switch (key) {
            case KERNEL -> {
                try {
                    KernelSelector.Mode.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
            case CHUNK_VALUES -> NumberParser.parse(value, CHUNK_VALUES, 1, Long.MAX_VALUE);
            case WORK_ROOT -> checkPath(key, value);
            case PROGRESS -> checkBoolean(key, value);
            default -> {
                String option = SET_BY_OPTIONS.get(key);
                if (option != null) {
                    throw new UsageException(key + " is set from " + option + "; give that option instead of -D "
                            + key + "=" + value);
                }
                throw new UsageException("unknown setting " + key + "=" + value + " (randsum's settings: " + KERNEL
                        + ", " + WORK_ROOT + ", " + CHUNK_VALUES + ", " + PROGRESS + ")");
            }
        }
    }

    /** Blank is the one mistake to catch here; the driver parses the path as Hadoop does. */
    private static void checkPath(String key, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(key + " must name a directory, not '" + value + "'");
        }
    }

    /** {@code true} or {@code false}, in any case, as Hadoop's {@code getBoolean} reads them; nothing else. */
    private static void checkBoolean(String key, String value) throws UsageException {
        String v = value.strip();
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new UsageException(key + " must be true or false, not '" + value + "'");
        }
    }
}
