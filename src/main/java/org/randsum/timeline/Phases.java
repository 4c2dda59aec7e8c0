package org.randsum.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.randsum.timeline.JobHistory.Attempt;
import org.randsum.timeline.JobHistory.End;
import org.randsum.timeline.JobHistory.Kind;

/**
 * Where a run's wall time went, in phases that follow one another, so that they add up to the wall
 * exactly: on YARN, from the job's history ({@link #of}); in local mode, from the client's own
 * clock ({@link #local}). Times are milliseconds from the run's start.
 *
 * <p>On YARN the phases are: {@code submit} (the run's checks, the descriptors, the job's files, up
 * to the ResourceManager's acceptance), {@code am} (a container for the application master, its
 * JVM, the job's set-up), {@code maps} (to the last map's end), {@code reduce} (to the last
 * reduce's end), {@code commit} (to the job's end: the output committed) and {@code result} (the
 * client seeing the end, reading the total and the history). A boundary that the clocks put before
 * the one before it is taken as equal to it.
 *
 * @param wallMillis the run's wall time, start to end
 * @param phases     the phases in order; their millis add up to {@code wallMillis}
 * @param maps       when the maps started and ended, or null when no map succeeded (local mode: null)
 * @param summing    how much of the map slots' time went into summing
 */
public record Phases(long wallMillis, List<Phase> phases, MapTimes maps, Summing summing) {
    public Phases {
        phases = List.copyOf(phases);
    }

    /** One phase: its name, its start (from the run's start) and its length. */
    public record Phase(String name, long startMillis, long millis) {
    }

    /**
     * When the maps ran, from the run's start: the first attempt's start, the median and the last
     * successful map's end (the median of an even count is the lower one).
     */
    public record MapTimes(long firstStartMillis, long medianEndMillis, long lastEndMillis) {
        /** The tail: from the median map's end to the last one's. */
        public long tailMillis() {
            return lastEndMillis - medianEndMillis;
        }
    }

    /**
     * The summing efficiency: the maps' summing time against what their slots could have summed in
     * the wall time.
     *
     * @param summingMillis the successful maps' summing time, added up
     * @param slots         map slots: the most map attempts that ran at once
     */
    public record Summing(long summingMillis, int slots, long wallMillis) {
        /** summingMillis / (slots x wall), from 0 to 1 (0 when nothing was measured). */
        public double efficiency() {
            return slots == 0 || wallMillis == 0 ? 0 : (double) summingMillis / ((double) slots * wallMillis);
        }
    }

    /**
     * The phases of a YARN job's run.
     *
     * @param runStartMillis when the run started (the client's clock)
     * @param runEndMillis   when it ended
     */
    public static Phases of(JobHistory job, long runStartMillis, long runEndMillis) {
        List<Attempt> maps = succeeded(job, Kind.MAP);
        List<Attempt> reduces = succeeded(job, Kind.REDUCE);
        long lastMapEnd = maps.stream().mapToLong(Attempt::finishMillis).max().orElse(job.launchMillis());
        long lastReduceEnd = reduces.stream().mapToLong(Attempt::finishMillis).max().orElse(lastMapEnd);
        Boundaries boundaries = new Boundaries(runStartMillis, runEndMillis);
        boundaries.next("submit", job.submitMillis());
        boundaries.next("am", job.launchMillis());
        boundaries.next("maps", lastMapEnd);
        boundaries.next("reduce", lastReduceEnd);
        boundaries.next("commit", job.finishMillis());
        boundaries.next("result", runEndMillis);
        MapTimes mapTimes = null;
        if (!maps.isEmpty()) {
            List<Long> ends = maps.stream().map(Attempt::finishMillis).sorted().toList();
            long firstStart = job.attempts(Kind.MAP).stream().mapToLong(Attempt::startMillis).min().orElseThrow();
            mapTimes = new MapTimes(firstStart - runStartMillis, ends.get((ends.size() - 1) / 2) - runStartMillis,
                    ends.get(ends.size() - 1) - runStartMillis);
        }
        long summing = maps.stream().mapToLong(a -> a.summingMillis() >= 0 ? a.summingMillis() : a.millis()).sum();
        long wall = runEndMillis - runStartMillis;
        return new Phases(wall, boundaries.phases, mapTimes, new Summing(summing, peakConcurrent(job.attempts(Kind.MAP)),
                wall));
    }

    /**
     * The phases of a local-mode run, which keeps no job history: {@code submit} (to the job's
     * submission), {@code job} (its maps and reduce, in this JVM) and {@code result}.
     *
     * @param summingMillis the maps' summing time (the job's counter)
     * @param mapSlots      how many maps the local runner runs at once
     */
    public static Phases local(long runStartMillis, long submittedMillis, long jobEndMillis, long runEndMillis,
            long summingMillis, int mapSlots) {
        Boundaries boundaries = new Boundaries(runStartMillis, runEndMillis);
        boundaries.next("submit", submittedMillis);
        boundaries.next("job", jobEndMillis);
        boundaries.next("result", runEndMillis);
        long wall = runEndMillis - runStartMillis;
        return new Phases(wall, boundaries.phases, null, new Summing(summingMillis, mapSlots, wall));
    }

    private static List<Attempt> succeeded(JobHistory job, Kind kind) {
        return job.attempts(kind).stream().filter(a -> a.end() == End.SUCCEEDED).toList();
    }

    /** The most attempts running at one moment (one that ends as another starts does not overlap it). */
    static int peakConcurrent(List<Attempt> attempts) {
        List<long[]> events = new ArrayList<>();
        for (Attempt attempt : attempts) {
            events.add(new long[] {attempt.startMillis(), +1});
            events.add(new long[] {Math.max(attempt.startMillis(), attempt.finishMillis()), -1});
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int running = 0;
        int peak = 0;
        for (long[] event : events) {
            running += (int) event[1];
            peak = Math.max(peak, running);
        }
        return peak;
    }

    /** Phases that follow one another, each boundary clamped into [the previous one, the run's end]. */
    private static final class Boundaries {
        private final long runStart;
        private final long runEnd;
        private final List<Phase> phases = new ArrayList<>();
        private long previous;

        Boundaries(long runStart, long runEnd) {
            this.runStart = runStart;
            this.runEnd = Math.max(runStart, runEnd);
            this.previous = runStart;
        }

        void next(String name, long end) {
            long clamped = Math.min(runEnd, Math.max(previous, end));
            phases.add(new Phase(name, previous - runStart, clamped - previous));
            previous = clamped;
        }
    }

    public long millis(String phase) {
        return phases.stream().filter(p -> p.name().equals(phase)).mapToLong(Phase::millis).findFirst().orElse(0);
    }

    /**
     * The one line on stderr, e.g. {@code randsum: phases of 82.8 s: submit 1.2 s, am 17.8 s, maps 42.0 s
     * (first start at 19.4 s, median end at 60.2 s, last at 61.0 s: a tail of 0.8 s), reduce 10.1 s, commit
     * 0.5 s, result 1.2 s; summing 121.4 s, 49% of 3 map slots over the wall}.
     */
    public String line() {
        StringJoiner parts = new StringJoiner(", ", "randsum: phases of " + seconds(wallMillis) + " s: ", "");
        for (Phase phase : phases) {
            String part = phase.name() + " " + seconds(phase.millis()) + " s";
            if (phase.name().equals("maps") && maps != null) {
                part += String.format(Locale.ROOT, " (first start at %s s, median end at %s s, last at %s s: a tail of %s s)",
                        seconds(maps.firstStartMillis()), seconds(maps.medianEndMillis()),
                        seconds(maps.lastEndMillis()), seconds(maps.tailMillis()));
            }
            parts.add(part);
        }
        return parts + String.format(Locale.ROOT, "; summing %s s, %.0f%% of %d map slot%s over the wall",
                seconds(summing.summingMillis()), 100 * summing.efficiency(), summing.slots(),
                summing.slots() == 1 ? "" : "s");
    }

    /** The JSON object, in seconds; its keys are the phases' names in order, then the maps' times and the summing. */
    public String toJson() {
        StringBuilder json = new StringBuilder(256).append("{\"wallSeconds\":").append(seconds3(wallMillis));
        StringJoiner each = new StringJoiner(",", "{", "}");
        phases.forEach(p -> each.add("\"" + p.name() + "\":" + seconds3(p.millis())));
        json.append(",\"seconds\":").append(each);
        if (maps != null) {
            json.append(",\"mapsFirstStart\":").append(seconds3(maps.firstStartMillis()));
            json.append(",\"mapsMedianEnd\":").append(seconds3(maps.medianEndMillis()));
            json.append(",\"mapsLastEnd\":").append(seconds3(maps.lastEndMillis()));
            json.append(",\"tailSeconds\":").append(seconds3(maps.tailMillis()));
        }
        json.append(",\"summingSeconds\":").append(seconds3(summing.summingMillis()));
        json.append(",\"mapSlots\":").append(summing.slots());
        json.append(",\"summingEfficiency\":").append(String.format(Locale.ROOT, "%.3f", summing.efficiency()));
        return json.append('}').toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String seconds3(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
