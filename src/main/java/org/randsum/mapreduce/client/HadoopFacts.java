package org.randsum.mapreduce.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.randsum.cli.Settings;
import org.randsum.cli.UsageException;
import org.randsum.engine.ParallelEngine;
import org.randsum.inputgen.DescriptorFiles;
import org.randsum.inputgen.MalformedDescriptorException;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.checks.Preflight;
import org.randsum.mapreduce.failure.Failures;
import org.randsum.plan.DefaultMaps;
import org.randsum.plan.HadoopDefaults;
import org.randsum.plan.QueueShare;
import org.randsum.plan.RunFacts;

/** {@link RunFacts} as the client configuration, the ResourceManager and the filesystem give them. */
public final class HadoopFacts implements RunFacts {
    private final Configuration conf;
    private Cluster cluster;

    HadoopFacts(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public boolean localMode() {
        return JobSettings.isLocalMode(conf);
    }

    @Override
    public int availableThreads() {
        return ParallelEngine.availableThreads();
    }

    @Override
    public int mapVcores() {
        return conf.getInt(MRJobConfig.MAP_CPU_VCORES, MRJobConfig.DEFAULT_MAP_CPU_VCORES);
    }

    @Override
    public Boolean uberRequested() {
        // A JobConf always has a value, mapred-default.xml's false: only another source is the user's.
        return JobSettings.setByUser(conf, MRJobConfig.JOB_UBERTASK_ENABLE)
                ? conf.getBoolean(MRJobConfig.JOB_UBERTASK_ENABLE, false) : null;
    }

    /** Checked before the plan ({@code Settings.check}), so a value here parses. */
    @Override
    public double mapStartSeconds() {
        String configured = conf.getTrimmed(Settings.MAP_START_SECONDS);
        return configured == null ? DefaultMaps.MAP_START_SECONDS : Double.parseDouble(configured);
    }

    @Override
    public int uberMaxMaps() {
        return conf.getInt(MRJobConfig.JOB_UBERTASK_MAXMAPS, HadoopDefaults.UBERTASK_MAXMAPS_DEFAULT);
    }

    @Override
    public Cluster cluster() throws IOException {
        // Asked once a run: the plan needs it for the maps and for the wave.
        if (cluster == null) {
            cluster = askCluster();
        }
        return cluster;
    }

    /**
     * The nodes and the queue, asked with bounded retries: this is the run's first contact with the
     * ResourceManager, and one that is down is reported in seconds.
     */
    private Cluster askCluster() throws IOException {
        int amVcores = conf.getInt(MRJobConfig.MR_AM_CPU_VCORES, MRJobConfig.DEFAULT_MR_AM_CPU_VCORES);
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(Preflight.bounded(conf));
            yarn.start();
            return new Cluster(runningNodeVcores(yarn), amVcores, queueShare(yarn));
        } catch (YarnException | IOException e) {
            throw new IOException("cannot reach the ResourceManager at "
                    + new YarnConfiguration(conf).get(YarnConfiguration.RM_ADDRESS) + ": "
                    + Failures.describe(e), e);
        }
    }

    /** The vcores of each running NodeManager, as the ResourceManager reports them. */
    private static List<Integer> runningNodeVcores(YarnClient yarn) throws YarnException, IOException {
        List<Integer> vcores = new ArrayList<>();
        for (NodeReport node : yarn.getNodeReports(NodeState.RUNNING)) {
            vcores.add(node.getCapability().getVirtualCores());
        }
        return vcores;
    }

    /**
     * The most of the cluster the job's queue ({@code mapreduce.job.queuename}) may use. Only a
     * plan's input: when the ResourceManager will not list its queues (an ACL, a scheduler without
     * the capacity scheduler's records), the whole cluster, as before this was asked.
     */
    private double queueShare(YarnClient yarn) {
        try {
            List<QueueShare.Queue> queues = new ArrayList<>();
            for (QueueInfo queue : yarn.getAllQueues()) {
                List<String> children = new ArrayList<>();
                for (QueueInfo child : queue.getChildQueues() == null ? List.<QueueInfo>of() : queue.getChildQueues()) {
                    children.add(child.getQueueName());
                }
                queues.add(new QueueShare.Queue(queue.getQueueName(), queue.getMaximumCapacity(), children));
            }
            return QueueShare.of(conf.get(MRJobConfig.QUEUE_NAME, "default"), queues);
        } catch (YarnException | IOException e) {
            return 1;
        }
    }

    @Override
    public Descriptors descriptors(String dir) throws IOException, UsageException {
        try {
            List<DescriptorFiles.Located> found = DescriptorFiles.read(conf, new Path(dir));
            return new Descriptors(DescriptorFiles.totalCount(found), found.size());
        } catch (MalformedDescriptorException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
