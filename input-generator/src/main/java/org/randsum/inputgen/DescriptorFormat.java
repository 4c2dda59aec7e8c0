package org.randsum.inputgen;

import org.randsum.contract.SplitDescriptor;

/**
 * The descriptor file format, version 1: UTF-8 text, one split per line as {@code <seed> <count>}
 * (decimal; the seed signed 64-bit, the count 0 to 2^63 - 1; separated by spaces or a tab). Blank
 * lines and lines starting with {@code #} are comments. Files whose names start with {@code _} or
 * {@code .} are ignored, as Hadoop does. Pure text rules, no Hadoop types.
 */
public final class DescriptorFormat {
    public static final String FILE_NAME = "splits.txt";

    private DescriptorFormat() {
    }

    public static String header(long seed, long n, long splits) {
        return "# randsum split descriptors v1: one map per line, \"<seed> <count>\" (see docs/contract.md)\n"
                + "# planned from seed " + seed + ", n " + n + ", " + splits + (splits == 1 ? " split\n" : " splits\n");
    }

    public static String line(SplitDescriptor split) {
        return split.seed() + " " + split.count() + "\n";
    }

    /** Whether the line holds a descriptor rather than a comment or nothing. */
    public static boolean isDescriptor(String line) {
        String trimmed = line.strip();
        return !trimmed.isEmpty() && !trimmed.startsWith("#");
    }

    public static boolean isDataFile(String fileName) {
        return !fileName.startsWith("_") && !fileName.startsWith(".");
    }

    /** Parses one descriptor line; the exception's message says what is wrong with it. */
    public static SplitDescriptor parse(String line) throws MalformedDescriptorException {
        String[] fields = line.strip().split("[ \t]+");
        if (fields.length != 2) {
            throw new MalformedDescriptorException("expected '<seed> <count>', found '" + line.strip() + "'");
        }
        long seed;
        long count;
        try {
            seed = Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
            throw new MalformedDescriptorException("seed must be a signed 64-bit integer, found '" + fields[0] + "'");
        }
        try {
            count = Long.parseLong(fields[1]);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0) {
            throw new MalformedDescriptorException("count must be a whole number from 0 to " + Long.MAX_VALUE
                    + ", found '" + fields[1] + "'");
        }
        return new SplitDescriptor(seed, count);
    }
}
