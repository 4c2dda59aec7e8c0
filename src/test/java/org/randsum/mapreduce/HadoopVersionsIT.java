package org.randsum.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.randsum.testing.Processes;

/**
 * The one randsum.jar on the plain Hadoop client class path of every supported version, through
 * RunJar in local mode: 3.3.6 (EMR 7.0-7.3), 3.4.0 (7.4-7.7), 3.4.1 (7.8-7.12), 3.4.2 (7.13-7.14)
 * and Apache Hadoop 3.5.0. Hadoop's own commons-cli (1.2, 1.5.0 or 1.9.0) comes first there, which
 * is why randsum's copy is shaded and relocated. The class paths come from the nested build in
 * src/test/hadoop-client.
 */
class HadoopVersionsIT {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "Hadoop {0}")
    @ValueSource(strings = {"3.3.6", "3.4.0", "3.4.1", "3.4.2", "3.5.0"})
    void jarRunsOnThePlainClientClassPath(String version) throws Exception {
        String classpath = Files.readString(Processes.projectDir().resolve("target/hadoop-" + version + "-classpath.txt"))
                .strip();
        assertTrue(classpath.contains("hadoop-common-" + version + ".jar"), classpath);
        Processes.Result result = Processes.run(Processes.runJarCommand(Processes.projectDir().resolve("conf/local"),
                classpath, List.of("-D", "randsum.work.root=" + temp.toUri(), "-n", "1000000", "--seed", "314159",
                        "--min", "-1000000000000", "--max", "1000000000000", "-m", "2", "--json")), Map.of(), 180);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("{\"sum\":\"237924599058213\""), result.out());
    }
}
