package org.randsum.inputgen;

import java.io.PrintStream;
import java.util.List;

import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.randsum.cli.ExitCode;
import org.randsum.cli.OptionsParser;
import org.randsum.cli.RunOptions;
import org.randsum.cli.UsageException;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.SplitPlanner;

/**
 * {@code randsum generate -n N [--seed S] [-m M] -o DIR}: writes the split descriptors of a run to
 * {@code DIR} on any Hadoop filesystem, for {@code randsum --input DIR} to sum later.
 */
public class InputGenerator extends Configured implements Tool {
    private final PrintStream out;
    private final PrintStream err;

    public InputGenerator() {
        this(System.out, System.err);
    }

    public InputGenerator(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Plans {@code maps} descriptors for {@code [0, n)} of the seed's stream and writes them to {@code dir}. */
    public static List<SplitDescriptor> generate(org.apache.hadoop.conf.Configuration conf, Path dir, long seed,
            long n, long maps) throws java.io.IOException {
        List<SplitDescriptor> plan = SplitPlanner.plan(seed, n, maps);
        DescriptorFiles.write(conf, dir, seed, n, plan);
        return plan;
    }

    @Override
    public int run(String[] args) throws Exception {
        OptionsParser parser = new OptionsParser();
        if (OptionsParser.wantsHelp(args)) {
            parser.printHelp(new java.io.PrintWriter(out));
            return ExitCode.OK;
        }
        RunOptions options;
        try {
            options = parser.parseGenerate(args);
        } catch (UsageException e) {
            err.println("randsum generate: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Path dir = new Path(options.output());
        int threads = options.threads().orElse(getConf().getInt("mapreduce.map.cpu.vcores", 1));
        long maps = options.maps().isPresent() ? options.maps().getAsInt()
                : DefaultMaps.choose(getConf(), options.count(), threads);
        List<SplitDescriptor> plan;
        try {
            plan = generate(getConf(), dir, options.seed(), options.count(), maps);
        } catch (FileAlreadyExistsException e) {
            err.println("randsum generate: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (options.json()) {
            out.println("{\"descriptors\":\"" + dir.getFileSystem(getConf()).makeQualified(dir) + "\",\"n\":"
                    + options.count() + ",\"seed\":" + options.seed() + ",\"maps\":" + plan.size() + "}");
        } else {
            out.println("wrote " + plan.size() + (plan.size() == 1 ? " descriptor" : " descriptors") + " for "
                    + options.count() + " values (seed " + options.seed() + ") to " + dir);
        }
        return ExitCode.OK;
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new InputGenerator(), args));
    }
}
