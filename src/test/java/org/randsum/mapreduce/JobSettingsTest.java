package org.randsum.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;

/**
 * The maps' Java options with the Vector API module and the kernel's JIT options: appended to what
 * Hadoop would use, never replacing it.
 */
class JobSettingsTest {
    /** KernelSelector.JIT_OPTIONS, written out: what a task JVM's command line must say. */
    private static final String JIT = "-XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,org.randsum.kernel.vector.VectorKernel::*,0.1";
    /** A JobConf, as the driver hands over: its class registers MapReduce's deprecated keys. */
    private final Configuration conf = new JobConf(false);

    @Test
    void appendsToTheMapsOwnOptions() {
        conf.set("mapreduce.map.java.opts", "-Xmx2458m -XX:+UseG1GC");
        conf.set("mapred.child.java.opts", "-Xmx100m");
        assertEquals("-Xmx2458m -XX:+UseG1GC --add-modules jdk.incubator.vector " + JIT, JobSettings.mapJavaOptsWithVectorOptions(conf));
    }

    @Test
    void appendsToTheChildOptionsWhereTheMapsHaveNone() {
        conf.set("mapred.child.java.opts", "-Xmx1024m");
        assertEquals("-Xmx1024m --add-modules jdk.incubator.vector " + JIT, JobSettings.mapJavaOptsWithVectorOptions(conf));
    }

    @Test
    void isTheModuleAloneWhereNothingIsSet() {
        assertEquals("--add-modules jdk.incubator.vector " + JIT, JobSettings.mapJavaOptsWithVectorOptions(conf));
    }

    @Test
    void readsTheDeprecatedMapKeyAsHadoopDoes() {
        conf.set("mapred.map.child.java.opts", "-Xmx777m");
        assertEquals("-Xmx777m --add-modules jdk.incubator.vector " + JIT, JobSettings.mapJavaOptsWithVectorOptions(conf));
    }

    @Test
    void leavesOptionsThatNameTheModuleAlready() {
        conf.set("mapreduce.map.java.opts", "-Xmx1g --add-modules=jdk.incubator.vector");
        assertEquals("-Xmx1g --add-modules=jdk.incubator.vector " + JIT, JobSettings.mapJavaOptsWithVectorOptions(conf));
    }

    @Test
    void leavesTheUsersOwnCompileThresholdScalingAlone() {
        conf.set("mapreduce.map.java.opts", "-Xmx1g -XX:CompileThresholdScaling=1.0");
        assertEquals("-Xmx1g -XX:CompileThresholdScaling=1.0 --add-modules jdk.incubator.vector",
                JobSettings.mapJavaOptsWithVectorOptions(conf));
    }

    @Test
    void appendsBothToTheApplicationMastersOptions() {
        conf.set("yarn.app.mapreduce.am.command-opts", "-Xmx400m");
        assertEquals("-Xmx400m --add-modules jdk.incubator.vector " + JIT, JobSettings.amCommandOptsWithVectorOptions(conf));
    }
}
