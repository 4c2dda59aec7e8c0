package org.randsum.mapreduce.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.randsum.cli.Settings;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.SplitPlanner;
import org.randsum.inputgen.InputGenerator;
import org.randsum.mapreduce.JobSettings;

class DescriptorInputFormatTest {
    @TempDir
    java.nio.file.Path temp;

    private final Configuration conf = new Configuration();

    @Test
    void oneSplitPerDescriptorLine() throws Exception {
        Path dir = new Path(temp.resolve("splits").toUri());
        InputGenerator.generate(conf, dir, 42, 1000, 4);
        Job job = Job.getInstance(conf);
        FileInputFormat.addInputPath(job, dir);
        List<InputSplit> splits = new DescriptorInputFormat().getSplits(job);
        assertEquals(SplitPlanner.plan(42, 1000, 4),
                splits.stream().map(split -> ((DescriptorInputSplit) split).descriptor()).toList());
        assertTrue(((DescriptorInputSplit) splits.get(0)).source().endsWith("splits.txt:3"));
    }

    @Test
    void malformedDescriptorFailsSplitComputationNamingTheLine() throws Exception {
        Files.createDirectories(temp.resolve("bad"));
        Files.writeString(temp.resolve("bad").resolve("s.txt"), "1 2\nnot a descriptor\n");
        Job job = Job.getInstance(conf);
        FileInputFormat.addInputPath(job, new Path(temp.resolve("bad").toUri()));
        IOException e = assertThrows(IOException.class, () -> new DescriptorInputFormat().getSplits(job));
        assertTrue(e.getMessage().contains("s.txt:2: expected '<seed> <count>'"), e.getMessage());
    }

    @Test
    void readerHandsOverTheSplitInChunksWithRisingProgress() throws Exception {
        conf.setLong(Settings.CHUNK_VALUES, 300);
        SplitDescriptor split = new SplitDescriptor(9, 1000);
        ChunkRecordReader reader = new ChunkRecordReader();
        reader.initialize(new DescriptorInputSplit(split, "x:1"), new TaskAttemptContextImpl(conf, new TaskAttemptID()));
        List<SplitDescriptor> chunks = new ArrayList<>();
        List<Float> progress = new ArrayList<>();
        while (reader.nextKeyValue()) {
            assertEquals(chunks.stream().mapToLong(SplitDescriptor::count).sum(), reader.getCurrentKey().get());
            chunks.add(reader.getCurrentValue().get());
            progress.add(reader.getProgress());
        }
        assertEquals(List.of(split.slice(0, 300), split.slice(300, 300), split.slice(600, 300), split.slice(900, 100)),
                chunks);
        assertEquals(List.of(0.0f, 0.3f, 0.6f, 0.9f), progress);
        assertEquals(1.0f, reader.getProgress());
    }

    @Test
    void emptySplitHasNoRecordsAndIsComplete() throws Exception {
        ChunkRecordReader reader = new ChunkRecordReader();
        reader.initialize(new DescriptorInputSplit(new SplitDescriptor(9, 0), "x:1"),
                new TaskAttemptContextImpl(conf, new TaskAttemptID()));
        assertFalse(reader.nextKeyValue());
        assertEquals(1.0f, reader.getProgress());
    }

    @Test
    void defaultChunksAreAboutOnePercentButNotTiny() {
        assertEquals(Settings.CHUNK_VALUES_DEFAULT_MIN, JobSettings.chunkValues(new Configuration(false), 1000));
        assertEquals(100_000_001L, JobSettings.chunkValues(new Configuration(false), 10_000_000_000L));
    }
}
