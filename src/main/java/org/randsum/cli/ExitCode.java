package org.randsum.cli;

/** The process exit codes randsum documents in its help. */
public final class ExitCode {
    public static final int OK = 0;
    /**
     * The job or the computation failed, or its result did not pass the integrity check; or a
     * service did not answer, or refused an unauthenticated client (Kerberos: no ticket).
     */
    public static final int FAILURE = 1;
    /** Bad options: nothing was written. */
    public static final int USAGE = 2;
    /**
     * Stopped by SIGINT (Ctrl-C), 128 + 2; the job was killed and the work directory removed. The
     * JVM exits with it once the shutdown hooks have run; the driver returns it when its own thread
     * is interrupted.
     */
    public static final int INTERRUPTED = 130;
    /**
     * Stopped by SIGTERM, 128 + 15; as for SIGINT. The JVM exits with it after randsum's shutdown
     * hook has killed the job and cleaned up; the help and the tests name it from here.
     */
    public static final int TERMINATED = 143;

    private ExitCode() {
    }
}
