package org.randsum.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;

/** The maps' Java options with the Vector API module: appended to what Hadoop would use, never replacing it. */
class JobSettingsTest {
    /** A JobConf, as the driver hands over: its class registers MapReduce's deprecated keys. */
    private final Configuration conf = new JobConf(false);

    @Test
    void appendsToTheMapsOwnOptions() {
        conf.set("mapreduce.map.java.opts", "-Xmx2458m -XX:+UseG1GC");
        conf.set("mapred.child.java.opts", "-Xmx100m");
        assertEquals("-Xmx2458m -XX:+UseG1GC --add-modules jdk.incubator.vector", JobSettings.mapJavaOptsWithVectorModule(conf));
    }

    @Test
    void appendsToTheChildOptionsWhereTheMapsHaveNone() {
        conf.set("mapred.child.java.opts", "-Xmx1024m");
        assertEquals("-Xmx1024m --add-modules jdk.incubator.vector", JobSettings.mapJavaOptsWithVectorModule(conf));
    }

    @Test
    void isTheModuleAloneWhereNothingIsSet() {
        assertEquals("--add-modules jdk.incubator.vector", JobSettings.mapJavaOptsWithVectorModule(conf));
    }

    @Test
    void readsTheDeprecatedMapKeyAsHadoopDoes() {
        conf.set("mapred.map.child.java.opts", "-Xmx777m");
        assertEquals("-Xmx777m --add-modules jdk.incubator.vector", JobSettings.mapJavaOptsWithVectorModule(conf));
    }

    @Test
    void leavesOptionsThatNameTheModuleAlready() {
        conf.set("mapreduce.map.java.opts", "-Xmx1g --add-modules=jdk.incubator.vector");
        assertEquals("-Xmx1g --add-modules=jdk.incubator.vector", JobSettings.mapJavaOptsWithVectorModule(conf));
    }
}
