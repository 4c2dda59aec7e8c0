import org.randsum.contract.Int128;
import org.randsum.contract.SplitMix;
import org.randsum.contract.ValueRange;
import org.randsum.kernel.ScalarKernel;
import org.randsum.kernel.SumKernel;
import org.randsum.kernel.vector.VectorKernel;

/**
 * One kernel's steady rate on the running JVM, for bench/avx2-jdks.sh: n = 3e8 summed once to warm
 * up, then the difference between n = 3e8 and 3.3e9 (so the JIT's time cancels), in the threads
 * engine's 2^20-value calls, seed 9. Prints "JAVA_VERSION KERNEL NS_PER_VALUE TOTAL_AT_3.3e9".
 *
 * <p>Run in source-file mode: java --add-modules jdk.incubator.vector -cp randsum.jar KernelRate.java
 * vector|scalar MIN MAX
 */
public class KernelRate {
    private static final long SEED = 9;
    private static final long BLOCK = 1 << 20;

    public static void main(String[] args) {
        SumKernel kernel = args[0].equals("vector") ? VectorKernel.INSTANCE : ScalarKernel.INSTANCE;
        ValueRange range = new ValueRange(Long.parseLong(args[1]), Long.parseLong(args[2]));
        seconds(kernel, 300_000_000L, range, new Int128());
        double small = seconds(kernel, 300_000_000L, range, new Int128());
        Int128 total = new Int128();
        double large = seconds(kernel, 3_300_000_000L, range, total);
        System.out.printf("%s %s %.3f %s%n", System.getProperty("java.version"), kernel.name(),
                (large - small) / 3e9 * 1e9, total.toBigInteger());
    }

    private static double seconds(SumKernel kernel, long n, ValueRange range, Int128 total) {
        long start = System.nanoTime();
        long state = SEED;
        for (long done = 0; done < n; done += BLOCK) {
            long count = Math.min(BLOCK, n - done);
            kernel.sum(state, count, range, total);
            state += count * SplitMix.GAMMA;
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
