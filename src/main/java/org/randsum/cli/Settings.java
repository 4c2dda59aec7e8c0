package org.randsum.cli;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.randsum.kernel.KernelSelector;

/**
 * Every {@code randsum.*} key, its default and its check: the one home of randsum's configuration
 * keys (as TeraSort's {@code TeraSortConfigKeys} is of TeraSort's), free of Hadoop types. The kernel's
 * key is {@link KernelSelector#KEY}, where the kernel's own messages name it; {@code
 * org.randsum.mapreduce.JobSettings} reads these keys from a Hadoop configuration.
 *
 * <p>The {@code randsum.*} settings a user may give ({@code -D key=value}, or a site file), checked
 * before anything runs: each is parsed and range-checked, a key that the driver sets from an option
 * is refused in favour of the option, and an unknown {@code randsum.*} key is an error, so that a
 * typo is never silently ignored. Pure: the driver and {@link CheckOptions} hand it the entries.
 */
public final class Settings {
    public static final String PREFIX = "randsum.";
    /** Where the driver makes its work directories (on the default filesystem unless qualified). */
    public static final String WORK_ROOT = "randsum.work.root";
    /** The work root's name in the user's home directory when {@link #WORK_ROOT} is not set. */
    public static final String WORK_ROOT_DEFAULT_NAME = ".randsum";
    /** Values per record the input format hands a mapper: the granularity of its progress. */
    public static final String CHUNK_VALUES = "randsum.chunk.values";
    /** {@link #CHUNK_VALUES} when unset: 1/{@value #CHUNKS_PER_SPLIT} of the split, but at least this. */
    public static final long CHUNK_VALUES_DEFAULT_MIN = 1L << 24;
    /** A split is handed over in about this many records by default, so progress moves in 1% steps. */
    public static final int CHUNKS_PER_SPLIT = 100;
    /** The job's threads per map, set from {@code -t/--threads}; unset, all processors the task's JVM sees. */
    public static final String THREADS = "randsum.threads";
    /** The job's range, set from {@code --min} and {@code --max} (defaults: {@code ValueRange.DEFAULT}). */
    public static final String MIN = "randsum.min";
    public static final String MAX = "randsum.max";
    /** The keys a user may set, in the order the error for an unknown key lists them. */
    private static final List<String> USER_SETTINGS = List.of(KernelSelector.KEY, WORK_ROOT, CHUNK_VALUES);
    /** Job keys the driver sets from the command line; a user's value would be overwritten. */
    private static final Map<String, String> SET_BY_OPTIONS = Map.of(THREADS, "-t/--threads", MIN, "--min",
            MAX, "--max");

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
            case KernelSelector.KEY -> {
                try {
                    KernelSelector.Mode.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
            case CHUNK_VALUES -> NumberParser.parse(value, CHUNK_VALUES, 1, Long.MAX_VALUE);
            case WORK_ROOT -> checkPath(key, value);
            default -> {
                String option = SET_BY_OPTIONS.get(key);
                if (option != null) {
                    throw new UsageException(key + " is set from " + option + "; give that option instead of -D "
                            + key + "=" + value);
                }
                throw new UsageException("unknown setting " + key + "=" + value + " (randsum's settings: "
                        + String.join(", ", USER_SETTINGS) + ")");
            }
        }
    }

    /** Blank is the one mistake to catch here; the driver parses the path as Hadoop does. */
    private static void checkPath(String key, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(key + " must name a directory, not '" + value + "'");
        }
    }
}
