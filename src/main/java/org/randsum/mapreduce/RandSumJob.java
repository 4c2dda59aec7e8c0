package org.randsum.mapreduce;

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
        jobConf.setInt(JobSettings.THREADS, plan.threads());
        // The vcores YARN reserves are the threads the map runs: never more CPU than scheduled.
        jobConf.setInt(MRJobConfig.MAP_CPU_VCORES, plan.threads());
        if (plan.vectorModuleInTasks()) {
            // Each map JVM chooses its own kernel; the vector one needs the module resolved at start.
            jobConf.set(MRJobConfig.MAP_JAVA_OPTS, JobSettings.mapJavaOptsWithVectorModule(jobConf));
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
}
