package org.randsum.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most of the cluster a job's queue may use, from the capacity scheduler's queues as plain
 * values (no Hadoop types; {@code HadoopFacts} reads them with {@code YarnClient.getAllQueues}).
 * A capacity-scheduler queue's maximum capacity is a fraction of its parent's, so the queue's share
 * of the cluster is the product of the maximum capacities from the root down to it. The user limit
 * ({@code user-limit-factor}) is not in YARN's queue records, so it is not counted.
 */
public final class QueueShare {
    /**
     * One queue as YARN reports it: its name (a leaf's short name or its full path), its maximum
     * capacity as a fraction of its parent's (0 to 1), and its children's names.
     */
    public record Queue(String name, double maximumCapacity, List<String> children) {
    }

    private QueueShare() {
    }

    /**
     * The fraction of the cluster (0 to 1) that queue {@code name} may use at most; 1 when it is not
     * among {@code queues} (YARN then accepts or refuses the job itself) or has no parent listed.
     */
    public static double of(String name, List<Queue> queues) {
        Map<String, Queue> byName = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        for (Queue queue : queues) {
            byName.put(queue.name(), queue);
            for (String child : queue.children()) {
                parentOf.put(child, queue.name());
            }
        }
        String leaf = shortName(name);
        if (!byName.containsKey(leaf) && !byName.containsKey(name)) {
            return 1;
        }
        double share = 1;
        String at = byName.containsKey(name) ? name : leaf;
        // Up to the root; a cycle (never from YARN) cannot loop, since each queue is counted once.
        for (int depth = 0; at != null && depth <= byName.size(); depth++) {
            Queue queue = byName.get(at);
            if (queue == null) {
                break;
            }
            share *= Math.max(0, Math.min(1, queue.maximumCapacity()));
            at = parentOf.get(at);
        }
        return share;
    }

    /** {@code root.a.b} is {@code b}: the name YARN's queue records use for a leaf. */
    private static String shortName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
