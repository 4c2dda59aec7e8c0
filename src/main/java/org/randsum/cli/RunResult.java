package org.randsum.cli;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.randsum.contract.Int128;
import org.randsum.contract.ValueRange;
import org.randsum.timeline.Phases;

/**
 * What a run found and how.
 *
 * @param seed    the stream's seed, or null when the run went over existing descriptors
 * @param kernels how many maps ran each kernel ({@code vector-512}, {@code scalar}, ...): on YARN
 *                every task JVM chooses its own, and nodes may differ
 * @param output  where the result was kept, or null
 * @param jobId   the MapReduce job's id, or null for the in-process engine
 * @param phases  where a MapReduce run's time went, or null (the in-process engine; no job history)
 */
public record RunResult(Int128 sum, long count, Long seed, ValueRange range, Engine engine, long maps, int threads,
        Map<String, Long> kernels, double elapsedSeconds, String output, String jobId, Phases phases) {
    /** What {@link #kernel()} says when maps ran different kernels. */
    public static final String MIXED = "mixed";

    public RunResult {
        kernels = Collections.unmodifiableMap(new TreeMap<>(kernels)); // sorted by name
    }

    /**
     * The kernel every map ran, or {@value #MIXED} (then {@link #kernels()} has the counts); null
     * when unknown (a result written before randsum reported kernels).
     */
    public String kernel() {
        return kernels.size() == 1 ? kernels.keySet().iterator().next() : kernels.isEmpty() ? null : MIXED;
    }

    /** Exactly one JSON object; the sum is a decimal string because it can exceed what JSON readers hold exactly. */
    public String toJson() {
        StringBuilder json = new StringBuilder(256).append('{');
        json.append("\"sum\":\"").append(sum).append('"');
        json.append(",\"n\":").append(count);
        json.append(",\"seed\":").append(seed == null ? "null" : seed.toString());
        json.append(",\"min\":").append(range.min());
        json.append(",\"max\":").append(range.max());
        json.append(",\"engine\":\"").append(engine.label()).append('"');
        json.append(",\"maps\":").append(maps);
        json.append(",\"threads\":").append(threads);
        json.append(",\"kernel\":").append(kernel() == null ? "null" : Json.quote(kernel()));
        StringJoiner perKernel = new StringJoiner(",", "{", "}");
        kernels.forEach((name, maps) -> perKernel.add(Json.quote(name) + ":" + maps));
        json.append(",\"kernels\":").append(perKernel);
        json.append(",\"elapsedSeconds\":").append(String.format(java.util.Locale.ROOT, "%.3f", elapsedSeconds));
        json.append(",\"output\":").append(output == null ? "null" : Json.quote(output));
        json.append(",\"jobId\":").append(jobId == null ? "null" : Json.quote(jobId));
        json.append(",\"phases\":").append(phases == null ? "null" : phases.toJson());
        return json.append('}').toString();
    }

    /** The text form: the sum alone on the first line, so {@code | head -1} gives the number. */
    public String toText() {
        StringBuilder text = new StringBuilder(256);
        text.append(sum).append('\n');
        text.append(String.format(java.util.Locale.ROOT, "  n        %d%n", count));
        text.append("  seed     ").append(seed == null ? "(from the descriptors)" : seed.toString()).append('\n');
        text.append("  range    [").append(range.min()).append(", ").append(range.max()).append("]\n");
        text.append("  engine   ").append(engine.label());
        if (engine == Engine.MAPREDUCE) {
            text.append(", ").append(maps).append(maps == 1 ? " map" : " maps").append(" x ");
        } else {
            text.append(", ");
        }
        text.append(threads).append(threads == 1 ? " thread\n" : " threads\n");
        if (kernel() != null) {
            text.append("  kernel   ").append(kernel());
            if (kernels.size() > 1) {
                StringJoiner perKernel = new StringJoiner(", ", ": ", "");
                kernels.forEach((name, n) -> perKernel.add(name + " (" + n + (n == 1 ? " map)" : " maps)")));
                text.append(perKernel);
            }
            text.append('\n');
        }
        text.append(String.format(java.util.Locale.ROOT, "  elapsed  %.3f s%n", elapsedSeconds));
        if (jobId != null) {
            text.append("  job      ").append(jobId).append('\n');
        }
        if (output != null) {
            text.append("  output   ").append(output).append('\n');
        }
        return text.toString();
    }
}
