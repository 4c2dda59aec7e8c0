package org.randsum.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        ConsoleAppender console = new ConsoleAppender(new PatternLayout("%p %m%n"), ConsoleAppender.SYSTEM_ERR);
        logger.addAppender(console);
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ConsoleFollowsSystemErr.apply();
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            logger.warn("a warning");
        } finally {
            System.setErr(before);
            logger.removeAppender(console);
        }
        assertEquals("WARN a warning\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
