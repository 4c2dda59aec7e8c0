package org.randsum.inputgen;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * The default number of maps. Local mode: 1 (the local runner runs maps one at a time, and one map
 * already uses every core). YARN: one wave that fills the cluster, {@code vcores / threads} maps
 * (the vcores of the running NodeManagers, as the ResourceManager reports them), but never fewer
 * than {@link #MIN_VALUES_PER_MAP} values a map, since starting a container costs about a second.
 */
public final class DefaultMaps {
    /** 2^27 values: a few hundred milliseconds of work for one thread. */
    public static final long MIN_VALUES_PER_MAP = 1L << 27;

    private DefaultMaps() {
    }

    public static boolean isLocalMode(Configuration conf) {
        return "local".equals(conf.get("mapreduce.framework.name", "local"));
    }

    /** The pure rule. */
    public static long forCluster(long n, long clusterVcores, int threadsPerMap) {
        long wave = Math.max(1, clusterVcores / threadsPerMap);
        long byWork = Math.max(1, n / MIN_VALUES_PER_MAP);
        return Math.min(wave, byWork);
    }

    public static long choose(Configuration conf, long n, int threadsPerMap) throws IOException {
        return isLocalMode(conf) ? 1 : forCluster(n, clusterVcores(conf), threadsPerMap);
    }

    /** Total vcores of the running NodeManagers. */
    static long clusterVcores(Configuration conf) throws IOException {
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(conf);
            yarn.start();
            long vcores = 0;
            for (NodeReport node : yarn.getNodeReports(NodeState.RUNNING)) {
                vcores += node.getCapability().getVirtualCores();
            }
            return vcores;
        } catch (YarnException e) {
            throw new IOException("cannot ask the ResourceManager for the cluster's size: " + e.getMessage(), e);
        }
    }
}
