/**
 * The random-stream contract ({@code docs/contract.md}): the stream, value ranges, 128-bit totals, and
 * how n values are split into (seed, count) descriptors. Pure Java, no Hadoop types; the kernels that
 * sum the stream fast are in {@code org.randsum.kernel}.
 */
package org.randsum.contract;
