package org.randsum.cli;

import java.util.OptionalInt;

import org.randsum.contract.ValueRange;

/**
 * A validated command line.
 *
 * @param count    n, or -1 when the values come from an existing descriptor directory
 * @param seed     the stream's seed (random unless given; always reported)
 * @param range    the values' range
 * @param maps     map tasks asked for, or empty for the documented default
 * @param threads  threads per map (or in-process), or empty for the default
 * @param output   a directory to keep the result in, or null
 * @param input    an existing descriptor directory to run over, or null
 * @param engine   where to compute
 * @param json     print one JSON object instead of text
 */
public record RunOptions(long count, long seed, ValueRange range, OptionalInt maps, OptionalInt threads,
        String output, String input, Engine engine, boolean json) {

    public boolean hasInput() {
        return input != null;
    }
}
