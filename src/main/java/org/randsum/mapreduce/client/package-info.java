/**
 * A run as the client drives it: plan ({@code org.randsum.plan}), write the descriptors, configure
 * and submit the job ({@link org.randsum.mapreduce.client.RandSumJob}), follow it and read its
 * checked total ({@link org.randsum.mapreduce.client.JobOutcome}); {@link
 * org.randsum.mapreduce.client.RunLifecycle} owns the work directory, the output and the signal hook.
 * {@link org.randsum.mapreduce.client.GenerateCommand} is {@code randsum generate}.
 */
package org.randsum.mapreduce.client;
