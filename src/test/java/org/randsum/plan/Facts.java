package org.randsum.plan;

import java.util.List;
import java.util.Map;

import org.randsum.cli.UsageException;

/** {@link RunFacts} stated by a test: a local machine or a YARN cluster, and descriptor directories. */
public record Facts(boolean localMode, int availableThreads, int mapVcores, Cluster clusterOrNull,
        Map<String, Descriptors> directories, Boolean uberRequested, int uberMaxMaps) implements RunFacts {

    public static Facts local(int processors) {
        return new Facts(true, processors, 1, null, Map.of(), null, 9);
    }

    public static Facts yarn(int mapVcores, List<Integer> nodeVcores, int amVcores) {
        return new Facts(false, 64, mapVcores, new Cluster(nodeVcores, amVcores), Map.of(), null, 9);
    }

    Facts withDescriptors(String dir, long count, long descriptors) {
        return new Facts(localMode, availableThreads, mapVcores, clusterOrNull,
                Map.of(dir, new Descriptors(count, descriptors)), uberRequested, uberMaxMaps);
    }

    /** As if the user had set mapreduce.job.ubertask.enable. */
    Facts withUberRequested(boolean requested) {
        return new Facts(localMode, availableThreads, mapVcores, clusterOrNull, directories, requested, uberMaxMaps);
    }

    @Override
    public Cluster cluster() {
        if (clusterOrNull == null) {
            throw new AssertionError("the cluster was asked for in local mode");
        }
        return clusterOrNull;
    }

    @Override
    public Descriptors descriptors(String dir) throws UsageException {
        Descriptors found = directories.get(dir);
        if (found == null) {
            throw new UsageException("descriptor directory " + dir + " does not exist");
        }
        return found;
    }
}
