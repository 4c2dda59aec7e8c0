package org.randsum.cli.progress;

/**
 * What the progress line shows at one moment: values summed out of the total, time since the run
 * started, and what is known of the run so far. Pure data; no Hadoop types.
 *
 * @param done values summed so far (clamped to {@code [0, total]} when shown)
 * @param total the run's n
 * @param elapsedNanos time since the run started
 * @param kernel the kernel that sums, or null until it is known
 * @param maps the job's map tasks (YARN), or null where there is no such count
 * @param jobState the job's state (YARN: PREP, RUNNING...), or null
 */
public record ProgressState(long done, long total, long elapsedNanos, String kernel, Maps maps, String jobState) {
    /** Map tasks by state, as the job reports them. */
    public record Maps(int done, int running, int pending) {
    }

    /** The threads engine or local mode: values, time and kernel only. */
    public static ProgressState of(long done, long total, long elapsedNanos, String kernel) {
        return new ProgressState(done, total, elapsedNanos, kernel, null, null);
    }
}
