package org.randsum.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.randsum.contract.ValueRange;
import org.randsum.kernel.KernelSelector.Decision;
import org.randsum.kernel.KernelSelector.Facts;
import org.randsum.kernel.KernelSelector.Mode;

/** The kernel choice, for this machine and, by handing the rule its facts, for hardware that is not here. */
class KernelSelectorTest {
    private static final Facts AVX512 = new Facts("amd64", true, true, 512);

    @Test
    void autoRunsTheVectorKernelOn512BitX86() throws Exception {
        Decision decision = KernelSelector.decide(AVX512, Mode.AUTO, ValueRange.DEFAULT);
        assertTrue(decision.vector());
        assertNull(decision.reason());
    }

    @Test
    void autoRunsTheVectorKernelOn256BitX86() throws Exception {
        assertTrue(KernelSelector.decide(new Facts("amd64", true, true, 256), Mode.AUTO, ValueRange.DEFAULT).vector());
    }

    @Test
    void autoRunsTheVectorKernelFor512BitX86OnEveryRangeClass() throws Exception {
        for (ValueRange range : new ValueRange[] {new ValueRange(1, 100), new ValueRange(0, 1L << 40),
            new ValueRange(Long.MIN_VALUE, Long.MAX_VALUE), new ValueRange(-(1L << 62), 1L << 62)}) {
            assertTrue(KernelSelector.decide(AVX512, Mode.AUTO, range).vector(), range.toString());
        }
    }

    @Test
    void autoAt256BitsRunsTheVectorKernelOnlyForPowerOfTwoSpans() throws Exception {
        Facts avx2 = new Facts("amd64", true, true, 256);
        for (ValueRange range : new ValueRange[] {new ValueRange(0, (1L << 32) - 1), new ValueRange(-8, 7),
            new ValueRange(0, (1L << 33) - 1), new ValueRange(5, 5 + (1L << 40) - 1),
            new ValueRange(0, Long.MAX_VALUE), new ValueRange(Long.MIN_VALUE, -1),
            new ValueRange(Long.MIN_VALUE, Long.MAX_VALUE)}) {
            assertTrue(KernelSelector.decide(avx2, Mode.AUTO, range).vector(), range.toString());
        }
        for (ValueRange range : new ValueRange[] {new ValueRange(1, 100), new ValueRange(0, 1L << 32),
            new ValueRange(0, 1L << 40), new ValueRange(Long.MIN_VALUE, Long.MAX_VALUE - 1)}) {
            Decision decision = KernelSelector.decide(avx2, Mode.AUTO, range);
            assertFalse(decision.vector(), range.toString());
            assertTrue(decision.reason().contains("powers of two"), decision.reason());
        }
    }

    @Test
    void autoFallsBackOn128BitVectorsWhereVectorCodeMeasuredSlower() throws Exception {
        Decision decision = KernelSelector.decide(new Facts("amd64", true, true, 128), Mode.AUTO, ValueRange.DEFAULT);
        assertFalse(decision.vector());
        assertTrue(decision.reason().contains("128 bits") && decision.reason().contains("randsum.kernel=vector"),
                decision.reason());
    }

    @Test
    void autoFallsBackOnAarch64() throws Exception {
        Decision decision = KernelSelector.decide(new Facts("aarch64", true, true, 128), Mode.AUTO, ValueRange.DEFAULT);
        assertFalse(decision.vector());
        assertTrue(decision.reason().contains("aarch64"), decision.reason());
    }

    @Test
    void autoFallsBackWithoutC2() throws Exception {
        Decision decision = KernelSelector.decide(new Facts("amd64", true, false, 512), Mode.AUTO, ValueRange.DEFAULT);
        assertFalse(decision.vector());
        assertTrue(decision.reason().contains("C2"), decision.reason());
    }

    @Test
    void autoFallsBackWithoutTheModuleAndSaysHowToEnableIt() throws Exception {
        Decision decision = KernelSelector.decide(new Facts("amd64", false, true, 0), Mode.AUTO, ValueRange.DEFAULT);
        assertFalse(decision.vector());
        assertTrue(decision.reason().contains("--add-modules jdk.incubator.vector"), decision.reason());
        assertFalse(decision.reason().contains("\n"));
    }

    @Test
    void forcedVectorWithoutTheModuleCannotBeHonoured() {
        KernelSelector.Unavailable e = assertThrows(KernelSelector.Unavailable.class,
                () -> KernelSelector.decide(new Facts("amd64", false, true, 0), Mode.VECTOR, ValueRange.DEFAULT));
        assertTrue(e.getMessage().startsWith("randsum.kernel=vector cannot be honoured"), e.getMessage());
    }

    @Test
    void forcedVectorRunsWhereAutoWouldNot() throws Exception {
        assertTrue(KernelSelector.decide(new Facts("aarch64", true, false, 128), Mode.VECTOR, ValueRange.DEFAULT).vector());
    }

    @Test
    void forcedScalarRunsScalarEverywhere() throws Exception {
        assertFalse(KernelSelector.decide(AVX512, Mode.SCALAR, ValueRange.DEFAULT).vector());
        assertEquals(ScalarKernel.INSTANCE, KernelSelector.choose(Mode.SCALAR, ValueRange.DEFAULT).kernel());
    }

    @Test
    void modesParseWithoutRegardToCaseAndBlankIsAuto() {
        assertEquals(Mode.AUTO, Mode.parse(null));
        assertEquals(Mode.AUTO, Mode.parse(" "));
        assertEquals(Mode.VECTOR, Mode.parse("Vector"));
        assertEquals(Mode.SCALAR, Mode.parse(" scalar "));
    }

    @Test
    void anyOtherModeIsRefusedNamingTheKeyAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mode.parse("fast"));
        assertEquals("randsum.kernel must be auto, vector or scalar, not 'fast'", e.getMessage());
    }

    /** This JVM was started with the module (the build's argLine); the CPU's flags say what auto must pick. */
    @Test
    void autoPicksTheVectorKernelOnThisAvx512Machine() throws Exception {
        assumeTrue(cpuFlags().contains(" avx512f") && System.getProperty("randsum.vector.bits") == null,
                "an AVX-512 x86-64 machine, as CI's is");
        assertTrue(KernelSelector.thisJvm().moduleReadable());
        KernelSelector.Choice choice = KernelSelector.choose(Mode.AUTO, ValueRange.DEFAULT);
        assertEquals("vector-512", choice.kernel().name());
        assertNull(choice.fallbackReason());
    }

    private static String cpuFlags() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        return Files.exists(cpuinfo) ? Files.readString(cpuinfo).replace('\t', ' ') : "";
    }
}
