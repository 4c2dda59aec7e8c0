package org.randsum.inputgen;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.randsum.cli.ExitCode;
import org.randsum.cli.Json;
import org.randsum.cli.RunOptions;
import org.randsum.cli.UsageException;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.SplitPlanner;

/**
 * The input generator: plans a run's split descriptors and writes them to a directory on any Hadoop
 * filesystem. The driver uses it for every run, and {@code randsum generate -n N [--seed S] [-m M]
 * -o DIR} on its own, for {@code randsum --input DIR} to sum later.
 */
public class InputGenerator {
    /**
     * Shutdown-hook priority of randsum's cleanups (here and in the driver): ahead of Hadoop's
     * FileSystem-closing hook (priority 10), so cleanup can still use the filesystem.
     */
    public static final int CLEANUP_HOOK_PRIORITY = 50;

    private final org.apache.hadoop.conf.Configuration conf;
    private final PrintStream out;

    public InputGenerator(org.apache.hadoop.conf.Configuration conf, PrintStream out) {
        this.conf = conf;
        this.out = out;
    }

    /** Plans {@code maps} descriptors for {@code [0, n)} of the seed's stream and writes them to {@code dir}. */
    public static List<SplitDescriptor> generate(org.apache.hadoop.conf.Configuration conf, Path dir, long seed,
            long n, long maps) throws java.io.IOException {
        List<SplitDescriptor> plan = SplitPlanner.plan(seed, n, maps);
        DescriptorFiles.write(conf, dir, seed, n, plan);
        return plan;
    }

    /** Writes the descriptors {@code options} ask for and says where; an existing directory is a usage error. */
    public int generate(RunOptions options) throws java.io.IOException, UsageException {
        Path dir = new Path(options.output());
        // Before the map count, which on YARN asks the ResourceManager: a usage error comes first.
        if (dir.getFileSystem(conf).exists(dir)) {
            throw new UsageException("descriptor directory " + dir + " already exists");
        }
        long maps = options.maps().isPresent() ? options.maps().getAsInt()
                : DefaultMaps.choose(conf, options.count(), DefaultMaps.threadsPerMapOnYarn(conf));
        // A signal while writing must not leave half a descriptor directory behind.
        AtomicBoolean written = new AtomicBoolean();
        Runnable removeUnfinished = () -> {
            if (!written.get()) {
                try {
                    dir.getFileSystem(conf).delete(dir, true);
                } catch (java.io.IOException e) {
                    System.err.println("randsum: could not remove " + dir + ": " + e.getMessage());
                }
            }
        };
        ShutdownHookManager.get().addShutdownHook(removeUnfinished, CLEANUP_HOOK_PRIORITY);
        List<SplitDescriptor> plan;
        try {
            plan = generate(conf, dir, options.seed(), options.count(), maps);
            written.set(true);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(e.getMessage());
        } finally {
            try {
                ShutdownHookManager.get().removeShutdownHook(removeUnfinished);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running; it cleans up.
            }
        }
        if (options.json()) {
            out.println("{\"descriptors\":" + Json.quote(dir.getFileSystem(conf).makeQualified(dir).toString())
                    + ",\"n\":" + options.count() + ",\"seed\":" + options.seed() + ",\"maps\":" + plan.size() + "}");
        } else {
            out.println("wrote " + plan.size() + (plan.size() == 1 ? " descriptor" : " descriptors") + " for "
                    + options.count() + " values (seed " + options.seed() + ") to " + dir);
        }
        return ExitCode.OK;
    }
}
