package org.randsum.kernel;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.randsum.contract.ValueRange;

/**
 * The one place that chooses the kernel for this JVM, in the manner of Lucene's {@code
 * VectorizationProvider}: the vector kernel only when it can run and was measured faster here,
 * else the scalar kernel with one line that says why and how to change it.
 *
 * <p>The vector kernel runs only when the {@code jdk.incubator.vector} module was resolved at JVM
 * start ({@code --add-modules jdk.incubator.vector}). Under {@code auto} it also needs C2 (the
 * interpreter and C1 run the Vector API far slower than scalar code), an x86-64 CPU, and a
 * preferred vector shape where it measured faster than the scalar kernel (docs/benchmarks.md):
 * <ul>
 * <li>512 bits (AVX-512, which multiplies 64-bit lanes): every range, 1.5 to 3.5 times scalar;
 * <li>256 bits (AVX2, which has no 64-bit lane multiply and emulates it): only spans that are powers
 *     of two, whose offset is a shift or nothing: the default range's 1.1 to 1.4 times scalar, spans
 *     2^40 to 2^63 1.2 to 1.7 times, the full range (2^64) 1.1 to 1.7 times (docs/benchmarks.md, "AVX2:
 *     powers of two above 2^32 now run the vector kernel"); the spans that need more multiplies
 *     measured up to twice as slow as scalar;
 * <li>128 bits and less: never (slower than scalar for every range).
 * </ul>
 * {@link #decide} is the rule as a pure function of the JVM's facts and the range, so hardware that
 * is not here can be tested.
 */
public final class KernelSelector {
    /** The configuration key that forces the choice. */
    public static final String KEY = "randsum.kernel";
    public static final String MODULE = "jdk.incubator.vector";
    /** The narrowest preferred vector at which the vector kernel measured faster than scalar, for some ranges. */
    public static final int MIN_FASTER_BITS = 256;
    /** From this width on (64-bit lane multiplies in hardware), faster for every range. */
    public static final int ALL_RANGES_BITS = 512;

    private static final String VECTOR_KERNEL = "org.randsum.kernel.vector.VectorKernel";

    /**
     * HotSpot options for the JVMs that randsum starts (scripts/randsum, the maps' and the uber
     * application master's): C2 compiles the vector kernel's methods after a tenth of the usual
     * calls and loop turns, and nothing else sooner; {@code quiet} keeps HotSpot from echoing the
     * command on standard output, where {@code --json} writes. Measured (docs/benchmarks.md, "C2
     * sooner for the vector kernel"): under {@code auto}, 0.04-0.36 s less per JVM at n = 1e9, and
     * forced vector's start halved. A hundredth was faster when it worked, but some runs compiled
     * before the type profile was in and kept code slower than scalar. Java 17 takes no such
     * setting from inside a running JVM, so it goes on the command line.
     */
    public static final String JIT_OPTIONS =
            "-XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling," + VECTOR_KERNEL + "::*,0.1";
    /** The HotSpot setting in {@link #JIT_OPTIONS}: where a user names it, theirs stands. */
    public static final String JIT_SETTING = "CompileThresholdScaling";
    private static final String ENABLE = "start the JVM with --add-modules " + MODULE;

    public enum Mode {
        AUTO, VECTOR, SCALAR;

        /** The mode a {@value #KEY} value names; null or blank is {@code auto}. */
        public static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(KEY + " must be auto, vector or scalar, not '" + value + "'");
            }
        }
    }

    /**
     * What the choice depends on.
     *
     * @param vectorBits the width the vector kernel would run at (the preferred shape), 0 when the
     *                   module is not readable
     */
    public record Facts(String arch, boolean moduleReadable, boolean c2, int vectorBits) {
    }

    /** The outcome of the rule: run the vector kernel or not, and why not. */
    public record Decision(boolean vector, String reason) {
    }

    /** The kernel chosen, and the one line saying why it is the scalar one (null otherwise). */
    public record Choice(SumKernel kernel, String fallbackReason) {
    }

    /** A forced {@code vector} that this JVM cannot run. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private KernelSelector() {
    }

    /** The rule for summing {@code range}; throws when {@code vector} is forced and the module is missing. */
    public static Decision decide(Facts facts, Mode mode, ValueRange range) throws Unavailable {
        if (mode == Mode.SCALAR) {
            return new Decision(false, KEY + "=scalar");
        }
        if (!facts.moduleReadable()) {
            String why = "the JVM was started without the Vector API module (" + MODULE + ")";
            if (mode == Mode.VECTOR) {
                throw new Unavailable(KEY + "=vector cannot be honoured: " + why + "; " + ENABLE);
            }
            return new Decision(false, why + "; for the vector kernel, " + ENABLE);
        }
        if (mode == Mode.VECTOR) {
            return new Decision(true, null);
        }
        String force = "; to run the vector kernel anyway, set " + KEY + "=vector";
        if (!facts.c2()) {
            return new Decision(false, "the JVM does not compile with C2 (-Xint, or C1 only), where vector code"
                    + " runs slower than scalar" + force);
        }
        if (!isX86(facts.arch())) {
            return new Decision(false, "the vector kernel was measured faster on x86-64 only, and this CPU is "
                    + facts.arch() + force);
        }
        if (facts.vectorBits() < MIN_FASTER_BITS) {
            return new Decision(false, "this CPU's preferred vectors are " + facts.vectorBits() + " bits, where the"
                    + " vector kernel measured slower than scalar (it needs " + MIN_FASTER_BITS + ")" + force);
        }
        if (facts.vectorBits() < ALL_RANGES_BITS && !isPowerOfTwo(range.span())) {
            return new Decision(false, "at " + facts.vectorBits() + "-bit vectors the vector kernel measured faster"
                    + " only for spans that are powers of two, and this range's span is "
                    + Long.toUnsignedString(range.span()) + force);
        }
        return new Decision(true, null);
    }

    /** A power of two from 2^0 to 2^64 (span 0 is the full range's 2^64). */
    private static boolean isPowerOfTwo(long span) {
        return (span & (span - 1)) == 0;
    }

    /**
     * The kernel for summing {@code range} in this JVM under {@code mode}. Under {@code auto} the
     * vector kernel comes as a {@link WarmingKernel}: scalar until C2 has compiled the vector loop,
     * vector from then on. A forced {@code vector} is the vector kernel from start to end, which the
     * exactness checks rely on.
     */
    public static Choice choose(Mode mode, ValueRange range) throws Unavailable {
        Decision decision = decide(thisJvm(), mode, range);
        if (!decision.vector()) {
            return new Choice(ScalarKernel.INSTANCE, decision.reason());
        }
        return new Choice(mode == Mode.AUTO ? new WarmingKernel(vectorKernel(), ScalarKernel.INSTANCE, range)
                : vectorKernel(), null);
    }

    /** The facts of the running JVM. */
    public static Facts thisJvm() {
        boolean module = ModuleLayer.boot().findModule(MODULE).isPresent();
        int bits = 0;
        if (module) {
            try {
                bits = (Integer) Class.forName(VECTOR_KERNEL).getMethod("bits").invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the vector kernel does not load: " + e, e);
            }
        }
        return new Facts(System.getProperty("os.arch", "unknown"), module, compilesWithC2(), bits);
    }

    private static SumKernel vectorKernel() {
        try {
            return (SumKernel) Class.forName(VECTOR_KERNEL).getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the vector kernel does not load: " + e, e);
        }
    }

    private static boolean isX86(String arch) {
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /**
     * HotSpot with its C2 compiler on: not interpreted only ({@code -Xint}), and not stopped at a C1
     * tier ({@code -XX:TieredStopAtLevel} below 4, which applies while tiered compilation is on).
     */
    static boolean compilesWithC2() {
        String info = System.getProperty("java.vm.info", "");
        if (info.contains("interpreted mode") || info.contains("emulated-client")) {
            return false;
        }
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotspot == null) {
                return false;
            }
            boolean tiered = Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue());
            int stopAt = Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue());
            return !tiered || stopAt >= 4;
        } catch (RuntimeException | LinkageError notHotSpot) {
            return false;
        }
    }
}
