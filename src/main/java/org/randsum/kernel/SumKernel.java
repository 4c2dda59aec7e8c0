package org.randsum.kernel;

import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.ValueRange;

/**
 * The hot loop behind every engine: the exact sum of contract values from a generator state. Each
 * implementation gives the same total for every input; they differ only in speed. {@link
 * KernelSelector} chooses one for the JVM at hand.
 */
public interface SumKernel {
    /** What reports and the result call it: {@code scalar}, {@code vector-512}, ... */
    String name();

    /**
     * Adds the {@code count} values following generator state {@code state} to {@code total}; when
     * that add would overflow 128 bits it throws and leaves {@code total} unchanged.
     */
    void sum(long state, long count, ValueRange range, Int128 total);

    /** Adds the values of {@code split} in {@code range} to {@code total}. */
    default void sum(SplitDescriptor split, ValueRange range, Int128 total) {
        sum(split.seed(), split.count(), range, total);
    }
}
