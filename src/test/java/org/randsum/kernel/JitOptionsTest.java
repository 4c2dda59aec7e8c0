package org.randsum.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@link KernelSelector#JIT_OPTIONS}: a pattern HotSpot can match, and passed where randsum starts a JVM itself. */
class JitOptionsTest {
    @Test
    void namesTheVectorKernelClassThatExists() throws Exception {
        String pattern = KernelSelector.JIT_OPTIONS.replaceAll(".*CompileThresholdScaling,([^:]+)::\\*,0\\.1$", "$1");
        assertEquals("org.randsum.kernel.vector.VectorKernel", pattern);
        assertEquals(pattern, Class.forName(pattern, false, getClass().getClassLoader()).getName());
    }

    @Test
    void quietComesFirstSoThatStandardOutputStaysTheResults() {
        assertTrue(KernelSelector.JIT_OPTIONS.startsWith("-XX:CompileCommand=quiet "), KernelSelector.JIT_OPTIONS);
    }

    @Test
    void theLauncherScriptPassesTheSameOptions() throws IOException {
        String script = Files.readString(Path.of("scripts/randsum"));
        assertTrue(script.contains("'" + KernelSelector.JIT_OPTIONS.replace(" ", "' '") + "'"),
                "scripts/randsum passes " + KernelSelector.JIT_OPTIONS);
    }
}
