/**
 * The all-cores in-process engine: sums a split with a fixed pool of worker threads, in blocks
 * handed out dynamically, with a cheap progress counter, prompt cancellation and failure propagation.
 */
package org.randsum.engine;
