package org.randsum.mapreduce.task;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.apache.hadoop.io.Writable;
import org.randsum.contract.Int128;

/** A partial result: how many values, and their exact 128-bit sum. 24 bytes on the wire. */
public class PartialSumWritable implements Writable {
    private long count;
    private final Int128 sum = new Int128();

    public PartialSumWritable() {
    }

    public PartialSumWritable(long count, Int128 sum) {
        this.count = count;
        this.sum.set(sum);
    }

    public long count() {
        return count;
    }

    public Int128 sum() {
        return Int128.copyOf(sum);
    }

    public void clear() {
        count = 0;
        sum.clear();
    }

    /** Adds another partial exactly; counts beyond 2^63 - 1 or sums beyond 128 bits throw. */
    public void merge(PartialSumWritable other) {
        count = Math.addExact(count, other.count);
        sum.add(other.sum);
    }

    public void add(long values, Int128 total) {
        count = Math.addExact(count, values);
        sum.add(total);
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeLong(count);
        sum.writeTo(out);
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        count = in.readLong();
        sum.readFrom(in);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartialSumWritable other && count == other.count && sum.equals(other.sum);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + sum.hashCode();
    }

    @Override
    public String toString() {
        return count + "\t" + sum;
    }
}
