package org.randsum.mapreduce.task;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.apache.hadoop.io.Writable;
import org.randsum.contract.SplitDescriptor;

/** A split descriptor {@code (seed, count)} as a map input value. */
public class ChunkWritable implements Writable {
    private long seed;
    private long count;

    public ChunkWritable() {
    }

    public ChunkWritable(SplitDescriptor split) {
        set(split);
    }

    public void set(SplitDescriptor split) {
        seed = split.seed();
        count = split.count();
    }

    public SplitDescriptor get() {
        return new SplitDescriptor(seed, count);
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeLong(seed);
        out.writeLong(count);
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        seed = in.readLong();
        count = in.readLong();
        if (count < 0) {
            throw new IOException("corrupt split descriptor: negative count " + count);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkWritable other && seed == other.seed && count == other.count;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return seed + " " + count;
    }
}
