package org.randsum.cli;

import java.util.OptionalInt;

import org.randsum.contract.ValueRange;

/**
 * What a randsum command line asks for, validated: {@link Run}, {@link Generate} or {@link Help}.
 * {@link OptionsParser#parse} makes one; the driver, {@link CheckOptions} and, through it,
 * {@code scripts/emr-submit} act on it.
 */
public sealed interface Command permits Command.Run, Command.Generate, Command.Help {
    /** The command's name, as {@link CheckOptions} prints it: {@code run}, {@code generate} or {@code help}. */
    String name();

    /**
     * Sum values: those of a seed's stream ({@link CountAndSeed}) or those existing descriptors name
     * ({@link Descriptors}).
     *
     * @param values  where the values come from
     * @param range   the values' range
     * @param threads threads per map (or in-process), or empty for the default
     * @param output  a directory to keep the result in, or null
     * @param engine  where to compute ({@link Engine#THREADS} only with {@link CountAndSeed} and no output)
     * @param json    print one JSON object instead of text
     * @param timeline a local file to write the job's timeline page to, or null
     */
    record Run(Values values, ValueRange range, OptionalInt threads, String output, Engine engine, boolean json,
            String timeline) implements Command {
        @Override
        public String name() {
            return "run";
        }
    }

    /** Where a run's values come from. */
    sealed interface Values permits CountAndSeed, Descriptors {
    }

    /**
     * Values {@code [0, count)} of the seed's stream, in {@code maps} maps (empty: the documented default).
     *
     * @param seed the stream's seed (random unless given; always reported)
     */
    record CountAndSeed(long count, long seed, OptionalInt maps) implements Values {
    }

    /** The values an existing descriptor directory names (it fixes n, the seeds and the maps). */
    record Descriptors(String dir) implements Values {
    }

    /**
     * {@code randsum generate}: write the descriptors of {@code count} values of the seed's stream,
     * in {@code maps} descriptors (empty: the default), to the new directory {@code output}.
     */
    record Generate(long count, long seed, OptionalInt maps, String output, boolean json) implements Command {
        @Override
        public String name() {
            return "generate";
        }
    }

    /** {@code -h} or {@code --help} anywhere: print the help. */
    record Help() implements Command {
        @Override
        public String name() {
            return "help";
        }
    }
}
