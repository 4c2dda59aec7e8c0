package org.randsum.mapreduce.client;

import java.io.PrintStream;

import org.apache.hadoop.conf.Configuration;
import org.randsum.cli.UsageException;
import org.randsum.contract.ValueRange;
import org.randsum.kernel.KernelSelector;
import org.randsum.kernel.SumKernel;
import org.randsum.mapreduce.JobSettings;

/**
 * The kernel for sums in the client's JVM (the threads engine, and local mode's maps), where a
 * mistake is the user's and is told before anything runs.
 */
public final class LocalKernel {
    private LocalKernel() {
    }

    /** The configured kernel mode; a value that is none is a usage error naming the key. */
    public static KernelSelector.Mode mode(Configuration conf) throws UsageException {
        try {
            return JobSettings.kernelMode(conf);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The kernel this JVM runs for {@code range}: a forced vector kernel that cannot run here is a
     * usage error; a fallback under auto says why in one line on {@code err}.
     */
    public static SumKernel choose(KernelSelector.Mode mode, ValueRange range, PrintStream err) throws UsageException {
        try {
            KernelSelector.Choice choice = KernelSelector.choose(mode, range);
            if (choice.fallbackReason() != null && mode == KernelSelector.Mode.AUTO) {
                err.println("randsum: scalar kernel: " + choice.fallbackReason());
            }
            return choice.kernel();
        } catch (KernelSelector.Unavailable e) {
            throw new UsageException(e.getMessage());
        }
    }
}
