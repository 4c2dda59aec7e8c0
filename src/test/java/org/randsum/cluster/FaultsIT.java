package org.randsum.cluster;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.mapred.TIPStatus;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.TaskReport;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.TypeConverter;
import org.apache.hadoop.yarn.api.records.ApplicationAttemptReport;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerReport;
import org.apache.hadoop.yarn.api.records.ContainerState;
import org.apache.hadoop.yarn.api.records.NodeId;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.SignalContainerCommand;
import org.apache.hadoop.yarn.api.records.YarnApplicationAttemptState;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.server.nodemanager.NodeManager;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.SchedulerUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.randsum.cli.Settings;
import org.randsum.mapreduce.task.FaultyMappers.SlowFirstAttempt;
import org.randsum.testing.DriverRun.Outcome;
import org.randsum.testing.DriverRun;
import org.randsum.testing.MiniCluster;
import org.randsum.testing.Processes;

/**
 * The faults of a real cluster, on a minicluster of two NodeManagers: a node lost while its maps
 * run, the application master's first attempt killed, a speculative duplicate, several randsum
 * processes at once on one work root. Each test proves from YARN's and the job's own records that
 * its fault happened before it checks the total against the contract's reference values
 * (docs/contract.md). Uber mode is off in every job, as a user turns it off: an uber task has one
 * attempt and no speculation. The node-loss test runs last, since the cluster has one node after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    /** The contract's reference total for seed 42, n 1e6, the default range. */
    private static final String SEED_42_MILLION = "1074171186439830";
    private static final long WAIT_MILLIS = TimeUnit.SECONDS.toMillis(120);
    private static final int NODE_MANAGERS = 2;

    private static MiniCluster cluster;
    /** The drivers a test started in the background: each ends before the next test. */
    private static final List<FutureTask<Outcome>> drivers = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = MiniCluster.start("randsum-faults", NODE_MANAGERS, Map.ofEntries(
                // Nodes of 4 vcores: beside the AM (1 vcore) a node holds one map of -t 2, so the maps
                // of a job spread over both nodes.
                entry("yarn.nodemanager.resource.memory-mb", "4096"),
                entry("yarn.nodemanager.resource.cpu-vcores", "4"),
                // Several application masters at once; the default (a tenth of the cluster) allows one.
                entry("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5"),
                // A node that stops heartbeating is LOST after 6 s, not 10 minutes; a silent AM after 30 s.
                entry("yarn.resourcemanager.nodemanagers.heartbeat-interval-ms", "500"),
                entry("yarn.nm.liveness-monitor.expiry-interval-ms", "6000"),
                entry("yarn.resourcemanager.nm.liveness-monitor.interval-ms", "1000"),
                entry("yarn.am.liveness-monitor.expiry-interval-ms", "30000"),
                // The AM gives up on a dead node's containers after seconds, not 3 minutes.
                entry("yarn.client.nodemanager-connect.max-wait-ms", "5000"),
                entry("yarn.client.nodemanager-connect.retry-interval-ms", "1000"),
                // Maps tell the AM their progress twice a second, not every 6 s (1% of the task timeout).
                entry("mapreduce.task.progress-report.interval", "500"),
                // A second application-master attempt, on both sides (YARN's limit and the job's).
                entry("yarn.resourcemanager.am.max-attempts", "2"),
                entry("mapreduce.am.max-attempts", "2")));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void noDriverRunsOnAndNoWorkDirectoryIsLeft() throws InterruptedException, IOException {
        for (FutureTask<Outcome> driver : drivers) {
            try {
                finish(driver);
            } catch (ExecutionException | TimeoutException e) {
                // The test that started it has failed already; its work directory is checked below.
            }
        }
        drivers.clear();
        assertEquals(List.of(), cluster.leftIn(MiniCluster.WORK_ROOT), "work directories left on HDFS");
    }

    /**
     * The driver's arguments: uber mode off as a user turns it off (the driver would otherwise run a
     * job this small inside its AM), then {@code args}.
     */
    private static String[] noUber(String... args) {
        List<String> all = new ArrayList<>(List.of("-D", "mapreduce.job.ubertask.enable=false"));
        all.addAll(Arrays.asList(args));
        return all.toArray(String[]::new);
    }

    /** Maps that pause {@code pauseMillis} before each chunk of {@code chunkValues} on their first attempt. */
    private static Configuration slowFirstAttempts(long chunkValues, long pauseMillis) {
        Configuration conf = new Configuration(cluster.conf());
        conf.setLong(Settings.CHUNK_VALUES, chunkValues);
        conf.setLong(SlowFirstAttempt.PAUSE_MILLIS, pauseMillis);
        return conf;
    }

    private static Outcome finish(FutureTask<Outcome> driver)
            throws InterruptedException, ExecutionException, TimeoutException {
        return driver.get(WAIT_MILLIS * 2, TimeUnit.MILLISECONDS);
    }

    /** The applications the cluster knows now, in any state. */
    private static Set<ApplicationId> applications(YarnClient client) throws Exception {
        Set<ApplicationId> ids = new HashSet<>();
        for (ApplicationReport app : client.getApplications()) {
            ids.add(app.getApplicationId());
        }
        return ids;
    }

    /** A driver running in a thread of its own, and its application and job, which run on the cluster. */
    private record Started(FutureTask<Outcome> driver, ApplicationId app, Job job) {
    }

    /**
     * Starts the driver in a thread of its own, so the test can act on its job while it runs, and
     * waits for its application to run: the one running application that was not there before (an
     * earlier test's may still be finishing).
     */
    private static Started startDriver(YarnClient client, Configuration conf, String... args) throws Exception {
        Set<ApplicationId> before = applications(client);
        FutureTask<Outcome> driver = new FutureTask<>(() -> DriverRun.run(conf, SlowFirstAttempt.class, true, args));
        Thread thread = new Thread(driver, "randsum-driver");
        thread.setDaemon(true);
        thread.start();
        drivers.add(driver);
        ApplicationId app = await("the driver's application to run", () -> {
            assertFalse(driver.isDone(), "the driver ended before its job ran");
            return client.getApplications(EnumSet.of(YarnApplicationState.RUNNING)).stream()
                    .map(ApplicationReport::getApplicationId).filter(id -> !before.contains(id))
                    .findFirst().orElse(null);
        });
        return new Started(driver, app, jobOf(app));
    }

    private static Job jobOf(ApplicationId app) throws IOException, InterruptedException {
        return cluster.job(TypeConverter.fromYarn(app).toString());
    }

    /** Polls {@code probe} until it gives a value, for at most two minutes. */
    private static <T> T await(String what, Probe<T> probe) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited " + WAIT_MILLIS + " ms for " + what);
    }

    @FunctionalInterface
    private interface Probe<T> {
        T get() throws Exception;
    }

    private static List<TaskReport> maps(Job job) throws IOException, InterruptedException {
        return List.of(job.getTaskReports(TaskType.MAP));
    }

    /** Map task {@code index}'s report, or null before the job has its tasks. */
    private static TaskReport mapTask(Job job, int index) throws IOException, InterruptedException {
        return maps(job).stream().filter(map -> map.getTaskID().getId() == index).findFirst().orElse(null);
    }

    private static List<TaskCompletionEvent> events(Job job, TaskCompletionEvent.Status status)
            throws IOException, InterruptedException {
        List<TaskCompletionEvent> matching = new ArrayList<>();
        for (TaskCompletionEvent event : job.getTaskCompletionEvents(0, 1000)) {
            if (event.getStatus() == status) {
                matching.add(event);
            }
        }
        return matching;
    }

    private static String diagnostics(Job job, TaskAttemptID attempt) throws IOException, InterruptedException {
        return String.join("\n", job.getTaskDiagnostics(attempt));
    }

    /**
     * One slow map among fast ones: once the fast maps have set the pace, the speculator starts a
     * second attempt of the slow one beside it, which finishes first; the output holds one partial
     * of that map. The slow attempt pauses 5 s before each of its 10 chunks: the duplicate needs a
     * container and a JVM (several seconds on a loaded 2-core machine) and must still win, however
     * late the speculator starts it (with 2 s pauses the original once finished first, in CI).
     */
    @Test
    void speculativeDuplicateOfASlowMapRunsAndTheTotalCountsEachValueOnce() throws Exception {
        Configuration conf = slowFirstAttempts(25_000, 5000);
        conf.set(SlowFirstAttempt.SLOW_TASKS, "0");
        conf.setBoolean("mapreduce.map.speculative", true);
        conf.setLong("mapreduce.job.speculative.retry-after-no-speculate", 500);
        Started run;
        TaskReport bothRunning;
        try (YarnClient client = cluster.yarnClient()) {
            run = startDriver(client, conf, noUber("-n", "1000000", "--seed", "42", "-m", "4", "-t", "1", "--json"));
            bothRunning = await("two attempts of the slow map running at once", () -> {
                assertFalse(run.driver().isDone(), "the job ended with no second attempt of the slow map");
                return whenTrue(mapTask(run.job(), 0), map -> map.getRunningTaskAttemptIds().size() == 2);
            });
        }
        TaskAttemptID original = new TaskAttemptID(bothRunning.getTaskID(), 0);
        TaskAttemptID duplicate = new TaskAttemptID(bothRunning.getTaskID(), 1);
        // The report's ids are the old API's subclass, which equals() tells apart: compare the names.
        assertEquals(Set.of(original.toString(), duplicate.toString()), bothRunning.getRunningTaskAttemptIds()
                .stream().map(TaskAttemptID::toString).collect(Collectors.toSet()));
        Outcome outcome = finish(run.driver());
        assertEquals(0, outcome.exitCode(), outcome.err());
        Job job = cluster.job(outcome.jobId());
        assertFalse(job.isUber(), "ran in containers, not uberized");
        assertEquals(duplicate.toString(), mapTask(job, 0).getSuccessfulTaskAttemptId().toString(),
                "the duplicate finished first");
        assertEquals(0, job.getCounters().findCounter(JobCounter.NUM_FAILED_MAPS).getValue(),
                "the second attempt came from the speculator, not from a failure");

        assertEquals(SEED_42_MILLION, outcome.sum());
    }

    /**
     * The application master killed (SIGKILL, as YARN's {@code container -signal} sends it) after
     * one map has finished and while two others run: YARN starts a second attempt, which recovers
     * the finished map from the first one's history and runs the other two again, and each value is
     * counted once.
     */
    @Test
    void killedApplicationMasterIsRestartedAndRecoversWithEachValueCountedOnce() throws Exception {
        Configuration conf = slowFirstAttempts(40_000, 1500);
        conf.set(SlowFirstAttempt.SLOW_TASKS, "1,2");
        Started run;
        try (YarnClient client = cluster.yarnClient()) {
            run = startDriver(client, conf, noUber("-n", "1000000", "--seed", "42", "-m", "3", "-t", "1", "--json"));
            ApplicationId app = run.app();
            await("map 0 done while maps 1 and 2 run", () -> whenTrue(maps(run.job()), maps -> maps.size() == 3
                    && maps.stream().filter(map -> map.getCurrentStatus() == TIPStatus.COMPLETE)
                            .map(map -> map.getTaskID().getId()).toList().equals(List.of(0))));
            ApplicationAttemptReport first = client.getApplicationAttemptReport(
                    client.getApplicationReport(app).getCurrentApplicationAttemptId());
            assertEquals(1, first.getApplicationAttemptId().getAttemptId());
            client.signalToContainer(first.getAMContainerId(), SignalContainerCommand.FORCEFUL_SHUTDOWN);

            ApplicationReport restarted = await("a second application attempt",
                    () -> whenTrue(client.getApplicationReport(app),
                            report -> report.getCurrentApplicationAttemptId().getAttemptId() == 2));
            ApplicationAttemptReport died = client.getApplicationAttemptReport(first.getApplicationAttemptId());
            assertEquals(YarnApplicationAttemptState.FAILED, died.getYarnApplicationAttemptState(),
                    died.getDiagnostics());
            assertTrue(died.getDiagnostics().contains("exitCode: 137"), "killed by SIGKILL: " + died.getDiagnostics());
            assertNotEquals(first.getAMContainerId(), client.getApplicationAttemptReport(
                    restarted.getCurrentApplicationAttemptId()).getAMContainerId(), "a new AM container");
        }
        Outcome outcome = finish(run.driver());
        assertEquals(0, outcome.exitCode(), outcome.err());
        Job job = cluster.job(outcome.jobId());
        assertFalse(job.isUber(), "ran in containers, not uberized");
        for (TaskReport map : maps(job)) {
            int attempt = map.getSuccessfulTaskAttemptId().getId();
            if (map.getTaskID().getId() == 0) {
                assertEquals(0, attempt, "map 0 was recovered from the first AM's attempt, not run again");
            } else {
                assertTrue(attempt >= 1000, "map " + map.getTaskID() + " ran again under the second AM: " + attempt);
            }
        }

        assertEquals(SEED_42_MILLION, outcome.sum());
    }

    /** {@code value} if it is there and meets {@code condition}, else null: a step of {@link #await}. */
    private static <T> T whenTrue(T value, Predicate<T> condition) {
        return value != null && condition.test(value) ? value : null;
    }

    /**
     * Several users' {@code hadoop jar} at once, each a JVM of its own, on one work root that none
     * has made yet: all run on the cluster at the same time, each total is its own reference value
     * (a run that read another's descriptors could not give it), and the root, private (0700)
     * however they raced to make it, is left empty.
     */
    @Test
    void concurrentRunsFromSeparateProcessesOnOneWorkRootAreEachExactAndLeaveNothing() throws Exception {
        String sharedRoot = "/shared-work-root";
        String[][] runs = {
            // seed, n, min, max, the contract's reference total
            {"42", "1000000", "0", "2147483647", SEED_42_MILLION},
            {"314159", "1000000", "-1000000000000", "1000000000000", "237924599058213"},
            {"2024", "1000", "-9223372036854775808", "9223372036854775807", "191621877989071524931"},
        };
        assertFalse(cluster.fileSystem().exists(new org.apache.hadoop.fs.Path(sharedRoot)));
        List<Processes.Running> processes = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            String[] run = runs[i];
            List<String> command = Processes.runJarCommand(cluster.confDir(), Processes.hadoopClasspath(),
                    List.of(noUber("-D", Settings.WORK_ROOT + "=" + sharedRoot, "-n", run[1], "--seed", run[0],
                            "--min", run[2], "--max", run[3], "-m", "2", "-t", "1", "--json")));
            Path logs = cluster.base();
            processes.add(Processes.start(new ProcessBuilder(command), logs.resolve("concurrent-" + i + ".out"),
                    logs.resolve("concurrent-" + i + ".err")));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Processes.Running process : processes) {
            Processes.Result result = process.finish(Duration.ofMinutes(4));
            outcomes.add(new Outcome(result.exitCode(), result.out(), result.err()));
        }
        Set<String> jobIds = new HashSet<>();
        long lastStart = Long.MIN_VALUE;
        long firstFinish = Long.MAX_VALUE;
        try (YarnClient client = cluster.yarnClient()) {
            for (Outcome outcome : outcomes) {
                assertEquals(0, outcome.exitCode(), outcome.err());
                jobIds.add(outcome.jobId());
                assertFalse(cluster.job(outcome.jobId()).isUber(), "ran in containers, not uberized");
                ApplicationReport app = client.getApplicationReport(
                        TypeConverter.toYarn(org.apache.hadoop.mapreduce.JobID.forName(outcome.jobId())).getAppId());
                lastStart = Math.max(lastStart, app.getStartTime());
                firstFinish = Math.min(firstFinish, app.getFinishTime());
            }
        }
        assertEquals(runs.length, jobIds.size(), "one job each: " + jobIds);
        assertTrue(lastStart < firstFinish, "the jobs ran at the same time: the last started "
                + (lastStart - firstFinish) + " ms after the first finished");

        for (int i = 0; i < runs.length; i++) {
            assertEquals(runs[i][4], outcomes.get(i).sum(), "run " + i);
        }
        // However the three raced to create it, the root they made is private.
        assertEquals(new FsPermission((short) 0700),
                cluster.fileSystem().getFileStatus(new org.apache.hadoop.fs.Path(sharedRoot)).getPermission());
        assertEquals(List.of(), cluster.leftIn(sharedRoot), "left in the shared work root");
    }

    /**
     * A NodeManager stops while a map of the job runs on it, away from the AM's node: its containers
     * die with it, and, as a crashed machine, it says nothing (the minicluster's NodeManagers never
     * unregister), so the ResourceManager learns of it from the heartbeats that stop and declares
     * the node LOST. The AM kills the attempts that ran there and runs those maps again on the other
     * node, and the total is exact. Runs last: the cluster has one NodeManager after it.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void nodeManagerLostDuringTheMapPhaseHasItsMapsRunElsewhereAndTheTotalIsExact() throws Exception {
        Configuration conf = slowFirstAttempts(40_000, 1500);
        // The reducer waits for every map, so during the map phase only maps run beside the AM.
        conf.setFloat("mapreduce.job.reduce.slowstart.completedmaps", 1.0f);
        Started run;
        NodeId lost;
        try (YarnClient client = cluster.yarnClient()) {
            run = startDriver(client, conf, noUber("-n", "1000000", "--seed", "42", "-m", "3", "-t", "2", "--json"));
            Job job = run.job();
            await("every map summing its first chunks", () -> whenTrue(maps(job), maps -> maps.size() == 3
                    && maps.stream().allMatch(map -> map.getProgress() > 0
                            && map.getCurrentStatus() == TIPStatus.RUNNING)));
            ContainerReport map = mapContainerAwayFromTheAm(client, run.app());
            lost = map.getAssignedNode();
            NodeManager node = nodeManager(lost);
            assertTrue(node.getNMContext().getContainers().containsKey(map.getContainerId()),
                    "the NodeManager runs the map's container");
            assertTrue(maps(job).stream().noneMatch(task -> task.getCurrentStatus() == TIPStatus.COMPLETE),
                    "still in the map phase");
            node.stop();

            await("the ResourceManager to declare " + lost + " LOST",
                    () -> whenTrue(client.getNodeReports(NodeState.LOST),
                            reports -> reports.stream().map(NodeReport::getNodeId).anyMatch(lost::equals)));
            assertEquals(YarnApplicationState.RUNNING,
                    client.getApplicationReport(run.app()).getYarnApplicationState(),
                    "the node was lost while the job ran");
        }
        Outcome outcome = finish(run.driver());
        assertEquals(0, outcome.exitCode(), outcome.err());
        Job job = cluster.job(outcome.jobId());
        assertFalse(job.isUber(), "ran in containers, not uberized");
        // The ResourceManager's reason for the containers of the one node it declared LOST.
        List<TaskCompletionEvent> killedOnLostNode = new ArrayList<>();
        for (TaskCompletionEvent killed : events(job, TaskCompletionEvent.Status.KILLED)) {
            if (diagnostics(job, killed.getTaskAttemptId()).contains(SchedulerUtils.LOST_CONTAINER)) {
                killedOnLostNode.add(killed);
            }
        }
        assertFalse(killedOnLostNode.isEmpty(), "an attempt was killed for running on the lost node: "
                + events(job, TaskCompletionEvent.Status.KILLED));
        List<TaskCompletionEvent> succeeded = events(job, TaskCompletionEvent.Status.SUCCEEDED);
        for (TaskCompletionEvent killed : killedOnLostNode) {
            TaskCompletionEvent rerun = succeeded.stream()
                    .filter(event -> event.getTaskAttemptId().getTaskID()
                            .equals(killed.getTaskAttemptId().getTaskID()))
                    .findFirst().orElseThrow(() -> new AssertionError("no success of " + killed));
            assertTrue(rerun.getTaskAttemptId().getId() > killed.getTaskAttemptId().getId(),
                    rerun + " after " + killed);
            assertNotEquals(killed.getTaskTrackerHttp(), rerun.getTaskTrackerHttp(), "ran again on the other node");
        }

        assertEquals(SEED_42_MILLION, outcome.sum());
    }

    /** A running container of the application's current attempt on a node other than its AM's. */
    private static ContainerReport mapContainerAwayFromTheAm(YarnClient client, ApplicationId app) throws Exception {
        ApplicationAttemptReport attempt = client.getApplicationAttemptReport(
                client.getApplicationReport(app).getCurrentApplicationAttemptId());
        ContainerId am = attempt.getAMContainerId();
        NodeId amNode = client.getContainerReport(am).getAssignedNode();
        return client.getContainers(attempt.getApplicationAttemptId()).stream()
                .filter(container -> !container.getContainerId().equals(am)
                        && !container.getAssignedNode().equals(amNode)
                        && container.getContainerState() == ContainerState.RUNNING)
                .findFirst().orElseThrow(() -> new AssertionError("no map runs away from the AM's node " + amNode));
    }

    private static NodeManager nodeManager(NodeId id) {
        for (int i = 0; i < NODE_MANAGERS; i++) {
            NodeManager node = cluster.yarn().getNodeManager(i);
            if (node.getNMContext().getNodeId().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no NodeManager " + id);
    }
}
