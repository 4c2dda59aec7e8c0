package org.randsum.mapreduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;

/**
 * While the progress line is on, Hadoop's log lines must reach stderr through {@code System.err},
 * which erases the line before each write. A log4j console appender on {@code System.err} without
 * {@code follow=true} (a cluster's log4j.properties under {@code hadoop jar}) holds the stream it
 * found at start and would write after the line's text: this makes each such appender follow
 * {@code System.err}. The output is the same bytes on the same stream; randsum's own {@code conf/}
 * files set {@code follow=true} already. Hadoop 3.3 to 3.5 log through reload4j; with another
 * logging back end nothing is changed.
 */
final class ConsoleFollowsSystemErr {
    private ConsoleFollowsSystemErr() {
    }

    /** Makes every console appender on {@code System.err} follow it; returns how many it changed. */
    static int apply() {
        try {
            List<Logger> loggers = new ArrayList<>();
            loggers.add(LogManager.getRootLogger());
            for (Object logger : Collections.list(LogManager.getCurrentLoggers())) {
                loggers.add((Logger) logger);
            }
            int changed = 0;
            for (Logger logger : loggers) {
                for (Object appender : Collections.list(logger.getAllAppenders())) {
                    if (appender instanceof ConsoleAppender console && !console.getFollow()
                            && ConsoleAppender.SYSTEM_ERR.equals(console.getTarget())) {
                        console.setFollow(true);
                        console.activateOptions();
                        changed++;
                    }
                }
            }
            return changed;
        } catch (LinkageError | RuntimeException noLog4j) {
            return 0;
        }
    }
}
