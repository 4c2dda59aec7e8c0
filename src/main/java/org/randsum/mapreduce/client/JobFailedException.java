package org.randsum.mapreduce.client;

/** The job did not succeed, or its result failed the integrity check; the message says why in one line. */
public final class JobFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public JobFailedException(String message) {
        super(message);
    }
}
