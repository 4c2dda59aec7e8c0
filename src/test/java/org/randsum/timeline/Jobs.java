package org.randsum.timeline;

import java.util.ArrayList;
import java.util.List;

import org.randsum.timeline.JobHistory.Attempt;
import org.randsum.timeline.JobHistory.End;
import org.randsum.timeline.JobHistory.Kind;
import org.randsum.timeline.JobHistory.Master;

/** Jobs written out by hand for the timeline's tests: times in seconds from the run's start {@link #T0}. */
final class Jobs {
    static final long T0 = 1_700_000_000_000L;
    static final String APP = "1700000000000_0001";
    static final String JOB_ID = "job_" + APP;

    private Jobs() {
    }

    static long at(double seconds) {
        return T0 + Math.round(seconds * 1000);
    }

    /** Attempt {@code number} of map {@code task}; a successful map sums for its time less 0.5 s, 62.5 M values. */
    static Attempt map(int task, int number, String node, double start, double end, End state) {
        return attempt(Kind.MAP, task, number, node, start, end, state);
    }

    static Attempt reduce(int task, int number, String node, double start, double end, End state) {
        return attempt(Kind.REDUCE, task, number, node, start, end, state);
    }

    private static Attempt attempt(Kind kind, int task, int number, String node, double start, double end, End state) {
        String taskId = String.format("task_%s_%s_%06d", APP, kind == Kind.MAP ? "m" : "r", task);
        boolean counted = kind == Kind.MAP && state == End.SUCCEEDED;
        return new Attempt(taskId.replace("task_", "attempt_") + "_" + number, taskId, kind, node,
                node.isEmpty() ? "" : String.format("container_%s_01_%06d", APP, 100 + 10 * task + number), at(start),
                at(end), state, counted ? Math.round((end - start - 0.5) * 1000) : -1, counted ? 62_500_000L : -1);
    }

    static Master master(String node, double start) {
        return new Master(1, node, "container_" + APP + "_01_000001", at(start));
    }

    static JobHistory job(Master master, double finish, List<Attempt> attempts) {
        return new JobHistory(JOB_ID, "SUCCEEDED", at(1.2), at(6.5), at(finish), false, List.of(master), attempts);
    }

    /**
     * An uneven run on four nodes: worker-4 (the AM's node) is slow; map 4's first attempt FAILED on
     * worker-3 and was retried there; map 7's duplicate on worker-3 was KILLED when the slow original on
     * worker-4 won; one reduce on worker-2. 16 maps, 18 map attempts, the job ends at 31.0 s, the run at 32.4 s.
     */
    static JobHistory uneven() {
        String w1 = "worker-1:8041";
        String w2 = "worker-2:8041";
        String w3 = "worker-3:8041";
        String w4 = "worker-4:8041";
        List<Attempt> attempts = new ArrayList<>(List.of(
                map(0, 0, w1, 7.0, 15.0, End.SUCCEEDED), map(1, 0, w1, 7.1, 15.3, End.SUCCEEDED),
                map(2, 0, w2, 7.2, 15.1, End.SUCCEEDED), map(3, 0, w2, 7.3, 15.6, End.SUCCEEDED),
                map(4, 0, w3, 7.4, 10.2, End.FAILED), map(5, 0, w3, 7.5, 15.2, End.SUCCEEDED),
                map(6, 0, w4, 7.6, 21.0, End.SUCCEEDED), map(7, 0, w4, 7.7, 26.0, End.SUCCEEDED),
                map(4, 1, w3, 10.5, 18.4, End.SUCCEEDED),
                map(8, 0, w1, 15.1, 23.0, End.SUCCEEDED), map(9, 0, w1, 15.4, 23.2, End.SUCCEEDED),
                map(10, 0, w2, 15.2, 23.1, End.SUCCEEDED), map(11, 0, w2, 15.7, 23.6, End.SUCCEEDED),
                map(12, 0, w3, 15.3, 23.4, End.SUCCEEDED), map(13, 0, w4, 21.1, 30.2, End.SUCCEEDED),
                map(7, 1, w3, 18.6, 26.1, End.KILLED),
                map(14, 0, w1, 23.1, 28.9, End.SUCCEEDED), map(15, 0, w2, 23.2, 29.0, End.SUCCEEDED),
                reduce(0, 0, w2, 29.1, 30.6, End.SUCCEEDED)));
        return job(master(w4, 3.0), 31.0, attempts);
    }

    static Phases phases(JobHistory job, double runEnd) {
        return Phases.of(job, T0, at(runEnd));
    }
}
