package org.randsum.mapreduce.client;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.checks.S3AChecks;

/**
 * The output committer for an output on S3A. Hadoop's default there is the classic
 * FileOutputCommitter, which commits by renaming (a copy and a delete per object on S3: slow, and not
 * atomic, as S3A warns: "This is slow and potentially unsafe"). randsum asks for S3A's magic
 * committer instead: tasks write their output as pending multipart uploads, and only the job commit
 * completes them, so a failed or aborted job leaves no object behind. It needs no cluster filesystem
 * for staging (unlike the {@code directory} committer) and keeps the file name {@code part-r-00000}.
 * A choice the user or the cluster made ({@code fs.s3a.committer.name}, or the committer factory
 * for the output's scheme) is left alone; randsum reads its total from any {@code part-r-*} file.
 */
final class S3ACommitter {
    static final String NAME_KEY = "fs.s3a.committer.name";
    static final String MAGIC = "magic";
    static final String FACTORY_KEY_PREFIX = "mapreduce.outputcommitter.factory.scheme.";
    static final String S3A_FACTORY = "org.apache.hadoop.fs.s3a.commit.S3ACommitterFactory";

    private S3ACommitter() {
    }

    /** Sets the magic committer in {@code jobConf} for an S3A {@code output}, unless a committer was chosen. */
    static void chooseFor(Configuration jobConf, Path output) {
        if (!S3AChecks.isS3A(output, jobConf)) {
            return;
        }
        String scheme = output.toUri().getScheme() != null ? output.toUri().getScheme()
                : FileSystem.getDefaultUri(jobConf).getScheme();
        String factoryKey = FACTORY_KEY_PREFIX + scheme;
        if (JobSettings.setByUser(jobConf, NAME_KEY) || JobSettings.setByUser(jobConf, factoryKey)) {
            return;
        }
        // s3a:// has S3A's factory in mapred-default.xml; s3:// mapped to S3A (EMR 7.10+) has none.
        jobConf.set(factoryKey, S3A_FACTORY);
        jobConf.set(NAME_KEY, MAGIC);
    }
}
