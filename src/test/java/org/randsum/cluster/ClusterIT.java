package org.randsum.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobStatus.State;
import org.apache.hadoop.mapreduce.TaskReport;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.randsum.cli.ExitCode;
import org.randsum.cli.Settings;
import org.randsum.kernel.KernelSelector;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.RandSumCounter;
import org.randsum.mapreduce.task.FaultyMappers;
import org.randsum.mapreduce.task.RandSumMapper;
import org.randsum.testing.DriverRun.Outcome;
import org.randsum.testing.DriverRun;
import org.randsum.testing.MiniCluster;
import org.randsum.testing.Processes;
import org.randsum.testing.Reference;
import org.randsum.testing.SiteFiles;

/**
 * randsum on a real HDFS and YARN (Hadoop's minicluster: NameNode, DataNode, ResourceManager,
 * NodeManager and history server in this JVM), one cluster for the whole class.
 */
class ClusterIT {
    /** KernelSelector.JIT_OPTIONS, written out: what the task JVMs' command line must say. */
    private static final String JIT = "-XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,org.randsum.kernel.vector.VectorKernel::*,0.1";
    private static final int SITE_VCORES = MiniCluster.SITE_VCORES;

    private static MiniCluster cluster;
    private static Configuration clusterConf;
    private static Path base;
    /** The client configuration as an edge node has it: core, hdfs, mapred and yarn site files. */
    private static Path clientConfDir;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = MiniCluster.start("randsum", 1, Map.of(
                "yarn.nodemanager.resource.memory-mb", "6144",
                "yarn.nodemanager.resource.cpu-vcores", "8"));
        clusterConf = cluster.conf();
        clientConfDir = cluster.confDir();
        base = cluster.base();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void noWorkDirectoryIsLeft() throws IOException {
        assertEquals(List.of(), cluster.leftIn(MiniCluster.WORK_ROOT), "work directories left on HDFS");
    }

    private static Outcome run(Configuration conf, Class<? extends RandSumMapper> mapper, String... args)
            throws Exception {
        return DriverRun.run(conf, mapper, true, args);
    }

    private static Outcome run(String... args) throws Exception {
        return run(clusterConf, RandSumMapper.class, args);
    }

    private static Job job(String jobId) throws IOException, InterruptedException {
        return cluster.job(jobId);
    }

    /** The configuration the job was submitted with, read from its job file on HDFS. */
    private static Configuration submittedConf(Job job) throws IOException {
        org.apache.hadoop.fs.Path jobFile = new org.apache.hadoop.fs.Path(job.getJobFile());
        Configuration conf = new Configuration(false);
        try (var in = jobFile.getFileSystem(clusterConf).open(jobFile)) {
            conf.addResource(in);
            conf.get("mapreduce.map.cpu.vcores"); // parse now, while the stream is open
        }
        return conf;
    }

    @Test
    void pipelineOnHdfsAndYarnMatchesTheContractWithThreadsAsVcores() throws Exception {
        Outcome outcome = run("-n", "1000000", "--seed", "42", "-m", "3", "-t", "2", "--json");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("1074171186439830", outcome.sum());
        Job job = job(outcome.jobId());
        assertEquals(2, submittedConf(job).getInt("mapreduce.map.cpu.vcores", -1), "vcores asked of YARN");
        assertEquals(3, job.getTaskReports(TaskType.MAP).length);
        assertEquals(3 * 2, job.getCounters().findCounter(RandSumCounter.WORKER_THREADS).getValue(),
                "each map ran as many threads as it asked vcores");
    }

    /**
     * Each task JVM chooses its kernel: with the module flag the driver appends to the maps' Java
     * options (after the cluster's own heap setting, which stays), the maps ran the 512-bit vector
     * kernel on this AVX-512 machine kind, and the counters and result say so.
     */
    @Test
    void taskJvmsRunTheVectorKernelWithTheModuleAppendedToTheirOptions() throws Exception {
        assumeTrue(Files.readString(Path.of("/proc/cpuinfo")).contains("avx512f"), "an AVX-512 CPU, as CI's");
        Outcome outcome = run("-n", "1000000", "--seed", "42", "-m", "2", "-t", "1", "--json");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("1074171186439830", outcome.sum());
        assertTrue(outcome.out().contains("\"kernel\":\"vector-512\",\"kernels\":{\"vector-512\":2}"), outcome.out());
        Job job = job(outcome.jobId());
        assertEquals(2, job.getCounters().findCounter(JobSettings.KERNEL_COUNTERS, "vector-512").getValue());
        assertEquals("-Xmx384m --add-modules jdk.incubator.vector " + JIT, submittedConf(job).get("mapreduce.map.java.opts"));
    }

    @Test
    void forcedScalarKernelOnYarnGivesTheSameTotalAndLeavesTheOptionsAlone() throws Exception {
        Configuration conf = new Configuration(clusterConf);
        conf.set(KernelSelector.KEY, "scalar");
        Outcome outcome = run(conf, RandSumMapper.class, "-n", "1000000", "--seed", "42", "-m", "2", "-t", "1", "--json");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("1074171186439830", outcome.sum());
        assertTrue(outcome.out().contains("\"kernel\":\"scalar\",\"kernels\":{\"scalar\":2}"), outcome.out());
        assertEquals("-Xmx384m", submittedConf(job(outcome.jobId())).get("mapreduce.map.java.opts"));
    }

    @Test
    void pipelineMatchesTheReferenceOnAWideNegativeRange() throws Exception {
        long seed = -8_765_432_109L;
        Outcome outcome = run("-n", "150000", "--seed", Long.toString(seed), "--min", "-9223372036854775808",
                "--max", "-4294967296", "-m", "2", "-t", "1", "--json");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(Reference.total(seed, 150_000, Long.MIN_VALUE, -4294967296L).toString(), outcome.sum());
    }

    @Test
    void outputOnANodesLocalDiskIsRefusedOnYarnBeforeAnythingRuns() throws Exception {
        Outcome generated = run("generate", "-n", "1000", "--seed", "7", "-m", "4", "-o", "/user/test/splits");
        assertEquals(0, generated.exitCode(), generated.err());
        Path local = base.resolve("local-output-" + System.nanoTime());
        Outcome outcome = run("-i", "/user/test/splits", "--min", "-5", "--max", "5", "-o", local.toUri().toString(),
                "--json");
        assertEquals(ExitCode.USAGE, outcome.exitCode(), outcome.err());
        assertEquals(List.of("randsum: on YARN, output file:" + local
                + " must be on a shared filesystem (HDFS, S3, ...), not the local disk: the reducer would write the"
                + " total on some node's disk (see randsum --help)"), outcome.errLines());
        assertFalse(Files.exists(local));
    }

    @Test
    void mapThatDiesPartWayIsRetriedAndTheTotalIsExact() throws Exception {
        Configuration conf = new Configuration(clusterConf);
        conf.setLong(Settings.CHUNK_VALUES, 100_000);
        // An uber task gets one attempt: this test needs the retry of a real container.
        conf.setBoolean("mapreduce.job.ubertask.enable", false);
        Outcome outcome = run(conf, FaultyMappers.FailsFirstAttempt.class,
                "-n", "1000000", "--seed", "42", "-m", "2", "-t", "2", "--json");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("1074171186439830", outcome.sum());
        assertEquals(2, MiniCluster.unsuccessfulAttempts(job(outcome.jobId())).size(), "each map's first attempt failed");
    }

    @Test
    void longMapSurvivesAShortTaskTimeoutBecauseItReportsProgress() throws Exception {
        Configuration conf = new Configuration(clusterConf);
        // 6 s, six times the mapper's report interval: with 3 s, a stall of the task JVM on the 2-core
        // CI machine once outlasted it (the attempt was killed, SIGQUIT first).
        conf.setLong("mapreduce.task.timeout", 6000);
        conf.setLong("mapreduce.task.timeout.check-interval-ms", 500);
        // One thread, one chunk of several seconds: only the mapper's own reports keep it alive.
        conf.setLong(Settings.CHUNK_VALUES, Long.MAX_VALUE);
        // A constant range, for a total known without the code under test; the scalar kernel still
        // generates every value there (the vector kernel knows all offsets are 0 and skips them).
        conf.set(KernelSelector.KEY, "scalar");
        long n = 10_000_000_000L;
        Outcome outcome = run(conf, RandSumMapper.class, "-n", Long.toString(n), "--seed", "1", "--min", "7",
                "--max", "7", "-m", "1", "-t", "1", "--json");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(BigInteger.valueOf(7).multiply(BigInteger.valueOf(n)).toString(), outcome.sum());
        Job job = job(outcome.jobId());
        assertEquals(List.of(), MiniCluster.unsuccessfulAttempts(job), "no attempt was timed out");
        // Only meaningful if the map outlived the timeout: a faster machine needs a larger n.
        TaskReport map = job.getTaskReports(TaskType.MAP)[0];
        long mapMillis = map.getFinishTime() - map.getStartTime();
        assertTrue(mapMillis > 9000, "the map took " + mapMillis + " ms, not well past the 6 s timeout");
    }

    @Test
    void failingJobSaysWhyInOneLineAndLeavesNothingBehind() throws Exception {
        Configuration conf = new Configuration(clusterConf);
        conf.setInt("mapreduce.map.maxattempts", 2);
        // Containers, not uber mode: there the task's own error reaches the client (for an uber
        // job's failure see failingUberJobGivesTheTasksErrorOrSaysWhereItIs).
        conf.setBoolean("mapreduce.job.ubertask.enable", false);
        Outcome outcome = run(conf, FaultyMappers.AlwaysFails.class,
                "-n", "1000", "--seed", "1", "-o", "/user/test/failed-output");
        assertEquals(1, outcome.exitCode());
        String last = outcome.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("randsum: task attempt_") && last.contains("injected failure: this map always fails"),
                last);
        assertFalse(FileSystem.get(clusterConf).exists(new org.apache.hadoop.fs.Path("/user/test/failed-output")),
                "no partial output");
    }

    /**
     * A small job runs in uber mode by default, so its failing map fails inside the application
     * master. Hadoop's uber runner then starts the reducer, which may exit the AM (exit 66, a race);
     * the second AM attempt may then recover the failed task's report, or end the job with no task
     * named, or leave no job at all. randsum gives the task's error, or, only where the AM exited,
     * says where the error is and how to see it here. The fault is proved first from the AM's own
     * log: the map ran in the AM and failed there.
     */
    @Test
    void failingUberJobGivesTheTasksErrorOrSaysWhereItIs() throws Exception {
        Outcome outcome = run(new Configuration(clusterConf), FaultyMappers.AlwaysFails.class,
                "-n", "1000", "--seed", "1", "-o", "/user/test/failed-uber-output");
        String last = outcome.err().strip().lines().reduce((a, b) -> b).orElse("");
        Matcher ids = Pattern.compile("(?:job|attempt)_(\\d+_\\d+)").matcher(last);
        assertTrue(ids.find(), outcome.err());
        String application = "application_" + ids.group(1);
        assertTrue(amLogSays(application, "(uberized) 'child' : java.io.IOException: injected failure: this map always fails"),
                "the map ran in the AM and failed there");
        // A race in Hadoop's uber runner: the reducer it starts after the failed map may exit the AM.
        boolean amExited = amLogSays(application, "Exiting with status 66");
        String uberReason = "randsum: job job_" + ids.group(1) + " failed in uber mode, and its application master exited"
                + " with it, so the task's error is in the AM's log (yarn logs -applicationId " + application + ");"
                + " rerun with -D mapreduce.job.ubertask.enable=false to see the error here";
        boolean tasksOwnError = last.matches("randsum: task attempt_" + ids.group(1)
                + "_m_000000_\\d+ failed: .*injected failure: this map always fails");
        assertTrue(tasksOwnError || amExited && last.equals(uberReason), "AM exited: " + amExited + "\n" + outcome.err());
        assertEquals(1, outcome.exitCode());
        assertEquals(FinalApplicationStatus.FAILED, cluster.yarnClient().getApplicationReport(
                ApplicationId.fromString(application)).getFinalApplicationStatus());
        assertFalse(FileSystem.get(clusterConf).exists(new org.apache.hadoop.fs.Path("/user/test/failed-uber-output")),
                "no partial output");
    }

    /** Whether the first AM attempt's syslog of {@code application}, in the NodeManagers' log dirs, holds {@code text}. */
    private static boolean amLogSays(String application, String text) throws IOException {
        String firstAm = application.replace("application_", "container_") + "_01_000001";
        try (var files = Files.walk(base)) {
            for (Path log : files.filter(f -> f.endsWith("syslog") && f.getParent().endsWith(firstAm)).toList()) {
                if (Files.readString(log).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void hadoopJarFromASeparateJvmAgainstTheCluster() throws Exception {
        Path confDir = clientConfDir;
        Processes.Result result = Processes.run(Processes.runJarCommand(confDir, Processes.hadoopClasspath(),
                List.of("-n", "1000", "--seed", "2024", "--min", "-9223372036854775808", "--max",
                        "9223372036854775807", "--json")), Map.of(), 300);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("{\"sum\":\"191621877989071524931\""), result.out());
        Outcome outcome = new Outcome(result.exitCode(), result.out(), result.err());
        assertFalse(outcome.jobId().startsWith("job_local"), "ran on YARN, not in local mode: " + outcome.jobId());
        assertEquals(State.SUCCEEDED, job(outcome.jobId()).getJobState());
    }

    /**
     * What {@code hadoop jar} on an edge node does: RunJar in a JVM of its own, the conf directory on
     * its class path and no {@code -conf}, with {@code mapreduce.framework.name} and the map's vcores
     * in mapred-site.xml only. The driver must plan for YARN from them: the maps by the cluster's
     * size (5e9 values, all 7s for a total known without the code under test, are two maps' worth; one 8-vcore node fits three 2-vcore maps beside the AM)
     * and the threads by mapred-site's vcores, never "local mode".
     */
    @Test
    void hadoopJarPlansForYarnFromAStandardSiteFileLayout() throws Exception {
        assertEquals("yarn", SiteFiles.read(clientConfDir, SiteFiles.MAPRED).get("mapreduce.framework.name"));
        assertEquals(null, SiteFiles.read(clientConfDir, SiteFiles.CORE).get("mapreduce.framework.name"));
        assertEquals(null, SiteFiles.read(clientConfDir, SiteFiles.YARN).get("mapreduce.map.cpu.vcores"));
        long n = 5_000_000_000L;
        Processes.Result result = Processes.run(Processes.runJarCommand(clientConfDir, Processes.hadoopClasspath(),
                List.of("-n", Long.toString(n), "--seed", "42", "--min", "7", "--max", "7", "--json")), Map.of(), 300);
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("randsum: summing " + n + " values in 2 maps x " + SITE_VCORES
                + " threads, seed 42"), result.err());
        assertFalse(result.err().contains("local mode"), result.err());
        Outcome outcome = new Outcome(result.exitCode(), result.out(), result.err());
        assertEquals(BigInteger.valueOf(7).multiply(BigInteger.valueOf(n)).toString(), outcome.sum());
        Job job = job(outcome.jobId());
        assertEquals(2, job.getTaskReports(TaskType.MAP).length);
        assertEquals(2L * SITE_VCORES, job.getCounters().findCounter(RandSumCounter.WORKER_THREADS).getValue());
    }

    @Test
    void sigtermKillsTheYarnApplicationAndCleansUp() throws Exception {
        Path confDir = clientConfDir;
        List<String> command = Processes.runJarCommand(confDir, Processes.hadoopClasspath(),
                List.of("-n", "1e15", "--seed", "3", "-m", "1", "-t", "1", "-o", "/user/test/cancelled"));
        // stdout and stderr both in cancel.log (cancel.err stays empty).
        Process process = Processes.start(new ProcessBuilder(command).redirectErrorStream(true),
                base.resolve("cancel.log"), base.resolve("cancel.err")).process();
        try (YarnClient client = YarnClient.createYarnClient()) {
            client.init(clusterConf);
            client.start();
            ApplicationReport app = awaitRunningApp(client, process);
            process.destroy(); // SIGTERM, as from kill or a scheduler
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "driver exited");
            assertEquals(ExitCode.TERMINATED, process.exitValue(), Files.readString(base.resolve("cancel.log")));
            ApplicationReport after = client.getApplicationReport(app.getApplicationId());
            // The MapReduce AM handles the kill itself: the application FINISHES with final status KILLED.
            assertEquals(FinalApplicationStatus.KILLED, after.getFinalApplicationStatus(), after.toString());
            assertEquals(List.of(), client.getApplications(EnumSet.of(YarnApplicationState.RUNNING,
                    YarnApplicationState.ACCEPTED, YarnApplicationState.SUBMITTED)), "nothing left running");
        } finally {
            process.destroyForcibly();
        }
        assertFalse(FileSystem.get(clusterConf).exists(new org.apache.hadoop.fs.Path("/user/test/cancelled")));
        assertTrue(Files.readString(base.resolve("cancel.log")).contains("randsum: interrupted, killing job_"));
    }

    private static ApplicationReport awaitRunningApp(YarnClient client, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            String log = Files.readString(base.resolve("cancel.log"));
            assertTrue(process.isAlive(), "the driver ended before its job ran: " + log);
            assertFalse(log.contains("job_local"), "the driver ran in local mode: " + log);
            for (ApplicationReport app : client.getApplications(EnumSet.of(YarnApplicationState.RUNNING))) {
                if (app.getProgress() > 0.0f || app.getName().startsWith("randsum")) {
                    // Let a map start summing so the kill lands mid-work.
                    Thread.sleep(3000);
                    return app;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no randsum application started");
    }
}
