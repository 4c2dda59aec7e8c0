/**
 * The MapReduce job and the driver, on top of every other package. A run reads as plan, job,
 * result: {@link org.randsum.mapreduce.RunPlan} (pure: n, maps, threads, input, hints), {@link
 * org.randsum.mapreduce.RandSumJob} (the job's configuration), {@link
 * org.randsum.mapreduce.RunLifecycle} (work directory, output ownership, the signal hook) and {@link
 * org.randsum.mapreduce.JobOutcome} (the checked total). The job: one input split per descriptor,
 * mappers that sum their descriptor with the map's threads through the parallel engine, an exact
 * combiner and a single reducer.
 */
package org.randsum.mapreduce;
