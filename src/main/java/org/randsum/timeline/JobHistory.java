package org.randsum.timeline;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A finished MapReduce job as its history file records it. Times are epoch milliseconds, on the
 * cluster's clocks.
 *
 * @param jobId        the job's id
 * @param status       the job's final state ({@code SUCCEEDED}, {@code FAILED}, {@code KILLED})
 * @param submitMillis when the ResourceManager accepted the job
 * @param launchMillis when the application master started the job (its JVM up, the job set up)
 * @param finishMillis when the job finished (output committed)
 * @param uber         whether the tasks ran inside the application master
 * @param masters      every application master attempt, first first
 * @param attempts     every task attempt, whatever its end
 */
public record JobHistory(String jobId, String status, long submitMillis, long launchMillis, long finishMillis,
        boolean uber, List<Master> masters, List<Attempt> attempts) {

    public JobHistory {
        Objects.requireNonNull(jobId);
        masters = List.copyOf(masters);
        attempts = attempts.stream().sorted(Comparator.comparingLong(Attempt::startMillis)
                .thenComparing(Attempt::id, JobHistory::compareIds)).toList();
    }

    /** A task's kind. */
    public enum Kind { MAP, REDUCE }

    /** How a task attempt ended. */
    public enum End { SUCCEEDED, FAILED, KILLED }

    /**
     * One application master attempt.
     *
     * @param node        the node it ran on (host:port of its NodeManager)
     * @param startMillis when its container started
     */
    public record Master(int number, String node, String container, long startMillis) {
    }

    /**
     * One task attempt.
     *
     * @param id            the attempt's id ({@code attempt_..._m_000001_0})
     * @param taskId        its task's id
     * @param node          the node it ran on (host:port of its NodeManager), or "" when it never got one
     * @param container     its container's id, or ""
     * @param summingMillis a map's summing time (randsum's counter), or -1 when unknown (reduces, lost attempts)
     * @param values        the values a map summed, or -1 when unknown
     */
    public record Attempt(String id, String taskId, Kind kind, String node, String container, long startMillis,
            long finishMillis, End end, long summingMillis, long values) {
        public Attempt {
            Objects.requireNonNull(id);
            Objects.requireNonNull(taskId);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(end);
            node = node == null ? "" : node;
            container = container == null ? "" : container;
        }

        public long millis() {
            return Math.max(0, finishMillis - startMillis);
        }
    }

    public List<Attempt> attempts(Kind kind) {
        return attempts.stream().filter(a -> a.kind() == kind).toList();
    }

    /**
     * Whether {@code attempt} is a duplicate: it started while an earlier attempt of its task was
     * still running. That is the speculator's doing (a retry after a failure starts after it).
     */
    public boolean isDuplicate(Attempt attempt) {
        return attempts.stream().anyMatch(other -> other != attempt && other.taskId().equals(attempt.taskId())
                && other.startMillis() <= attempt.startMillis() && compareIds(other.id(), attempt.id()) < 0
                && other.finishMillis() > attempt.startMillis());
    }

    /**
     * Attempt ids in their attempts' order: an id ends in its attempt's number, compared as a number
     * (as strings, {@code _10} would come before {@code _9}).
     */
    static int compareIds(String a, String b) {
        int cutA = a.lastIndexOf('_');
        int cutB = b.lastIndexOf('_');
        if (cutA >= 0 && cutB >= 0 && a.substring(0, cutA).equals(b.substring(0, cutB))
                && a.substring(cutA + 1).matches("[0-9]{1,9}") && b.substring(cutB + 1).matches("[0-9]{1,9}")) {
            return Integer.compare(Integer.parseInt(a.substring(cutA + 1)), Integer.parseInt(b.substring(cutB + 1)));
        }
        return a.compareTo(b);
    }
}
