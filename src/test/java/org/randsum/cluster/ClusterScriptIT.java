package org.randsum.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.randsum.testing.Processes;
import org.randsum.testing.Reference;

/**
 * scripts/cluster as a user runs it: start a single-node HDFS + YARN cluster, run randsum against
 * it from a second process (scripts/randsum, the RunJar path), stop it, and find no process left.
 * Its own ports, state and configuration directories (under target/), so a cluster a developer
 * left running is not disturbed.
 */
class ClusterScriptIT {
    private static final java.nio.file.Path CONF = Processes.projectDir().resolve("target/cluster-script/conf");
    private static final Map<String, String> PORTS = Map.of("CLUSTER_NN_PORT", "18020", "CLUSTER_RM_PORT", "18032",
            "CLUSTER_JHS_PORT", "18030", "CLUSTER_WEB_PORT", "18088", "CLUSTER_MEMORY_MB", "4096",
            "CLUSTER_STATE_DIR", Processes.projectDir().resolve("target/cluster-script/state").toString(),
            "CLUSTER_CONF_DIR", CONF.toString());

    private static Processes.Result script(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Processes.projectDir().resolve("scripts/cluster").toString()));
        command.addAll(List.of(args));
        return Processes.run(command, PORTS, 240);
    }

    @AfterAll
    static void stopWhatever() throws Exception {
        script("stop");
    }

    private static long clusterProcesses() throws Exception {
        Processes.Result ps = Processes.run(List.of("ps", "-eo", "args"), Map.of(), 30);
        return ps.out().lines().filter(line -> line.contains("MiniHadoopClusterManager") || line.contains("YarnChild")
                || line.contains("MRAppMaster")).count();
    }

    @Test
    void startRunStop() throws Exception {
        Processes.Result started = script("start");
        assertEquals(0, started.exitCode(), started.out() + started.err());
        assertTrue(started.out().contains("HDFS              hdfs://localhost:18020"), started.out());
        assertTrue(Files.exists(CONF.resolve("mapred-site.xml")));

        Processes.Result run = Processes.run(List.of(Processes.projectDir().resolve("scripts/randsum").toString(),
                "-n", "1000", "--seed", "42", "-m", "2", "-t", "1", "--json"),
                Map.of("RANDSUM_CONF_DIR", CONF.toString()), 240);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"sum\":\"" + Reference.total(42, 1000, 0, Integer.MAX_VALUE) + "\""),
                run.out());
        assertFalse(run.out().contains("job_local"), "ran on the cluster's YARN: " + run.out());

        Processes.Result apps = script("apps");
        assertTrue(apps.out().contains("SUCCEEDED"), apps.out() + apps.err());

        Processes.Result stopped = script("stop");
        assertEquals(0, stopped.exitCode(), stopped.err());
        assertEquals(0, clusterProcesses(), "processes left behind");
        assertFalse(Files.exists(CONF), "client configuration removed");
        assertEquals(3, script("status").exitCode());
    }
}
