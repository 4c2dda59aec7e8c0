package org.randsum.inputgen;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.SplitPlanner;

/**
 * The input generator: plans a run's split descriptors with the contract's {@link SplitPlanner} and
 * writes them to a new directory on any Hadoop filesystem. Every MapReduce run uses it for its work
 * directory, and {@code randsum generate} (in the job's package) for the user's.
 */
public final class InputGenerator {
    private InputGenerator() {
    }

    /** Plans {@code maps} descriptors for {@code [0, n)} of the seed's stream and writes them to {@code dir}. */
    public static List<SplitDescriptor> generate(Configuration conf, Path dir, long seed, long n, long maps)
            throws IOException {
        List<SplitDescriptor> plan = SplitPlanner.plan(seed, n, maps);
        DescriptorFiles.write(conf, dir, seed, n, plan);
        return plan;
    }
}
