package org.randsum.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.randsum.testing.PhasesJson;
import org.randsum.testing.Chromium;
import org.randsum.testing.Processes;
import org.randsum.testing.ScriptCluster;
import org.randsum.testing.Reference;

/**
 * scripts/cluster as a user runs it: a pseudo-distributed cluster of separate daemon JVMs (NameNode,
 * DataNode, ResourceManager, two NodeManagers, JobHistoryServer), randsum run against it from a
 * second process (scripts/randsum, the RunJar path), the job looked at where a user looks at it (the
 * ResourceManager and JobHistory web UIs in headless Chromium, their REST APIs, `yarn application`
 * and `mapred job`), then stopped, with no process left. Its own ports (CLUSTER_BASE_PORT), state
 * and configuration directories under target/, so a cluster a developer left running is not disturbed.
 */
class ClusterScriptIT {
    private static final ScriptCluster CLUSTER = new ScriptCluster("cluster-script", 20000, Map.of("CLUSTER_MEMORY_MB", "3072"));
    private static final Path CONF = CLUSTER.conf();
    private static final Path STATE = CLUSTER.state();
    /** Ports move by 20000 - 8000: the ResourceManager's web UI on 20088, JobHistory's on 31888. */
    private static final String RM_WEB = CLUSTER.rmWeb();
    private static final String JHS_WEB = CLUSTER.jhsWeb();
    private static final Pattern JOB_ID = Pattern.compile("\"jobId\":\"(job_[0-9]+_[0-9]+)\"");

    private static Processes.Result script(String name, String... args) throws Exception {
        return CLUSTER.script(name, args);
    }

    @AfterAll
    static void stopWhatever() throws Exception {
        script("cluster", "stop");
    }

    private static List<String> clusterProcesses() throws Exception {
        return CLUSTER.processes();
    }

    private static String get(String url) throws IOException, InterruptedException {
        return ScriptCluster.get(url);
    }

    private static String browse(String url, String screenshot) throws Exception {
        return Chromium.browse(url, screenshot, 1000);
    }

    private static String jobIdOf(Processes.Result run) {
        Matcher id = JOB_ID.matcher(run.out());
        assertTrue(id.find(), run.out());
        return id.group(1);
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void startRunLookStop() throws Exception {
        Processes.Result started = script("cluster", "start", "--nodes", "2");
        assertEquals(0, started.exitCode(), started.out() + started.err());
        for (String daemon : List.of("namenode", "datanode", "resourcemanager", "nodemanager1", "nodemanager2",
                "historyserver")) {
            assertTrue(Pattern.compile("(?m)^  " + daemon + " +running \\(pid [0-9]+\\) +http://localhost:[0-9]+/")
                    .matcher(started.out()).find(), daemon + " in: " + started.out());
        }
        assertTrue(started.out().contains("HDFS             hdfs://localhost:" + CLUSTER.port(8020)), started.out());
        // Not a lab (start --lab): no cgroup, no second queue, no per-node CPU shown.
        assertFalse(Files.exists(STATE.resolve("cgroup")) || started.out().contains(" CPU") || started.out().contains("queues"),
                started.out());
        List<String> daemons = clusterProcesses();
        assertEquals(6, daemons.size(), "one JVM per daemon: " + daemons);
        // A client configuration as an edge node has it: the framework in mapred-site.xml only.
        assertTrue(Files.readString(CONF.resolve("mapred-site.xml")).contains("mapreduce.framework.name"));
        assertFalse(Files.readString(CONF.resolve("core-site.xml")).contains("mapreduce.framework.name"));
        assertTrue(get(RM_WEB + "/ws/v1/cluster/metrics").contains("\"activeNodes\":2"), "two live NodeManagers");

        // 5e9 values, all 7s (a total known without the code under test): two maps' worth, planned
        // from the ResourceManager's two nodes.
        long n = 5_000_000_000L;
        Processes.Result run = script("randsum", "-n", Long.toString(n), "--seed", "42", "--min", "7", "--max", "7",
                "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"sum\":\"" + 7 * n + "\""), run.out());
        assertTrue(run.err().contains("randsum: summing " + n + " values in 2 maps x 1 thread, seed 42"), run.err());
        // Where the time went, from the job's history: phases that add up to the wall, both maps in them.
        var phases = PhasesJson.assertAddUpToTheWall(run.out(), PhasesJson.YARN);
        assertTrue(phases.path("mapSlots").asInt() >= 2, run.out());
        assertTrue(phases.path("summingSeconds").asDouble() > 0, run.out());
        assertTrue(run.err().contains("randsum: phases of "), run.err());
        Matcher id = JOB_ID.matcher(run.out());
        assertTrue(id.find(), run.out());
        String jobId = id.group(1);
        assertFalse(jobId.startsWith("job_local"), jobId);
        String appId = jobId.replace("job_", "application_");

        // The REST APIs.
        String app = get(RM_WEB + "/ws/v1/cluster/apps/" + appId);
        assertTrue(app.contains("\"state\":\"FINISHED\"") && app.contains("\"finalStatus\":\"SUCCEEDED\""), app);
        String counters = get(JHS_WEB + "/ws/v1/history/mapreduce/jobs/" + jobId + "/counters");
        assertTrue(counters.contains("org.randsum.mapreduce.RandSumCounter"), counters);

        // The web UIs, in a real browser.
        String apps = text(browse(RM_WEB + "/cluster/apps", "resourcemanager-apps.png"));
        assertTrue(apps.contains(appId) && apps.contains(" FINISHED ") && apps.contains(" SUCCEEDED "), apps);
        String job = text(browse(JHS_WEB + "/jobhistory/job/" + jobId, "jobhistory-job.png"));
        assertTrue(job.contains(jobId) && job.contains("SUCCEEDED"), job);
        String jobCounters = text(browse(JHS_WEB + "/jobhistory/jobcounters/" + jobId, "jobhistory-counters.png"));
        assertTrue(jobCounters.contains("Values summed 5,000,000,000"), jobCounters);
        assertTrue(jobCounters.contains("randsum: maps per kernel"), jobCounters);

        // What a user types: yarn application, mapred job.
        Processes.Result yarnApps = script("hadoop-cli", "yarn", "application", "-list", "-appStates", "ALL");
        assertEquals(0, yarnApps.exitCode(), yarnApps.err());
        assertTrue(yarnApps.out().contains(appId) && yarnApps.out().contains("SUCCEEDED"), yarnApps.out());
        Processes.Result status = script("hadoop-cli", "mapred", "job", "-status", jobId);
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("Job state: SUCCEEDED") && status.out().contains("VALUES=5000000000"),
                status.out());
        assertTrue(script("cluster", "apps").out().contains(appId));

        // A small job runs in uber mode, the vector kernel included (the AM got the module); it can be turned off.
        Processes.Result small = script("randsum", "-n", "1000000", "--seed", "42", "--json");
        assertEquals(0, small.exitCode(), small.err());
        assertTrue(small.out().startsWith("{\"sum\":\"" + Reference.total(42, 1_000_000, 0, Integer.MAX_VALUE) + "\""),
                small.out());
        assertTrue(small.err().contains("values in 1 map x 1 thread (uber mode: in the application master;"), small.err());
        assertTrue(get(JHS_WEB + "/ws/v1/history/mapreduce/jobs/" + jobIdOf(small)).contains("\"uberized\":true"));
        if (Files.readString(Path.of("/proc/cpuinfo")).contains("avx512f")) {
            assertTrue(small.out().contains("\"kernel\":\"vector-512\""), small.out());
        }
        Processes.Result notUber = script("randsum", "-D", "mapreduce.job.ubertask.enable=false", "-n", "1000000",
                "--seed", "42", "--json");
        assertEquals(0, notUber.exitCode(), notUber.err());
        assertFalse(notUber.err().contains("(uber mode"), notUber.err());
        assertTrue(get(JHS_WEB + "/ws/v1/history/mapreduce/jobs/" + jobIdOf(notUber)).contains("\"uberized\":false"));

        Processes.Result stopped = script("cluster", "stop");
        assertEquals(0, stopped.exitCode(), stopped.err());
        assertEquals(List.of(), clusterProcesses(), "processes left behind");
        assertFalse(Files.exists(CONF), "client configuration removed");
        assertEquals(3, script("cluster", "status").exitCode());
    }
}
