package org.randsum.mapreduce.client;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.randsum.cli.Settings;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.task.DescriptorInputFormat;
import org.randsum.mapreduce.task.PartialSumCombiner;
import org.randsum.mapreduce.task.PartialSumWritable;
import org.randsum.mapreduce.task.RandSumMapper;
import org.randsum.mapreduce.task.TotalReducer;
import org.randsum.plan.RunPlan;

/** The job's configuration, all of it: what a {@link RunPlan} becomes, as TeraGen sets up its own. */
final class RandSumJob {
    private RandSumJob() {
    }

    static Job configure(Configuration conf, RunPlan plan, Path input, Path output,
            Class<? extends RandSumMapper> mapper) throws IOException {
        Job job = Job.getInstance(conf, plan.jobName());
        job.setJarByClass(RandSumJob.class);
        Configuration jobConf = job.getConfiguration();
        JobSettings.setRange(jobConf, plan.range());
        jobConf.setInt(Settings.THREADS, plan.threads());
        // The vcores YARN reserves are the threads the map runs: never more CPU than scheduled.
        jobConf.setInt(MRJobConfig.MAP_CPU_VCORES, plan.threads());
        if (plan.vectorModuleInTasks()) {
            // Each map JVM chooses its own kernel; the vector one needs the module resolved at start,
            // and warms up sooner with C2 compiling it early (KernelSelector.JIT_OPTIONS).
            jobConf.set(MRJobConfig.MAP_JAVA_OPTS, JobSettings.mapJavaOptsWithVectorOptions(jobConf));
        }
        if (!JobSettings.setByUser(jobConf, MRJobConfig.IO_SORT_MB)) {
            // A map emits one partial sum; Hadoop's default buffer for its output (100 MB) would be
            // most of the heap a map needs (measured: 32 MB of heap is enough with 1 MB here).
            jobConf.setInt(MRJobConfig.IO_SORT_MB, JobSettings.MAP_SORT_BUFFER_MB);
        }
        if (!JobSettings.setByUser(jobConf, YarnConfiguration.CLIENT_NM_CONNECT_MAX_WAIT_MS)) {
            jobConf.setLong(YarnConfiguration.CLIENT_NM_CONNECT_MAX_WAIT_MS, JobSettings.NODEMANAGER_CONNECT_WAIT_MS);
        }
        Float reduceSlowStart = plan.reduceSlowStart();
        if (reduceSlowStart != null && !JobSettings.setByUser(jobConf, MRJobConfig.COMPLETED_MAPS_FOR_REDUCE_SLOWSTART)) {
            jobConf.setFloat(MRJobConfig.COMPLETED_MAPS_FOR_REDUCE_SLOWSTART, reduceSlowStart);
        }
        if (plan.uber()) {
            makeUberEligible(jobConf, plan);
        }

        job.setInputFormatClass(DescriptorInputFormat.class);
        FileInputFormat.addInputPath(job, input);
        job.setMapperClass(mapper);
        job.setMapOutputKeyClass(NullWritable.class);
        job.setMapOutputValueClass(PartialSumWritable.class);
        job.setCombinerClass(PartialSumCombiner.class);
        job.setReducerClass(TotalReducer.class);
        job.setNumReduceTasks(1);
        job.setOutputKeyClass(LongWritable.class);
        job.setOutputValueClass(Text.class);
        job.setOutputFormatClass(TextOutputFormat.class);
        FileOutputFormat.setOutputPath(job, output);
        S3ACommitter.chooseFor(jobConf, output);
        return job;
    }

    /**
     * Uber mode, with the sizes that make Hadoop accept it ({@code JobImpl.makeUberDecision}): the
     * maps and the reducer run inside the application master, so neither may ask for more memory
     * or vcores than it has. The AM gets the map's vcores (its threads) and, when the maps may run
     * the vector kernel, the module on its command line.
     */
    private static void makeUberEligible(Configuration jobConf, RunPlan plan) {
        jobConf.setBoolean(MRJobConfig.JOB_UBERTASK_ENABLE, true);
        int amMemory = jobConf.getInt(MRJobConfig.MR_AM_VMEM_MB, MRJobConfig.DEFAULT_MR_AM_VMEM_MB);
        for (String key : new String[] {MRJobConfig.MAP_MEMORY_MB, MRJobConfig.REDUCE_MEMORY_MB}) {
            jobConf.setInt(key, Math.min(jobConf.getInt(key, MRJobConfig.DEFAULT_MAP_MEMORY_MB), amMemory));
        }
        int amVcores = Math.max(plan.threads(),
                jobConf.getInt(MRJobConfig.MR_AM_CPU_VCORES, MRJobConfig.DEFAULT_MR_AM_CPU_VCORES));
        jobConf.setInt(MRJobConfig.MR_AM_CPU_VCORES, amVcores);
        jobConf.setInt(MRJobConfig.REDUCE_CPU_VCORES, Math.min(amVcores,
                jobConf.getInt(MRJobConfig.REDUCE_CPU_VCORES, MRJobConfig.DEFAULT_REDUCE_CPU_VCORES)));
        if (plan.vectorModuleInTasks()) {
            jobConf.set(MRJobConfig.MR_AM_COMMAND_OPTS, JobSettings.amCommandOptsWithVectorOptions(jobConf));
        }
    }
}
