/**
 * The kernels that sum a run of the contract's stream, exactly: {@link org.randsum.kernel.ScalarKernel}
 * everywhere, the vector kernel where the CPU and the JVM allow it, and {@link
 * org.randsum.kernel.KernelSelector}, which chooses. A new kernel is a {@link
 * org.randsum.kernel.SumKernel} that the selector can choose. Pure Java, no Hadoop types.
 */
package org.randsum.kernel;
