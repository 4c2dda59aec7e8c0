package org.randsum.mapreduce.task;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.randsum.contract.SplitDescriptor;

/**
 * One map's input: a descriptor and the file line it came from. The descriptor travels inside the
 * split (as TeraGen's ranges do), so a task never re-reads or re-parses the descriptor file.
 */
public class DescriptorInputSplit extends InputSplit implements Writable {
    private long seed;
    private long count;
    private String source = "";

    public DescriptorInputSplit() {
    }

    public DescriptorInputSplit(SplitDescriptor split, String source) {
        this.seed = split.seed();
        this.count = split.count();
        this.source = source;
    }

    public SplitDescriptor descriptor() {
        return new SplitDescriptor(seed, count);
    }

    /** {@code file:line} of the descriptor, for messages. */
    public String source() {
        return source;
    }

    /** The scheduler runs larger splits first; the count is the work. */
    @Override
    public long getLength() {
        return count;
    }

    /** No data locality: a map generates its values. */
    @Override
    public String[] getLocations() {
        return new String[0];
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeLong(seed);
        out.writeLong(count);
        Text.writeString(out, source);
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        seed = in.readLong();
        count = in.readLong();
        source = Text.readString(in);
    }

    @Override
    public String toString() {
        return source + " (" + seed + " " + count + ")";
    }
}
