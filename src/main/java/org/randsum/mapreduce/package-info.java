/**
 * The MapReduce job, on top of every other package: the entry point ({@link
 * org.randsum.mapreduce.RandSumDriver}, the jar's main class) and what both sides of the job share,
 * the job's keys ({@link org.randsum.mapreduce.JobSettings}) and its counters ({@link
 * org.randsum.mapreduce.RandSumCounter}, whose class name users see as the counter group). The rest
 * is in rooms of its own: {@code task} (what runs in the task JVMs), {@code client} (the run as the
 * client drives it), {@code checks} (what is checked before anything is written) and {@code failure}
 * (how a failure is told in one line).
 */
package org.randsum.mapreduce;
