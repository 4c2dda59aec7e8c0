package org.randsum.mapreduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;
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
    public Cluster cluster() throws IOException {
        return new Cluster(runningNodeVcores(), conf.getInt("yarn.app.mapreduce.am.resource.cpu-vcores", 1));
    }

    /** The vcores of each running NodeManager, as the ResourceManager reports them. */
    private List<Integer> runningNodeVcores() throws IOException {
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(conf);
            yarn.start();
            List<Integer> vcores = new ArrayList<>();
            for (NodeReport node : yarn.getNodeReports(NodeState.RUNNING)) {
                vcores.add(node.getCapability().getVirtualCores());
            }
            return vcores;
        } catch (YarnException e) {
            throw new IOException("cannot ask the ResourceManager for the cluster's size: " + e.getMessage(), e);
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
