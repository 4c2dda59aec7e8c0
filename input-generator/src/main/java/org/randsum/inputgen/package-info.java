/**
 * Input generation: plans split descriptors {@code (seed, count)} with the contract's planner and writes
 * them, one map per line, to a directory on any Hadoop filesystem; reads and validates such directories.
 */
package org.randsum.inputgen;
