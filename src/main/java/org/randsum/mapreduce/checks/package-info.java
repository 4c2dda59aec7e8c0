/**
 * What is checked before a run writes anything: filesystems and the ResourceManager answer within
 * seconds, nothing node-local on YARN, the output can be made ({@link
 * org.randsum.mapreduce.checks.Preflight}); the private, owned work root ({@link
 * org.randsum.mapreduce.checks.WorkRoot}); S3A's buckets and committer ({@link
 * org.randsum.mapreduce.checks.S3AChecks}); Kerberos credentials ({@link
 * org.randsum.mapreduce.checks.Authentication}). A user's mistake is a {@code UsageException} (exit
 * 2), a service that does not answer an {@code IOException} (exit 1).
 */
package org.randsum.mapreduce.checks;

import org.randsum.cli.UsageException;
