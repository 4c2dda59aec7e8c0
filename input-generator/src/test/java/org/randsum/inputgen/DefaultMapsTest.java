package org.randsum.inputgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class DefaultMapsTest {
    @Test
    void oneWaveFillsTheClustersVcores() {
        assertEquals(16, DefaultMaps.forCluster(10_000_000_000L, 32, 2));
        assertEquals(5, DefaultMaps.forCluster(10_000_000_000L, 16, 3));
    }

    @Test
    void smallRunsGetFewerMapsThanTheClusterHas() {
        assertEquals(1, DefaultMaps.forCluster(1000, 64, 1));
        assertEquals(2, DefaultMaps.forCluster(2 * DefaultMaps.MIN_VALUES_PER_MAP, 64, 1));
    }

    @Test
    void threadsAboveTheClustersVcoresStillGiveOneMap() {
        assertEquals(1, DefaultMaps.forCluster(1L << 40, 2, 8));
    }

    @Test
    void localModeUsesOneMap() throws Exception {
        Configuration conf = new Configuration(false);
        conf.set("mapreduce.framework.name", "local");
        assertEquals(1, DefaultMaps.choose(conf, Long.MAX_VALUE, 2));
    }
}
