package org.randsum.inputgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.SplitMix;

/** Descriptor directories on the local filesystem, through Hadoop's FileSystem API. */
class DescriptorFilesTest {
    @TempDir
    java.nio.file.Path temp;

    private final Configuration conf = new Configuration();

    private Path dir(String name) {
        return new Path(temp.resolve(name).toUri());
    }

    @Test
    void generatedDescriptorsReadBackInOrder() throws Exception {
        Path dir = dir("splits");
        List<SplitDescriptor> plan = InputGenerator.generate(conf, dir, 42, 1000, 3);
        List<DescriptorFiles.Located> read = DescriptorFiles.read(conf, dir);
        assertEquals(plan, read.stream().map(DescriptorFiles.Located::split).toList());
        assertEquals(1000, DescriptorFiles.totalCount(read));
        // The file is the documented text: header comments, then "<seed> <count>" lines.
        List<String> lines = Files.readAllLines(temp.resolve("splits").resolve(DescriptorFormat.FILE_NAME));
        assertEquals("42 334", lines.get(2));
        assertEquals(SplitMix.stateAt(42, 334) + " 333", lines.get(3));
        assertEquals(5, lines.size());
    }

    @Test
    void writingOverAnExistingDirectoryFails() throws IOException {
        Files.createDirectories(temp.resolve("exists"));
        assertThrows(FileAlreadyExistsException.class,
                () -> DescriptorFiles.write(conf, dir("exists"), 1, 1, List.of(new SplitDescriptor(1, 1))));
    }

    @Test
    void malformedLineIsNamedByFileAndLine() throws IOException {
        java.nio.file.Path splits = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(splits.resolve("a.txt"), "# header\n5 10\n", StandardCharsets.UTF_8);
        Files.writeString(splits.resolve("b.txt"), "7 3\n\n7 x\n", StandardCharsets.UTF_8);
        MalformedDescriptorException e = assertThrows(MalformedDescriptorException.class,
                () -> DescriptorFiles.read(conf, dir("bad")));
        assertEquals(dir("bad/b.txt") + ":3: count must be a whole number from 0 to 9223372036854775807, found 'x'",
                e.getMessage());
    }

    @Test
    void countsBeyondTheLimitAreRejected() throws Exception {
        java.nio.file.Path splits = Files.createDirectories(temp.resolve("huge"));
        Files.writeString(splits.resolve("s.txt"), "1 9223372036854775807\n2 1\n", StandardCharsets.UTF_8);
        List<DescriptorFiles.Located> read = DescriptorFiles.read(conf, dir("huge"));
        assertThrows(MalformedDescriptorException.class, () -> DescriptorFiles.totalCount(read));
    }

    @Test
    void emptyOrMissingDirectoriesAreRejected() throws IOException {
        Files.createDirectories(temp.resolve("empty"));
        Files.writeString(temp.resolve("empty").resolve("_SUCCESS"), "");
        assertThrows(MalformedDescriptorException.class, () -> DescriptorFiles.read(conf, dir("empty")));
        assertThrows(MalformedDescriptorException.class, () -> DescriptorFiles.read(conf, dir("missing")));
        assertFalse(Files.exists(temp.resolve("missing")));
    }
}
