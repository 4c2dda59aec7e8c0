/**
 * Where a run's time went: a MapReduce job as its history records it ({@link org.randsum.timeline.JobHistory}),
 * the phases computed from it ({@link org.randsum.timeline.Phases}) and its picture
 * ({@link org.randsum.timeline.TimelinePage}). Pure: no Hadoop types, so the arithmetic is tested with stated
 * task times; {@code mapreduce.client.HistoryReader} turns Hadoop's history file into a {@code JobHistory}.
 */
package org.randsum.timeline;
