package org.randsum.mapreduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.randsum.cli.UsageException;
import org.randsum.engine.ParallelEngine;
import org.randsum.inputgen.DescriptorFiles;
import org.randsum.inputgen.MalformedDescriptorException;

/** {@link RunFacts} as the client configuration, the ResourceManager and the filesystem give them. */
final class HadoopFacts implements RunFacts {
    private final Configuration conf;

    HadoopFacts(Configuration conf) {
        this.conf = conf;
    }

    static boolean isLocalMode(Configuration conf) {
        return "local".equals(conf.get("mapreduce.framework.name", "local"));
    }

    @Override
    public boolean localMode() {
        return isLocalMode(conf);
    }

    @Override
    public int availableThreads() {
        return ParallelEngine.availableThreads();
    }

    @Override
    public int mapVcores() {
        return conf.getInt("mapreduce.map.cpu.vcores", 1);
    }

    @Override
    public Boolean uberRequested() {
        // A JobConf always has a value, mapred-default.xml's false: only another source is the user's.
        return JobSettings.setByUser(conf, MRJobConfig.JOB_UBERTASK_ENABLE)
                ? conf.getBoolean(MRJobConfig.JOB_UBERTASK_ENABLE, false) : null;
    }

    @Override
    public int uberMaxMaps() {
        return conf.getInt(MRJobConfig.JOB_UBERTASK_MAXMAPS, 9);
    }

    @Override
    public Cluster cluster() throws IOException {
        return new Cluster(runningNodeVcores(), conf.getInt("yarn.app.mapreduce.am.resource.cpu-vcores", 1));
    }

    /**
     * The vcores of each running NodeManager, as the ResourceManager reports them. Asked with bounded
     * retries: this is the run's first contact with the ResourceManager, and one that is down is
     * reported in seconds.
     */
    private List<Integer> runningNodeVcores() throws IOException {
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(Preflight.bounded(conf));
            yarn.start();
            List<Integer> vcores = new ArrayList<>();
            for (NodeReport node : yarn.getNodeReports(NodeState.RUNNING)) {
                vcores.add(node.getCapability().getVirtualCores());
            }
            return vcores;
        } catch (YarnException | IOException e) {
            throw new IOException("cannot reach the ResourceManager at "
                    + new YarnConfiguration(conf).get(YarnConfiguration.RM_ADDRESS) + ": "
                    + RandSumDriver.describe(e), e);
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
