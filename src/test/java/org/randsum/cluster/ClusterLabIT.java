package org.randsum.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.randsum.testing.PhasesJson;
import org.randsum.testing.Processes;
import org.randsum.testing.ScriptCluster;

/**
 * scripts/cluster as a lab of uneven nodes: three NodeManagers of one vcore, each in a cgroup of its
 * own CPU; one of them made 4 times slower with `slow` while a job runs, then lost with `lose`.
 * Proved from the cgroup files (members, quota, throttling counters), from where each attempt ran
 * and how long it took (JobHistory REST), from the ResourceManager's view (queues, LOST), and by the
 * job's exact total; the run's phases and timeline page checked against its history; then the
 * planner's own plan of several waves run on the same uneven nodes, its total exact. Needs root and a
 * cgroup cpu controller (v1 or v2); skips without them. Its own ports and directories under
 * target/cluster-lab, beside ClusterScriptIT's and a developer's cluster.
 */
class ClusterLabIT {
    /** Ports move by 22000 - 8000: the ResourceManager's web UI on 22088, JobHistory's on 33888. */
    private static final ScriptCluster CLUSTER = new ScriptCluster("cluster-lab", 22000, Map.of("CLUSTER_VCORES", "1"));
    private static final Path BASE = CLUSTER.base();
    private static final Path STATE = CLUSTER.state();
    /** The job's stdout and stderr, kept after the test. */
    static final Path JOB_OUT = BASE.resolve("job.out");
    static final Path JOB_ERR = BASE.resolve("job.err");
    /** The job's timeline page, kept after the test. */
    static final Path TIMELINE = BASE.resolve("timeline.html");
    private static final Pattern PAGE_ATTEMPT = Pattern.compile("data-attempt=\"([^\"]+)\"[^>]* data-state=\"([A-Z]+)\"");
    private static final Pattern PAGE_MASTER = Pattern.compile("data-am=\"([0-9]+)\"");
    private static final String RM_WEB = CLUSTER.rmWeb();
    private static final String JHS_WEB = CLUSTER.jhsWeb();
    private static final int NODES = 3;
    /**
     * Each node's CPU. One, so that a map starts in seconds (a task JVM's start is CPU-bound): the
     * two fast nodes' maps share this machine's cores, while the slowed node's 0.25 CPU binds.
     */
    private static final double CPUS = 1.0;
    private static final Pattern JOB_ID = Pattern.compile("\"jobId\":\"(job_[0-9]+_[0-9]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Processes.Result script(String name, String... args) throws Exception {
        return CLUSTER.script(name, args);
    }

    /** The job's client, so that a failed test does not leave it behind. */
    private static Processes.Running jobClient;

    @AfterAll
    static void stopWhatever() throws Exception {
        if (jobClient != null && jobClient.isAlive()) {
            jobClient.kill();
        }
        if (Files.isDirectory(STATE)) {
            script("cluster", "stop");
        }
    }

    /** The cgroup v1 cpu hierarchy's mount, or cgroup2's when it offers cpu; null when neither does. */
    private static String cpuControllerKind() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            if (f[2].equals("cgroup") && List.of(f[3].split(",")).contains("cpu")) {
                return "v1";
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            Path controllers = Path.of(f[1], "cgroup.controllers");
            if (f[2].equals("cgroup2") && Files.isReadable(controllers)
                    && List.of(Files.readString(controllers).trim().split(" ")).contains("cpu")) {
                return "v2";
            }
        }
        return null;
    }

    private static boolean root() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(ScriptCluster.get(url));
    }

    /** Node i's NodeManager web address, as the REST APIs name it. */
    private static String nodeWeb(int node) {
        return "localhost:" + CLUSTER.port(8042 + (node - 1) * 100);
    }

    /** The quota over the period (v1: cfs_quota_us, cfs_period_us; v2: cpu.max). */
    private static long[] quotaAndPeriod(String kind, Path group) throws IOException {
        if (kind.equals("v1")) {
            return new long[] {Long.parseLong(Files.readString(group.resolve("cpu.cfs_quota_us")).trim()),
                    Long.parseLong(Files.readString(group.resolve("cpu.cfs_period_us")).trim())};
        }
        String[] max = Files.readString(group.resolve("cpu.max")).trim().split(" ");
        return new long[] {Long.parseLong(max[0]), Long.parseLong(max[1])};
    }

    /** cpu.stat's counters: nr_throttled, and the time throttled in µs (v1's throttled_time is in ns). */
    private static long[] throttling(String kind, Path group) throws IOException {
        Map<String, Long> stat = new HashMap<>();
        for (String line : Files.readAllLines(group.resolve("cpu.stat"))) {
            String[] f = line.split(" ");
            stat.put(f[0], Long.parseLong(f[1]));
        }
        return kind.equals("v1") ? new long[] {stat.get("nr_throttled"), stat.get("throttled_time") / 1000}
                : new long[] {stat.get("nr_throttled"), stat.get("throttled_usec")};
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }

    private static List<String> clusterProcesses() throws Exception {
        return CLUSTER.processes();
    }

    @Test
    void unevenNodes() throws Exception {
        assumeTrue(root(), "per-node CPU needs root (cgroups); scripts/cluster's lab is not tested");
        String kind = cpuControllerKind();
        assumeTrue(kind != null, "no cgroup cpu controller (v1 or v2) on this machine; scripts/cluster's lab is not tested");

        Processes.Result started = script("cluster", "start", "--lab", "--nodes", Integer.toString(NODES),
                "--cpu", Double.toString(CPUS));
        assertEquals(0, started.exitCode(), started.out() + started.err());
        double cpus = CPUS;
        String cpusShown = String.format(Locale.ROOT, "%.2f CPU", cpus);
        Path group = Path.of(Files.readString(STATE.resolve("cgroup")).trim());
        assertTrue(group.getFileName().toString().matches("randsum-cluster-[0-9a-f]{10}"), group.toString());
        for (int node = 1; node <= NODES; node++) {
            assertTrue(Pattern.compile("(?m)^  nodemanager" + node + " +running \\(pid [0-9]+\\) +http://localhost:[0-9]+/node  "
                    + Pattern.quote(cpusShown) + "$").matcher(started.out()).find(), started.out());
            String pid = Files.readString(STATE.resolve("pids/nodemanager" + node + ".pid")).trim();
            assertTrue(lines(group.resolve("nodemanager" + node + "/cgroup.procs")).contains(pid),
                    "nodemanager" + node + " (pid " + pid + ") in its group");
            long[] qp = quotaAndPeriod(kind, group.resolve("nodemanager" + node));
            assertEquals(Math.round(cpus * qp[1]), qp[0], "nodemanager" + node + "'s quota");
        }

        // The queues as the ResourceManager has them: default may take the whole cluster, half never
        // more than half of it.
        Map<String, JsonNode> queues = new HashMap<>();
        get(RM_WEB + "/ws/v1/cluster/scheduler").at("/scheduler/schedulerInfo/queues/queue")
                .forEach(queue -> queues.put(queue.get("queueName").asText(), queue));
        assertEquals(List.of(50.0, 100.0, 2.0), List.of(queues.get("default").get("capacity").asDouble(),
                queues.get("default").get("maxCapacity").asDouble(), queues.get("default").get("userLimitFactor").asDouble()));
        assertEquals(List.of(50.0, 50.0), List.of(queues.get("half").get("capacity").asDouble(),
                queues.get("half").get("maxCapacity").asDouble()));

        // A job of two maps on three one-vcore nodes: its application master takes one node, a map
        // each of the others. Once the AM's node is known, another node is made 4 times slower
        // (before the maps start: the AM takes seconds to start).
        long n = 3_000_000_000L;
        ProcessBuilder job = new ProcessBuilder(CLUSTER.command("randsum", "-D", "mapreduce.job.ubertask.enable=false",
                "-D", "mapreduce.map.speculative=false", "-n", Long.toString(n), "--seed", "7", "-t", "1", "-m", "2",
                "--min", "7", "--max", "7", "--json", "--timeline", TIMELINE.toString()));
        job.environment().putAll(CLUSTER.env());
        job.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Processes.Running running = Processes.start(job, JOB_OUT, JOB_ERR);
        jobClient = running;
        String amNode = null;
        for (int i = 0; i < 480 && amNode == null && running.isAlive(); i++) {
            JsonNode apps = get(RM_WEB + "/ws/v1/cluster/apps").at("/apps/app");
            if (apps.isArray() && apps.size() == 1 && apps.get(0).hasNonNull("amHostHttpAddress")) {
                amNode = apps.get(0).get("amHostHttpAddress").asText();
            }
            Thread.sleep(250);
        }
        assertTrue(amNode != null, "the job's AM never got a node: " + running.err());
        int slow = amNode.equals(nodeWeb(1)) ? 2 : 1;
        Processes.Result slowed = script("cluster", "slow", Integer.toString(slow), "4");
        assertEquals(0, slowed.exitCode(), slowed.err());
        Path slowGroup = group.resolve("nodemanager" + slow);
        double slowCpus = Double.parseDouble(String.format(Locale.ROOT, "%.4f", cpus / 4));
        long[] qp = quotaAndPeriod(kind, slowGroup);
        assertEquals(Math.round(slowCpus * qp[1]), qp[0], "the slowed node's quota: " + slowed.out());
        assertTrue(slowed.out().matches("(?s)cluster: nodemanager" + slow + "  [0-9.]+ CPU \\(slowed 4x\\)\n"), slowed.out());
        long[] throttledBefore = throttling(kind, slowGroup);
        int mostInSlowGroup = 0;
        while (running.isAlive()) {
            mostInSlowGroup = Math.max(mostInSlowGroup, lines(slowGroup.resolve("cgroup.procs")).size());
            Thread.sleep(500);
        }
        Processes.Result run = running.finish(Duration.ofSeconds(1));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"sum\":\"" + 7 * n + "\""), run.out());
        Matcher id = JOB_ID.matcher(run.out());
        assertTrue(id.find(), run.out());
        String jobId = id.group(1);
        assertTrue(mostInSlowGroup > 1, "a container beside the NodeManager in the slowed node's group");
        long[] throttledAfter = throttling(kind, slowGroup);
        assertTrue(throttledAfter[0] > throttledBefore[0], "the slowed node was throttled: nr_throttled "
                + throttledBefore[0] + " -> " + throttledAfter[0]);
        assertTrue(throttledAfter[1] - throttledBefore[1] > 5_000_000, "throttled for more than 5 s: "
                + throttledBefore[1] + " -> " + throttledAfter[1] + " µs");

        // Where the time went: phases that add up to the wall (the client's elapsed time), within the
        // milliseconds they are rounded to.
        PhasesJson.assertAddUpToTheWall(run.out(), PhasesJson.YARN);
        assertTrue(run.err().contains("randsum: phases of "), run.err());

        // Where each map ran, and for how long: one on the slowed node, at least twice as long as the
        // fastest of the others (4x less CPU).
        String tasks = JHS_WEB + "/ws/v1/history/mapreduce/jobs/" + jobId + "/tasks";
        long slowMap = -1;
        long fastestOther = Long.MAX_VALUE;
        List<String> attempts = new ArrayList<>();
        for (JsonNode task : get(tasks + "?type=m").at("/tasks/task")) {
            for (JsonNode attempt : get(tasks + "/" + task.get("id").asText() + "/attempts").at("/taskAttempts/taskAttempt")) {
                String node = attempt.get("nodeHttpAddress").asText();
                long elapsed = attempt.get("elapsedTime").asLong();
                attempts.add(attempt.get("id").asText() + " " + attempt.get("state").asText() + " " + node + " " + elapsed + " ms");
                assertEquals("SUCCEEDED", attempt.get("state").asText(), attempts.toString());
                if (node.equals(nodeWeb(slow))) {
                    slowMap = elapsed;
                } else {
                    fastestOther = Math.min(fastestOther, elapsed);
                }
            }
        }
        System.out.println("ClusterLabIT: node " + slow + " slowed 4x (AM on " + amNode + "), throttled "
                + (throttledAfter[1] - throttledBefore[1]) / 1000 + " ms; map attempts: " + attempts);
        assertEquals(2, attempts.size(), attempts.toString());
        assertTrue(slowMap > 0, "a map ran on the slowed node " + nodeWeb(slow) + ": " + attempts);
        assertTrue(slowMap > 2 * fastestOther, "the slowed node's map took more than twice as long: " + attempts);

        // The timeline page has every attempt the history has, each once and in its state (maps and
        // the reduce), and the job's application master attempts.
        Map<String, String> historyAttempts = new HashMap<>();
        for (String type : List.of("m", "r")) {
            for (JsonNode task : get(tasks + "?type=" + type).at("/tasks/task")) {
                for (JsonNode attempt : get(tasks + "/" + task.get("id").asText() + "/attempts").at("/taskAttempts/taskAttempt")) {
                    historyAttempts.put(attempt.get("id").asText(), attempt.get("state").asText());
                }
            }
        }
        String page = Files.readString(TIMELINE);
        Map<String, String> pageAttempts = new HashMap<>();
        Matcher bar = PAGE_ATTEMPT.matcher(page);
        while (bar.find()) {
            assertEquals(null, pageAttempts.put(bar.group(1), bar.group(2)), "drawn twice: " + bar.group(1));
        }
        assertEquals(3, historyAttempts.size(), historyAttempts.toString());
        assertEquals(historyAttempts, pageAttempts, "the timeline's attempts against JobHistory's");
        int masters = get(JHS_WEB + "/ws/v1/history/mapreduce/jobs/" + jobId + "/jobattempts").at("/jobAttempts/jobAttempt").size();
        assertEquals(masters, PAGE_MASTER.matcher(page).results().count(), "the application master's attempts");

        // The planner's own plan on the uneven lab, the node still slowed: with a stated map start of
        // 0.05 s the summing outweighs it, so the two slots get three waves of equal maps (the planner's
        // rule: 1 + floor(0.05 (s + S) / s) waves, S = 1.5e10 values x 0.131 ns), and the total is exact.
        long planned = 30_000_000_000L;
        ProcessBuilder waves = new ProcessBuilder(CLUSTER.command("randsum", "-D", "mapreduce.job.ubertask.enable=false",
                "-D", "randsum.map.start.seconds=0.05", "-n", "3e10", "--seed", "7", "-t", "1",
                "--min", "7", "--max", "7", "--json"));
        waves.environment().putAll(CLUSTER.env());
        waves.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        long wavesStarted = System.nanoTime();
        jobClient = Processes.start(waves, BASE.resolve("waves.out"), BASE.resolve("waves.err"));
        Processes.Result wavesRun = jobClient.finish(Duration.ofMinutes(5));
        long wavesSeconds = (System.nanoTime() - wavesStarted) / 1_000_000_000L;
        assertEquals(0, wavesRun.exitCode(), wavesRun.err());
        assertTrue(wavesRun.err().contains("randsum: summing " + planned + " values in 6 maps x 1 thread (3 waves of 2), seed 7"),
                wavesRun.err());
        assertTrue(wavesRun.out().startsWith("{\"sum\":\"" + 7 * planned + "\""), wavesRun.out());
        Matcher wavesId = JOB_ID.matcher(wavesRun.out());
        assertTrue(wavesId.find(), wavesRun.out());
        List<String> wavesTasks = new ArrayList<>();
        for (JsonNode task : get(JHS_WEB + "/ws/v1/history/mapreduce/jobs/" + wavesId.group(1) + "/tasks?type=m").at("/tasks/task")) {
            wavesTasks.add(task.get("state").asText());
        }
        assertEquals(Collections.nCopies(6, "SUCCEEDED"), wavesTasks, "the planned job's maps");
        System.out.println("ClusterLabIT: 6 maps in 3 waves of 2, node " + slow + " slowed, " + wavesSeconds + " s");

        // The slowed node lost now, so that the ResourceManager's 12 s without a heartbeat run while
        // the cluster is checked: its NodeManager and containers killed.
        Processes.Result lost = script("cluster", "lose", Integer.toString(slow));
        assertEquals(0, lost.exitCode(), lost.err());
        long lostAt = System.nanoTime();

        // The slowed node lost: the ResourceManager declares it LOST after its 12 s without a heartbeat.
        String lostNode = null;
        while (lostNode == null && System.nanoTime() - lostAt < 40_000_000_000L) {
            JsonNode nodes = get(RM_WEB + "/ws/v1/cluster/nodes?states=LOST").at("/nodes/node");
            if (nodes.isArray() && nodes.size() > 0) {
                lostNode = nodes.get(0).get("id").asText(); // a LOST node's web address is blank
            }
            Thread.sleep(500);
        }
        assertEquals("localhost:" + CLUSTER.port(8041 + (slow - 1) * 100), lostNode,
                "the lost node, as the ResourceManager has it");
        assertEquals(List.of(), lines(slowGroup.resolve("cgroup.procs")), "nothing left in the lost node's group");
        Processes.Result status = script("cluster", "status");
        assertTrue(Pattern.compile("(?m)^  nodemanager" + slow + " +LOST").matcher(status.out()).find(), status.out());

        Processes.Result stopped = script("cluster", "stop");
        assertEquals(0, stopped.exitCode(), stopped.err());
        assertFalse(Files.exists(group), "cgroup " + group + " removed");
        assertEquals(List.of(), clusterProcesses(), "processes left behind");
        assertEquals(3, script("cluster", "status").exitCode());
    }
}
