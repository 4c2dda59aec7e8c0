package org.randsum.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.randsum.cli.Settings;

/**
 * A real HDFS and YARN in this JVM (Hadoop's minicluster: NameNode, one DataNode, ResourceManager,
 * {@code nodeManagers} NodeManagers and the history server), and the client configuration an edge
 * node has for it, as site files ({@link SiteFiles}). One per test class: it takes 10-20 s to start
 * and as long to stop.
 */
public final class MiniCluster implements AutoCloseable {
    /** The work root in the client configuration. */
    public static final String WORK_ROOT = "/randsum-work";
    /** mapred-site.xml's {@code mapreduce.map.cpu.vcores}: the threads a map runs when -t is not given. */
    public static final int SITE_VCORES = 2;

    private final MiniDFSCluster dfs;
    private final MiniMRYarnCluster yarn;
    private final Path base;
    private final Path clientConfDir;
    private final Configuration clientConf;

    private MiniCluster(MiniDFSCluster dfs, MiniMRYarnCluster yarn, Path base, Path clientConfDir) {
        this.dfs = dfs;
        this.yarn = yarn;
        this.base = base;
        this.clientConfDir = clientConfDir;
        this.clientConf = SiteFiles.load(clientConfDir);
    }

    /**
     * Starts a cluster called {@code name} (its files under {@code target/minicluster/NAME}) whose
     * servers and clients get {@code settings} over the defaults here; the NodeManagers' size
     * ({@code yarn.nodemanager.resource.*}) is among them.
     */
    public static MiniCluster start(String name, int nodeManagers, Map<String, String> settings) throws IOException {
        Path base = Processes.projectDir().resolve("target/minicluster").resolve(name);
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        conf.set("hadoop.tmp.dir", base.resolve("tmp").toString());
        defaults().forEach(conf::set);
        settings.forEach(conf::set);
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        conf.set("fs.defaultFS", dfs.getFileSystem().getUri().toString());
        MiniMRYarnCluster yarn = new MiniMRYarnCluster(name, nodeManagers);
        try {
            yarn.init(conf);
            yarn.start();
            Path confDir = SiteFiles.writeMiniclusterClient(yarn.getConfig(), Map.of(
                    Settings.WORK_ROOT, WORK_ROOT,
                    // As a cluster sets it: in mapred-site.xml, where the driver must find it.
                    "mapreduce.map.cpu.vcores", Integer.toString(SITE_VCORES)), base.resolve("client-conf"));
            return new MiniCluster(dfs, yarn, base, confDir);
        } catch (IOException | RuntimeException e) {
            yarn.stop();
            dfs.shutdown();
            throw e;
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        // Honour the vcores a map asks for, as conf/emr/ sets up on EMR.
        defaults.put("yarn.scheduler.capacity.resource-calculator",
                "org.apache.hadoop.yarn.util.resource.DominantResourceCalculator");
        defaults.put("yarn.scheduler.minimum-allocation-mb", "128");
        defaults.put("yarn.app.mapreduce.am.resource.mb", "512");
        defaults.put("yarn.app.mapreduce.am.command-opts", "-Xmx400m");
        defaults.put("mapreduce.map.memory.mb", "512");
        defaults.put("mapreduce.map.java.opts", "-Xmx384m");
        defaults.put("mapreduce.reduce.memory.mb", "512");
        defaults.put("mapreduce.reduce.java.opts", "-Xmx384m");
        defaults.put("mapreduce.map.speculative", "false");
        defaults.put("mapreduce.reduce.speculative", "false");
        // Finished jobs reach the history server at once, not after its default 3 minutes.
        defaults.put("mapreduce.jobhistory.move.interval-ms", "1000");
        return defaults;
    }

    /** The client configuration, as read from {@link #confDir()}. */
    public Configuration conf() {
        return clientConf;
    }

    /** The client configuration directory: core, hdfs, mapred and yarn site files. */
    public Path confDir() {
        return clientConfDir;
    }

    /** This cluster's directory under target/, for the tests' own files. */
    public Path base() {
        return base;
    }

    public MiniMRYarnCluster yarn() {
        return yarn;
    }

    public FileSystem fileSystem() throws IOException {
        return FileSystem.get(clientConf);
    }

    /** A started YARN client of this cluster; the caller closes it. */
    public YarnClient yarnClient() {
        YarnClient client = YarnClient.createYarnClient();
        client.init(clientConf);
        client.start();
        return client;
    }

    /** A job of this cluster, running (from its AM) or finished (from the history server). */
    public Job job(String jobId) throws IOException, InterruptedException {
        return new Cluster(clientConf).getJob(JobID.forName(jobId));
    }

    /** The task attempts of {@code job} that did not succeed (failed, killed, obsolete). */
    public static List<TaskCompletionEvent> unsuccessfulAttempts(Job job) throws IOException, InterruptedException {
        List<TaskCompletionEvent> unsuccessful = new ArrayList<>();
        for (TaskCompletionEvent event : job.getTaskCompletionEvents(0, 1000)) {
            if (event.getStatus() != TaskCompletionEvent.Status.SUCCEEDED) {
                unsuccessful.add(event);
            }
        }
        return unsuccessful;
    }

    /** What is left in the directory {@code root} on HDFS (nothing if it does not exist). */
    public List<String> leftIn(String root) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(root);
        List<String> left = new ArrayList<>();
        if (fileSystem().exists(path)) {
            for (FileStatus status : fileSystem().listStatus(path)) {
                left.add(status.getPath().getName());
            }
        }
        return left;
    }

    @Override
    public void close() {
        yarn.stop();
        dfs.shutdown();
    }

    static {
        // The minicluster's web apps and temp files go under target/, not /tmp.
        System.setProperty("test.build.data", Processes.projectDir().resolve("target/minicluster").toString());
        new File(System.getProperty("test.build.data")).mkdirs();
    }
}
