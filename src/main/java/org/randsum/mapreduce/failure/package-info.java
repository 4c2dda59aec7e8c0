/**
 * How the client tells a failure in one line: {@link org.randsum.mapreduce.failure.Failures} walks an
 * exception's causes (the one place that does), and {@link org.randsum.mapreduce.failure.HadoopMessages}
 * holds the few failures that Hadoop reports only in words, each as a named adapter with a test built
 * from the exception Hadoop throws. Classify by type wherever Hadoop gives one.
 */
package org.randsum.mapreduce.failure;
