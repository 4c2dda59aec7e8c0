package org.randsum.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.randsum.timeline.JobHistory.Attempt;
import org.randsum.timeline.JobHistory.Master;

/**
 * The timeline's rows: per node, a row for each application master that ran there, then its task
 * attempts packed greedily into slot rows (an attempt goes into the first row whose last bar ended
 * at or before its start), so attempts that ran at once on one node get rows of their own.
 */
final class SlotRows {

    /**
     * One row.
     *
     * @param node     the node, "" for attempts that never got one
     * @param slot     the slot's number on its node, from 1; 0 for an application master's row
     * @param master   the application master of an AM row, else null
     * @param attempts the attempts in the row, in start order
     */
    record Row(String node, int slot, Master master, List<Attempt> attempts) {
        String what() {
            return master == null ? "slot " + slot : "AM" + (master.number() > 1 ? " attempt " + master.number() : "");
        }

        String nodeLabel() {
            return node.isEmpty() ? "(no node)" : node;
        }
    }

    private SlotRows() {
    }

    static List<Row> of(JobHistory job) {
        // Nodes in name order, the attempts that never got one last.
        Map<String, List<Row>> byNode = new TreeMap<>(Comparator.comparing(String::isEmpty)
                .thenComparing(Comparator.naturalOrder()));
        for (Master master : job.masters()) {
            byNode.computeIfAbsent(master.node(), n -> new ArrayList<>()).add(new Row(master.node(), 0, master, List.of()));
        }
        Map<String, List<List<Attempt>>> slots = new LinkedHashMap<>();
        for (Attempt attempt : job.attempts()) { // in start order, as JobHistory keeps them
            String node = nodeOf(job, attempt);
            List<List<Attempt>> rows = slots.computeIfAbsent(node, n -> new ArrayList<>());
            List<Attempt> free = rows.stream().filter(row -> end(row.get(row.size() - 1)) <= start(attempt))
                    .findFirst().orElse(null);
            if (free == null) {
                free = new ArrayList<>();
                rows.add(free);
            }
            free.add(attempt);
        }
        slots.forEach((node, rows) -> {
            List<Row> nodeRows = byNode.computeIfAbsent(node, n -> new ArrayList<>());
            for (int i = 0; i < rows.size(); i++) {
                nodeRows.add(new Row(node, i + 1, null, List.copyOf(rows.get(i))));
            }
        });
        return byNode.values().stream().flatMap(List::stream).toList();
    }

    /** An uber job's tasks run inside the application master: on its node, whatever the history left blank. */
    static String nodeOf(JobHistory job, Attempt attempt) {
        if (attempt.node().isEmpty() && job.uber() && !job.masters().isEmpty()) {
            return job.masters().get(job.masters().size() - 1).node();
        }
        return attempt.node();
    }

    /** An attempt's start; one the history has no time for (0) starts when it ended. */
    static long start(Attempt attempt) {
        return attempt.startMillis() > 0 || attempt.finishMillis() <= 0 ? attempt.startMillis() : attempt.finishMillis();
    }

    /** An attempt's end, never before its start (a zero-length attempt ends where it starts). */
    static long end(Attempt attempt) {
        return Math.max(start(attempt), attempt.finishMillis());
    }

    /** A master runs until the next one starts (it died), the last until the job's end. */
    static long end(JobHistory job, Master master) {
        int next = job.masters().indexOf(master) + 1;
        long end = next < job.masters().size() ? job.masters().get(next).startMillis() : job.finishMillis();
        return Math.max(master.startMillis(), end);
    }
}
