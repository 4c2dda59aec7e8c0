package org.randsum.mapreduce.task;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.randsum.inputgen.DescriptorFiles;
import org.randsum.inputgen.MalformedDescriptorException;

/**
 * Reads descriptor directories (see {@link org.randsum.inputgen.DescriptorFormat}): one split, so one
 * map, per descriptor line. Each split is handed to its mapper as a series of chunks, so the
 * framework sees real progress as the chunks are summed.
 */
public class DescriptorInputFormat extends InputFormat<LongWritable, ChunkWritable> {

    @Override
    public List<InputSplit> getSplits(JobContext job) throws IOException {
        List<InputSplit> splits = new ArrayList<>();
        for (Path dir : FileInputFormat.getInputPaths(job)) {
            try {
                for (DescriptorFiles.Located located : DescriptorFiles.read(job.getConfiguration(), dir)) {
                    splits.add(new DescriptorInputSplit(located.split(), located.file() + ":" + located.lineNumber()));
                }
            } catch (MalformedDescriptorException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return splits;
    }

    @Override
    public RecordReader<LongWritable, ChunkWritable> createRecordReader(InputSplit split,
            TaskAttemptContext context) {
        return new ChunkRecordReader();
    }
}
