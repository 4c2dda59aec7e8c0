package org.randsum.contract;

/**
 * The SplitMix64 generator of {@link java.util.SplittableRandom}, as the contract defines it.
 * Value {@code i} of a stream with seed {@code s} is {@code mix64(s + (i + 1) * GAMMA)}, so any
 * position is reachable in O(1).
 */
public final class SplitMix {
    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix() {
    }

    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The generator state just before value {@code index}: a split descriptor's seed. */
    public static long stateAt(long seed, long index) {
        return seed + index * GAMMA;
    }

    /** The raw 64-bit word {@code x_index} of the stream. */
    public static long wordAt(long seed, long index) {
        return mix64(stateAt(seed, index) + GAMMA);
    }
}
