package org.randsum.mapreduce.client;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;

/**
 * While the progress line is on, Hadoop's log lines must reach stderr through {@code System.err},
 * which erases the line before each write. A log4j console appender on {@code System.err} without
 * {@code follow=true} (a cluster's log4j.properties under {@code hadoop jar}) holds the stream it
 * found at start and would write after the line's text: this puts in its place, on each logger
 * that has it, a copy that follows {@code System.err} (same name, layout, threshold, filters and
 * encoding; the output is the same bytes on the same stream). The old appender is detached, never
 * closed: closing it would close the JVM's stderr. randsum's own {@code conf/} files set
 * {@code follow=true} already. Hadoop 3.3 to 3.5 log through reload4j; with another logging back
 * end nothing is changed.
 */
final class ConsoleFollowsSystemErr {
    private ConsoleFollowsSystemErr() {
    }

    /** Replaces every console appender on {@code System.err} that does not follow it; returns how many. */
    static int apply() {
        try {
            List<Logger> loggers = new ArrayList<>();
            loggers.add(LogManager.getRootLogger());
            for (Object logger : list(LogManager.getCurrentLoggers())) {
                loggers.add((Logger) logger);
            }
            Map<ConsoleAppender, ConsoleAppender> replaced = new IdentityHashMap<>();
            for (Logger logger : loggers) {
                for (Object appender : list(logger.getAllAppenders())) {
                    if (appender instanceof ConsoleAppender console && !console.getFollow()
                            && ConsoleAppender.SYSTEM_ERR.equals(console.getTarget())) {
                        ConsoleAppender following = replaced.computeIfAbsent(console, ConsoleFollowsSystemErr::following);
                        logger.removeAppender(console);
                        logger.addAppender(following);
                    }
                }
            }
            return replaced.size();
        } catch (LinkageError | RuntimeException noLog4j) {
            return 0;
        }
    }

    /** log4j 1's raw enumerations, as a list (a copy: the loop changes the appenders it walks). */
    private static List<Object> list(Enumeration<?> items) {
        List<Object> list = new ArrayList<>();
        while (items.hasMoreElements()) {
            list.add(items.nextElement());
        }
        return list;
    }

    private static ConsoleAppender following(ConsoleAppender old) {
        ConsoleAppender copy = new ConsoleAppender();
        copy.setName(old.getName());
        copy.setLayout(old.getLayout());
        copy.setThreshold(old.getThreshold());
        copy.setEncoding(old.getEncoding());
        copy.setImmediateFlush(old.getImmediateFlush());
        if (old.getFilter() != null) {
            copy.addFilter(old.getFilter());
        }
        copy.setTarget(ConsoleAppender.SYSTEM_ERR);
        copy.setFollow(true);
        copy.activateOptions();
        return copy;
    }
}
