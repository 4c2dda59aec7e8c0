package org.randsum.mapreduce.failure;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failures Hadoop reports only in words, each matched here and nowhere else. Each has a test
 * (HadoopMessagesTest) built from the exception or the log line Hadoop makes, as its source makes it
 * in every supported version (3.3.6 to 3.5.0); if a version changes the words, that test and this
 * class are the one place to change.
 */
public final class HadoopMessages {
    /** {@code HistoryClientService} (through the job client): the job is known neither to the AM nor to the history server. */
    static final String UNKNOWN_JOB = "Unknown Job ";
    /** {@code Job.monitorAndPrintJob}'s log line when a job ends unsuccessfully. */
    static final String JOB_FAILED_LINE = " failed with state ";
    /** IPC {@code Client}: the server offers SASL methods the user has no credentials for. */
    static final String NO_SASL_METHOD = "Client cannot authenticate via:";
    /** How {@code NetUtils.wrapException} names the server an RPC failed to reach (two of its forms). */
    private static final Pattern DESTINATION = Pattern.compile("(?:DestHost:destPort |Call From \\S+ to )(\\S+:\\d+)");

    private HadoopMessages() {
    }

    /** Whether the job client lost its job: an uber AM that died before it wrote the job's history. */
    public static boolean isUnknownJob(IOException e) {
        return String.valueOf(e.getMessage()).contains(UNKNOWN_JOB);
    }

    /** Whether a log message of {@code org.apache.hadoop.mapreduce.Job} says that the job failed. */
    public static boolean isJobFailedLine(String logMessage) {
        return logMessage != null && logMessage.contains(JOB_FAILED_LINE);
    }

    /** Whether an {@code AccessControlException}'s message is the SASL refusal ("Permission denied" is not). */
    public static boolean isNoSaslMethod(String message) {
        return message != null && message.contains(NO_SASL_METHOD);
    }

    /** The {@code host:port} an RPC failed to reach, as {@code NetUtils.wrapException} wrote it. */
    public static Optional<String> rpcDestination(String message) {
        Matcher destination = DESTINATION.matcher(String.valueOf(message));
        return destination.find() ? Optional.of(destination.group(1)) : Optional.empty();
    }
}
