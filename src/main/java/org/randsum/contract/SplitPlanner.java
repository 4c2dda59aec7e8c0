package org.randsum.contract;

import java.util.ArrayList;
import java.util.List;

/** Divides the values {@code [0, n)} of a stream into near-equal split descriptors. */
public final class SplitPlanner {
    private SplitPlanner() {
    }

    /**
     * How many splits {@link #plan} makes: {@code maps}, but never more than {@code n} (no empty
     * splits), and one (empty) split when {@code n = 0} so a run always has a split to report.
     */
    public static long splitCount(long n, long maps) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (maps < 1) {
            throw new IllegalArgumentException("maps must be at least 1: " + maps);
        }
        return Math.max(1, Math.min(maps, n));
    }

    /** Split {@code k} gets {@code n / m} values, plus one for the first {@code n % m} splits. */
    public static List<SplitDescriptor> plan(long seed, long n, long maps) {
        long splits = splitCount(n, maps);
        if (splits > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many splits to list: " + splits);
        }
        long base = n / splits;
        long withExtra = n % splits;
        List<SplitDescriptor> plan = new ArrayList<>((int) splits);
        long start = 0;
        for (long k = 0; k < splits; k++) {
            long count = base + (k < withExtra ? 1 : 0);
            plan.add(new SplitDescriptor(SplitMix.stateAt(seed, start), count));
            start += count;
        }
        return plan;
    }
}
