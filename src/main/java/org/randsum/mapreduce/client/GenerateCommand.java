package org.randsum.mapreduce.client;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.randsum.cli.Command;
import org.randsum.cli.ExitCode;
import org.randsum.cli.Json;
import org.randsum.cli.UsageException;
import org.randsum.contract.SplitDescriptor;
import org.randsum.inputgen.InputGenerator;
import org.randsum.mapreduce.checks.Preflight;
import org.randsum.mapreduce.checks.S3AChecks;
import org.randsum.plan.DefaultMaps;
import org.randsum.plan.RunFacts;

/**
 * {@code randsum generate -n N [--seed S] [-m M] -o DIR}: writes the descriptors of a run to DIR with
 * the {@link InputGenerator}, for {@code randsum --input DIR} to sum later, and says where.
 */
public final class GenerateCommand {
    private final Configuration conf;
    private final PrintStream out;
    private final PrintStream err;

    public GenerateCommand(Configuration conf, PrintStream out, PrintStream err) {
        this.conf = conf;
        this.out = out;
        this.err = err;
    }

    /**
     * Writes the descriptors {@code generate} asks for, after the checks a run makes of its output
     * ({@link Preflight}, {@link S3AChecks}): an existing directory, or one that cannot be created,
     * is a usage error; a filesystem or bucket that does not answer is one line within seconds.
     */
    public int run(Command.Generate generate) throws IOException, UsageException {
        Path dir = new Path(generate.output());
        // Before the map count, which on YARN asks the ResourceManager: a usage error comes first.
        S3AChecks.checkReachable(conf, dir); // S3A's causes, in S3A's words
        Preflight.filesystemsAnswer(conf, List.of(dir));
        if (dir.getFileSystem(conf).exists(dir)) {
            throw new UsageException("descriptor directory " + dir + " already exists");
        }
        Preflight.outputCanBeCreated(conf, dir);
        RunFacts facts = new HadoopFacts(conf);
        long maps = generate.maps().isPresent() ? generate.maps().getAsInt()
                : DefaultMaps.choose(facts, generate.count(), facts.mapVcores());
        // A signal while writing must not leave half a descriptor directory behind.
        AtomicBoolean written = new AtomicBoolean();
        Runnable removeUnfinished = () -> {
            if (!written.get()) {
                try {
                    dir.getFileSystem(conf).delete(dir, true);
                } catch (IOException e) {
                    err.println("randsum: could not remove " + dir + ": " + e.getMessage());
                }
            }
        };
        ShutdownHookManager.get().addShutdownHook(removeUnfinished, RunLifecycle.CLEANUP_HOOK_PRIORITY);
        List<SplitDescriptor> plan;
        try {
            plan = InputGenerator.generate(conf, dir, generate.seed(), generate.count(), maps);
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
        if (generate.json()) {
            out.println("{\"descriptors\":" + Json.quote(dir.getFileSystem(conf).makeQualified(dir).toString())
                    + ",\"n\":" + generate.count() + ",\"seed\":" + generate.seed() + ",\"maps\":" + plan.size() + "}");
        } else {
            out.println("wrote " + plan.size() + (plan.size() == 1 ? " descriptor" : " descriptors") + " for "
                    + generate.count() + " values (seed " + generate.seed() + ") to " + dir);
        }
        return ExitCode.OK;
    }
}
