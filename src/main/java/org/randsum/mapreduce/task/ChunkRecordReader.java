package org.randsum.mapreduce.task;

import java.io.IOException;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.randsum.contract.SplitDescriptor;
import org.randsum.mapreduce.JobSettings;

/**
 * Hands a descriptor to the mapper in chunks of about 1% (key: the chunk's first value's offset in
 * the split; value: the chunk's own descriptor). Progress is the share of values already summed.
 */
public class ChunkRecordReader extends RecordReader<LongWritable, ChunkWritable> {
    private SplitDescriptor split;
    private long chunkValues;
    private long nextOffset;
    private long currentOffset;
    private final LongWritable key = new LongWritable();
    private final ChunkWritable value = new ChunkWritable();

    @Override
    public void initialize(InputSplit inputSplit, TaskAttemptContext context) {
        split = ((DescriptorInputSplit) inputSplit).descriptor();
        chunkValues = JobSettings.chunkValues(context.getConfiguration(), split.count());
    }

    @Override
    public boolean nextKeyValue() {
        currentOffset = nextOffset;
        if (nextOffset >= split.count()) {
            return false;
        }
        long length = Math.min(chunkValues, split.count() - nextOffset);
        key.set(nextOffset);
        value.set(split.slice(nextOffset, length));
        nextOffset += length;
        return true;
    }

    @Override
    public LongWritable getCurrentKey() {
        return key;
    }

    @Override
    public ChunkWritable getCurrentValue() {
        return value;
    }

    /** Values before the current chunk are summed; the current one is being summed. */
    @Override
    public float getProgress() {
        if (split.count() == 0) {
            return 1.0f;
        }
        return (float) ((double) currentOffset / split.count());
    }

    @Override
    public void close() throws IOException {
    }
}
