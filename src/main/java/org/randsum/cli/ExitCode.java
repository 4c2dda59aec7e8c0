package org.randsum.cli;

/** The process exit codes randsum documents in its help. */
public final class ExitCode {
    public static final int OK = 0;
    /** The job or the computation failed, or its result did not pass the integrity check. */
    public static final int FAILURE = 1;
    /** Bad options: nothing was written. */
    public static final int USAGE = 2;
    /** Stopped by SIGINT (Ctrl-C); the job was killed and the work directory removed. */
    public static final int INTERRUPTED = 130;
    /** Stopped by SIGTERM; as for SIGINT. */
    public static final int TERMINATED = 143;

    private ExitCode() {
    }
}
