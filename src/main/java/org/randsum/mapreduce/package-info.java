/**
 * The MapReduce job: one input split per descriptor, mappers that sum their descriptor with every
 * core through the parallel engine, an exact combiner, a single reducer, and the Tool driver.
 */
package org.randsum.mapreduce;
