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
    /** {@code true} (default) or {@code false}: the progress line on stderr when it is a terminal. */
    public static final String PROGRESS = "randsum.progress";
    /**
     * Seconds a map's container takes to start on this cluster, for the planner's waves (unset: the
     * lab's 6.7 s, {@code DefaultMaps.MAP_START_SECONDS}): above 0 and at most an hour.
     */
    public static final String MAP_START_SECONDS = "randsum.map.start.seconds";
    /** The most {@link #MAP_START_SECONDS} takes: a start longer than an hour is a mistake, not a cluster. */
    public static final double MAP_START_SECONDS_MAX = 3600;
    /** The keys a user may set, in the order the error for an unknown key lists them. */
    private static final List<String> USER_SETTINGS = List.of(KernelSelector.KEY, WORK_ROOT, CHUNK_VALUES,
            PROGRESS, MAP_START_SECONDS);
    /**
     * The most records ({@link #CHUNK_VALUES} chunks) a map may be handed. Each record costs the
     * map a hand-off to its threads and back: 26-30 microseconds measured (one value a chunk, one
     * or two threads, this project's 2-core machine), so a million records add about half a
     * minute to a map; the default gives about 100. More is refused, not run for hours.
     */
    public static final long MAX_RECORDS_PER_MAP = 1_000_000;
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
            case PROGRESS -> checkBoolean(key, value);
            case MAP_START_SECONDS -> mapStartSeconds(value);
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

    /**
     * {@value CHUNK_VALUES} against the largest map's values ({@code largestMap}), once the plan
     * knows them: a chunk so small that a map would get more than {@link #MAX_RECORDS_PER_MAP}
     * records is refused, naming the smallest value that would do. {@code configured} 0 is unset.
     */
    public static void checkChunkValues(long configured, long largestMap) throws UsageException {
        if (configured <= 0) {
            return;
        }
        long records = largestMap / configured + (largestMap % configured == 0 ? 0 : 1);
        if (records > MAX_RECORDS_PER_MAP) {
            long least = largestMap / MAX_RECORDS_PER_MAP + (largestMap % MAX_RECORDS_PER_MAP == 0 ? 0 : 1);
            throw new UsageException(CHUNK_VALUES + "=" + configured + " would hand a map of " + largestMap
                    + " values " + records + " records, more than " + MAX_RECORDS_PER_MAP + " (each costs the map a"
                    + " hand-off to its threads); give at least " + least + ", or leave it unset");
        }
    }

    /**
     * Blank is a mistake, and so is a filesystem's root: the work root is made private (0700), and
     * randsum would do that to {@code /} itself. The driver parses the path as Hadoop does.
     */
    private static void checkPath(String key, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(key + " must name a directory, not '" + value + "'");
        }
        // The path alone: without scheme://authority (hdfs://nn:8020/x), or a bare scheme: (file:/x).
        String path = value.strip().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "")
                .replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*:", "");
        if (path.isEmpty() || path.matches("/+")) {
            throw new UsageException(key + "=" + value + " is the root of a filesystem, which randsum would make private"
                    + " (0700); name a directory of its own, such as /user/<you>/.randsum");
        }
    }

    /**
     * {@link #MAP_START_SECONDS}'s value as seconds: a decimal number above 0 and at most {@link
     * #MAP_START_SECONDS_MAX}; anything else is a usage error naming the key and the value.
     */
    public static double mapStartSeconds(String value) throws UsageException {
        double seconds;
        try {
            seconds = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds > 0 && seconds <= MAP_START_SECONDS_MAX) || value.strip().matches(".*[a-zA-Z].*")) {
            throw new UsageException(MAP_START_SECONDS + " must be seconds above 0 and at most "
                    + (long) MAP_START_SECONDS_MAX + ", not '" + value + "'");
        }
        return seconds;
    }

    /** {@code true} or {@code false}, in any case, as Hadoop's {@code getBoolean} reads them; nothing else. */
    private static void checkBoolean(String key, String value) throws UsageException {
        String v = value.strip();
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new UsageException(key + " must be true or false, not '" + value + "'");
        }
    }
}
