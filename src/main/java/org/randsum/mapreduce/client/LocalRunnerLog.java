package org.randsum.mapreduce.client;

import java.util.Optional;
import java.util.function.Predicate;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;
import org.randsum.mapreduce.failure.HadoopMessages;

/**
 * In local mode the job runs in this JVM, and Hadoop's LocalJobRunner reports a failure only by
 * logging it with its stack trace (the job's failure info stays "NA"), a killed job included; the
 * job client then logs "failed with state FAILED due to: NA". While a local job runs, this takes
 * both: a logged exception becomes the failure's one line instead of a trace on the console, and
 * the "due to: NA" line is dropped, since randsum's own line with the cause follows. Anything else
 * goes to the console as before. Hadoop 3.3 to 3.5 log through reload4j; with another logging back
 * end nothing is taken.
 */
final class LocalRunnerLog implements AutoCloseable {
    private static final String RUNNER = "org.apache.hadoop.mapred.LocalJobRunner";
    private static final String CLIENT = "org.apache.hadoop.mapreduce.Job";

    private final Capture capture;
    private final Capture clientFailure;

    private LocalRunnerLog(Capture capture, Capture clientFailure) {
        this.capture = capture;
        this.clientFailure = clientFailure;
    }

    /** Starts taking LocalJobRunner's events; close to give them back. */
    static LocalRunnerLog capture() {
        try {
            Capture capture = new Capture(LogManager.getLogger(RUNNER), event -> Capture.thrown(event, Level.WARN));
            Capture clientFailure = new Capture(LogManager.getLogger(CLIENT),
                    event -> HadoopMessages.isJobFailedLine(String.valueOf(event.getMessage())));
            capture.start();
            clientFailure.start();
            return new LocalRunnerLog(capture, clientFailure);
        } catch (LinkageError noLog4j) {
            return none();
        }
    }

    /** Takes nothing: for YARN, where the job's own diagnostics say why it failed. */
    static LocalRunnerLog none() {
        return new LocalRunnerLog(null, null);
    }

    /** The last exception LocalJobRunner logged, if any. */
    Optional<Throwable> failure() {
        return capture == null ? Optional.empty() : Optional.ofNullable(capture.taken).map(Capture::thrown);
    }

    @Override
    public void close() {
        if (capture != null) {
            capture.stop();
            clientFailure.stop();
        }
    }

    /** Takes a logger's events that match; hands the others on as the logger would have. */
    private static final class Capture extends AppenderSkeleton {
        private final Logger logger;
        private final boolean additivity;
        private final Predicate<LoggingEvent> takes;
        private volatile LoggingEvent taken;

        Capture(Logger logger, Predicate<LoggingEvent> takes) {
            this.logger = logger;
            this.additivity = logger.getAdditivity();
            this.takes = takes;
        }

        static Throwable thrown(LoggingEvent event) {
            ThrowableInformation thrown = event.getThrowableInformation();
            return thrown == null ? null : thrown.getThrowable();
        }

        static boolean thrown(LoggingEvent event, Level atLeast) {
            return thrown(event) != null && event.getLevel().isGreaterOrEqual(atLeast);
        }

        void start() {
            logger.addAppender(this);
            logger.setAdditivity(false);
        }

        void stop() {
            logger.setAdditivity(additivity);
            logger.removeAppender(this);
        }

        @Override
        protected void append(LoggingEvent event) {
            if (takes.test(event)) {
                taken = event;
            } else if (additivity) {
                logger.getParent().callAppenders(event);
            }
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }

        @Override
        public void close() {
            // Nothing held.
        }
    }
}
