package org.randsum.contract;

/**
 * The values {@code [a, a + count)} of a stream, named by the generator state just before value
 * {@code a}: {@code (seed + a * GAMMA, count)}. Split boundaries never change the total.
 */
public record SplitDescriptor(long seed, long count) {
    public SplitDescriptor {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }

    /** The descriptor of values {@code [offset, offset + length)} inside this one. */
    public SplitDescriptor slice(long offset, long length) {
        if (offset < 0 || length < 0 || offset > count || length > count - offset) {
            throw new IllegalArgumentException(
                    "slice [" + offset + ", +" + length + ") is outside a split of " + count);
        }
        return new SplitDescriptor(SplitMix.stateAt(seed, offset), length);
    }
}
