package org.randsum.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class RateWindowTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void rateIsValuesOverTime() {
        RateWindow window = new RateWindow(10 * SECOND);
        window.add(0, 0);
        window.add(SECOND / 2, 250);
        window.add(2 * SECOND, 1000);
        assertEquals(OptionalDouble.of(500.0), window.perSecond());
    }

    @Test
    void rateIsUnknownUnderASecond() {
        RateWindow window = new RateWindow(10 * SECOND);
        window.add(0, 0);
        window.add(SECOND / 2, 1000);
        assertEquals(OptionalDouble.empty(), window.perSecond());
    }

    @Test
    void oldSamplesLeaveTheWindow() {
        // 20 s of start-up with nothing summed, then 1000 values a second for 10 s: over a 5 s window
        // the rate is 1000/s, not the run's average of 10,000 / 30 s.
        RateWindow window = new RateWindow(5 * SECOND);
        for (int s = 0; s <= 20; s++) {
            window.add(s * SECOND, 0);
        }
        for (int s = 21; s <= 30; s++) {
            window.add(s * SECOND, (s - 20) * 1000L);
        }
        assertEquals(OptionalDouble.of(1000.0), window.perSecond());
    }

    @Test
    void aCounterThatFallsBackGivesRateZero() {
        // A failed task attempt's counts leave the job's counter: never a negative rate.
        RateWindow window = new RateWindow(10 * SECOND);
        window.add(0, 5000);
        window.add(2 * SECOND, 3000);
        assertEquals(OptionalDouble.of(0.0), window.perSecond());
    }
}
