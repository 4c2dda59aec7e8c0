/**
 * The vector kernel on {@code jdk.incubator.vector}: the only package that names the incubator module,
 * loaded only once {@link org.randsum.kernel.KernelSelector} knows the module is there.
 */
package org.randsum.kernel.vector;
