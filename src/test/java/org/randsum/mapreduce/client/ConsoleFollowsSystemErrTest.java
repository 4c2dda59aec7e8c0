package org.randsum.mapreduce.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.junit.jupiter.api.Test;

class ConsoleFollowsSystemErrTest {
    @Test
    void consoleAppenderThatHeldTheOldStderrWritesToTheCurrentOne() {
        Logger logger = LogManager.getLogger("org.randsum.test.ConsoleFollowsSystemErrTest");
        logger.setAdditivity(false);
        logger.setLevel(Level.INFO);
        PrintStream before = System.err;
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        try {
            // The appender is made while stderr is "held", as a console appender is made at the JVM's start.
            System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
            logger.addAppender(new ConsoleAppender(new PatternLayout("%p %m%n"), ConsoleAppender.SYSTEM_ERR));
            ConsoleFollowsSystemErr.apply();
            System.setErr(new PrintStream(current, true, StandardCharsets.UTF_8));
            logger.warn("a warning");
        } finally {
            System.setErr(before);
            logger.removeAllAppenders();
        }
        assertEquals("WARN a warning\n", current.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theStreamTheOldAppenderHeldStaysOpen() {
        Logger logger = LogManager.getLogger("org.randsum.test.ConsoleFollowsSystemErrTest.open");
        logger.setAdditivity(false);
        PrintStream before = System.err;
        PrintStream held = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try {
            System.setErr(held);
            logger.addAppender(new ConsoleAppender(new PatternLayout("%m%n"), ConsoleAppender.SYSTEM_ERR));
            ConsoleFollowsSystemErr.apply();
        } finally {
            System.setErr(before);
            logger.removeAllAppenders();
        }
        held.print("x");
        assertFalse(held.checkError(), "the stream the old appender held was closed");
    }
}
