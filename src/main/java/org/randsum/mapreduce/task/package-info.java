/**
 * What ships to and runs in the task JVMs: the input format (one split per descriptor; its {@code
 * getSplits} also runs in the client, at submission), the record reader that hands a split over in
 * chunks, the mapper that sums its chunks with the map's threads, the exact combiner and the single
 * reducer, and their writables. It reaches nothing of the client side (ArchitectureTest), only the
 * job's keys and counters in {@code org.randsum.mapreduce}.
 */
package org.randsum.mapreduce.task;
