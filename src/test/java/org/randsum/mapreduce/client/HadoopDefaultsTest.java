package org.randsum.mapreduce.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.junit.jupiter.api.Test;
import org.randsum.plan.HadoopDefaults;

/** The Hadoop-free copy of Hadoop's keys and defaults, against Hadoop's constants and mapred-default.xml. */
class HadoopDefaultsTest {
    private final JobConf hadoopDefaults = new JobConf();

    @Test
    void mapVcoresAreHadoops() {
        assertEquals(MRJobConfig.MAP_CPU_VCORES, HadoopDefaults.MAP_CPU_VCORES);
        assertEquals(MRJobConfig.DEFAULT_MAP_CPU_VCORES, HadoopDefaults.MAP_CPU_VCORES_DEFAULT);
        assertEquals(MRJobConfig.DEFAULT_MAP_CPU_VCORES, hadoopDefaults.getInt(MRJobConfig.MAP_CPU_VCORES, -1));
    }

    @Test
    void applicationMasterVcoresAreHadoops() {
        assertEquals(MRJobConfig.MR_AM_CPU_VCORES, HadoopDefaults.AM_CPU_VCORES);
        assertEquals(MRJobConfig.DEFAULT_MR_AM_CPU_VCORES, HadoopDefaults.AM_CPU_VCORES_DEFAULT);
    }

    @Test
    void uberKeysAndMaxMapsAreHadoops() {
        assertEquals(MRJobConfig.JOB_UBERTASK_ENABLE, HadoopDefaults.UBERTASK_ENABLE);
        assertEquals(MRJobConfig.JOB_UBERTASK_MAXMAPS, HadoopDefaults.UBERTASK_MAXMAPS);
        assertEquals(hadoopDefaults.getInt(MRJobConfig.JOB_UBERTASK_MAXMAPS, -1), HadoopDefaults.UBERTASK_MAXMAPS_DEFAULT);
    }
}
