/**
 * Input generation: plans split descriptors {@code (seed, count)} with the contract's planner and writes
 * them, one map per line, to a directory on any Hadoop filesystem; reads and validates such directories.
 * Uses the contract and Hadoop's FileSystem and Configuration only; the {@code generate} command and the
 * cluster's sizing live with the job ({@code org.randsum.mapreduce}).
 */
package org.randsum.inputgen;
