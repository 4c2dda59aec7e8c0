package org.randsum.mapreduce.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;
import org.randsum.cli.Command;
import org.randsum.cli.OptionsParser;
import org.randsum.kernel.KernelSelector;
import org.randsum.mapreduce.task.RandSumMapper;
import org.randsum.plan.Facts;
import org.randsum.plan.RunPlan;

/** What a plan becomes in the job's configuration: the keys Hadoop reads, as it reads them. */
class RandSumJobTest {
    /** KernelSelector.JIT_OPTIONS, written out: what the task JVMs' command line must say. */
    private static final String JIT = "-XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,org.randsum.kernel.vector.VectorKernel::*,0.1";
    private static Configuration configured(Configuration site, KernelSelector.Mode mode, String... args)
            throws Exception {
        RunPlan plan = RunPlan.of((Command.Run) OptionsParser.parse(args), mode, Facts.yarn(2, List.of(4, 4), 1));
        return RandSumJob.configure(new JobConf(site), plan, new Path("/in"), new Path("/out"), RandSumMapper.class)
                .getConfiguration();
    }

    private static Configuration site() {
        Configuration site = new Configuration(false);
        site.setInt(MRJobConfig.MR_AM_VMEM_MB, 512);
        site.set(MRJobConfig.MR_AM_COMMAND_OPTS, "-Xmx400m");
        site.setInt(MRJobConfig.MAP_MEMORY_MB, 768);
        site.setInt(MRJobConfig.REDUCE_MEMORY_MB, 768);
        return site;
    }

    @Test
    void uberJobFitsItsTasksInsideTheApplicationMaster() throws Exception {
        Configuration job = configured(site(), KernelSelector.Mode.AUTO, "-n", "1e6");
        assertEquals("true", job.get(MRJobConfig.JOB_UBERTASK_ENABLE));
        assertEquals(512, job.getInt(MRJobConfig.MAP_MEMORY_MB, 0), "no more than the AM's memory");
        assertEquals(512, job.getInt(MRJobConfig.REDUCE_MEMORY_MB, 0));
        assertEquals(2, job.getInt(MRJobConfig.MR_AM_CPU_VCORES, 0), "the AM holds the map's two threads");
        assertEquals(512, job.getInt(MRJobConfig.MR_AM_VMEM_MB, 0), "the AM itself is left as the cluster sized it");
    }

    @Test
    void uberJobsApplicationMasterGetsTheVectorModuleAppended() throws Exception {
        Configuration job = configured(site(), KernelSelector.Mode.AUTO, "-n", "1e6");
        assertEquals("-Xmx400m --add-modules jdk.incubator.vector " + JIT, job.get(MRJobConfig.MR_AM_COMMAND_OPTS));
    }

    @Test
    void scalarUberJobLeavesTheApplicationMastersOptionsAlone() throws Exception {
        Configuration job = configured(site(), KernelSelector.Mode.SCALAR, "-n", "1e6");
        assertEquals("-Xmx400m", job.get(MRJobConfig.MR_AM_COMMAND_OPTS));
    }

    @Test
    void largeJobIsNotUberAndKeepsItsContainerSizes() throws Exception {
        Configuration job = configured(site(), KernelSelector.Mode.AUTO, "-n", "1e12");
        assertFalse(job.getBoolean(MRJobConfig.JOB_UBERTASK_ENABLE, false));
        assertEquals(768, job.getInt(MRJobConfig.MAP_MEMORY_MB, 0));
        assertEquals("-Xmx400m", job.get(MRJobConfig.MR_AM_COMMAND_OPTS));
    }

    @Test
    void amWithoutOptionsGetsHadoopsDefaultHeapAndTheModule() throws Exception {
        Configuration bare = new Configuration(false);
        Configuration job = configured(bare, KernelSelector.Mode.AUTO, "-n", "1e6");
        assertEquals(MRJobConfig.DEFAULT_MR_AM_COMMAND_OPTS + " --add-modules jdk.incubator.vector " + JIT,
                job.get(MRJobConfig.MR_AM_COMMAND_OPTS));
        assertNull(bare.get(MRJobConfig.MR_AM_COMMAND_OPTS), "the site's own configuration is untouched");
    }

    @Test
    void mapsSortBufferShrinksToOneMegabyteFromHadoopsDefault() throws Exception {
        Configuration job = configured(new JobConf(site()), KernelSelector.Mode.AUTO, "-n", "1e12");
        assertEquals(1, job.getInt(MRJobConfig.IO_SORT_MB, 0), "mapred-default.xml's 100 MB is not the user's");
    }

    @Test
    void mapsSortBufferTheUserSetIsKept() throws Exception {
        Configuration site = site();
        site.setInt(MRJobConfig.IO_SORT_MB, 64);
        assertEquals(64, configured(site, KernelSelector.Mode.AUTO, "-n", "1e12").getInt(MRJobConfig.IO_SORT_MB, 0));
    }

    @Test
    void reducerStartsOnceNoMapWaitsForASlot() throws Exception {
        // Two 4-vcore nodes at 2 vcores a map: 3 at once; 12 maps, so 10 done frees a slot no map needs.
        Configuration job = configured(new JobConf(site()), KernelSelector.Mode.AUTO, "-n", "1e12", "-m", "12");
        assertEquals(10 / 12f, job.getFloat(MRJobConfig.COMPLETED_MAPS_FOR_REDUCE_SLOWSTART, 0), 1e-6,
                "mapred-default.xml's 0.05 is not the user's");
    }

    @Test
    void reducerSlowStartTheUserSetIsKept() throws Exception {
        Configuration site = site();
        site.setFloat(MRJobConfig.COMPLETED_MAPS_FOR_REDUCE_SLOWSTART, 0.5f);
        assertEquals(0.5f, configured(site, KernelSelector.Mode.AUTO, "-n", "1e12")
                .getFloat(MRJobConfig.COMPLETED_MAPS_FOR_REDUCE_SLOWSTART, 0));
    }

    @Test
    void applicationMasterStopsCallingADeadNodeManagerAfterThirtySeconds() throws Exception {
        Configuration site = site();
        site.addResource("yarn-default.xml"); // YARN's 3 minutes, present but not the user's
        assertEquals(180_000, site.getLong(YarnConfiguration.CLIENT_NM_CONNECT_MAX_WAIT_MS, 0));
        assertEquals(30_000, configured(site, KernelSelector.Mode.AUTO, "-n", "1e12")
                .getLong(YarnConfiguration.CLIENT_NM_CONNECT_MAX_WAIT_MS, 0));
    }

    @Test
    void nodeManagerWaitTheUserSetIsKept() throws Exception {
        Configuration site = site();
        site.setLong(YarnConfiguration.CLIENT_NM_CONNECT_MAX_WAIT_MS, 600_000);
        assertEquals(600_000, configured(site, KernelSelector.Mode.AUTO, "-n", "1e12")
                .getLong(YarnConfiguration.CLIENT_NM_CONNECT_MAX_WAIT_MS, 0));
    }
}
