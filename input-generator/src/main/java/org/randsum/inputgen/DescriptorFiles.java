package org.randsum.inputgen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.randsum.contract.SplitDescriptor;

/** Writes and reads descriptor directories on any Hadoop filesystem (always the path's own). */
public final class DescriptorFiles {
    /** A descriptor and where it was read from. */
    public record Located(SplitDescriptor split, Path file, long lineNumber) {
    }

    private DescriptorFiles() {
    }

    /**
     * Writes {@code plan} to a new directory {@code dir}; on failure the directory is removed.
     *
     * @throws org.apache.hadoop.fs.FileAlreadyExistsException if {@code dir} exists
     */
    public static void write(Configuration conf, Path dir, long seed, long n, List<SplitDescriptor> plan)
            throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        if (fs.exists(dir)) {
            throw new org.apache.hadoop.fs.FileAlreadyExistsException("descriptor directory " + dir + " already exists");
        }
        boolean written = false;
        try {
            fs.mkdirs(dir);
            try (Writer out = new OutputStreamWriter(fs.create(new Path(dir, DescriptorFormat.FILE_NAME), false),
                    StandardCharsets.UTF_8)) {
                out.write(DescriptorFormat.header(seed, n, plan.size()));
                for (SplitDescriptor split : plan) {
                    out.write(DescriptorFormat.line(split));
                }
            }
            written = true;
        } finally {
            if (!written) {
                fs.delete(dir, true);
            }
        }
    }

    /** Every descriptor in {@code dir}'s data files, in file-name then line order; validated. */
    public static List<Located> read(Configuration conf, Path dir) throws IOException, MalformedDescriptorException {
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.exists(dir)) {
            throw new MalformedDescriptorException("descriptor directory " + dir + " does not exist");
        }
        FileStatus[] files = fs.isDirectory(dir) ? fs.listStatus(dir) : new FileStatus[] {fs.getFileStatus(dir)};
        Arrays.sort(files);
        List<Located> descriptors = new ArrayList<>();
        for (FileStatus file : files) {
            if (file.isFile() && DescriptorFormat.isDataFile(file.getPath().getName())) {
                readFile(fs, file.getPath(), descriptors);
            }
        }
        if (descriptors.isEmpty()) {
            throw new MalformedDescriptorException(dir + " holds no split descriptors");
        }
        return descriptors;
    }

    private static void readFile(FileSystem fs, Path file, List<Located> into)
            throws IOException, MalformedDescriptorException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (DescriptorFormat.isDescriptor(line)) {
                    try {
                        into.add(new Located(DescriptorFormat.parse(line), file, lineNumber));
                    } catch (MalformedDescriptorException e) {
                        throw e.at(file.toString(), lineNumber);
                    }
                }
            }
        }
    }

    /** The number of values the descriptors cover; more than 2^63 - 1 is malformed. */
    public static long totalCount(List<Located> descriptors) throws MalformedDescriptorException {
        long total = 0;
        for (Located located : descriptors) {
            try {
                total = Math.addExact(total, located.split().count());
            } catch (ArithmeticException e) {
                throw new MalformedDescriptorException("the counts add up to more than " + Long.MAX_VALUE)
                        .at(located.file().toString(), located.lineNumber());
            }
        }
        return total;
    }
}
