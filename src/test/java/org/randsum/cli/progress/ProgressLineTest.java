package org.randsum.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The line's arithmetic and layout, each with stated inputs and the answer worked out by hand. */
class ProgressLineTest {
    private static final long SECOND = 1_000_000_000L;
    /** 67.5e9 of 150e9 values after 56 s, at 1.21e9 values a second, vector-512: the README's example. */
    private static final ProgressState THREADS = ProgressState.of(67_500_000_000L, 150_000_000_000L, 56 * SECOND,
            "vector-512");
    private static final OptionalDouble RATE = OptionalDouble.of(1.21e9);

    @Test
    void wideLineHoldsEveryPart() {
        // 45% of 20 cells is 9 full cells and the head; (150e9 - 67.5e9) / 1.21e9 = 68.18 s, rounded up: 1:09.
        assertEquals("[=========>          ]   45.0%  67.5G/150G values  1.21G/s  0:56 elapsed  1:09 left  vector-512",
                ProgressLine.render(THREADS, RATE, 200));
    }

    @Test
    void yarnLineAddsMapsAndStateBeforeTheKernel() {
        ProgressState yarn = new ProgressState(0, 1000, 3 * SECOND, null, new ProgressState.Maps(3, 2, 1), "RUNNING");
        assertEquals("[>                   ]    0.0%  0/1.00K values  -/s  0:03 elapsed  ? left"
                + "  maps 3 done 2 running 1 pending  RUNNING", ProgressLine.render(yarn, OptionalDouble.empty(), 200));
    }

    @Test
    void lineNeverReachesTheLastColumn() {
        for (int columns = 2; columns <= 120; columns++) {
            String line = ProgressLine.render(THREADS, RATE, columns);
            assertTrue(line.length() <= columns - 1, columns + " columns: '" + line + "'");
        }
    }

    @Test
    void eightyColumnsDropKernelThenValues() {
        // The full line is 95 characters; without "  vector-512" 83, still over 79; without
        // "  67.5G/150G values" too, 64: that fits.
        assertEquals("[=========>          ]   45.0%  1.21G/s  0:56 elapsed  1:09 left",
                ProgressLine.render(THREADS, RATE, 80));
    }

    @Test
    void barShrinksBeforeItIsDropped() {
        // Kernel, values and elapsed gone, the line is 22 + 28 = 50 characters; 45 columns leave 44,
        // so the bar loses 6 of its 20 cells: 14 cells, 45% of which is 6.3, so 6 full cells.
        assertEquals("[======>       ]   45.0%  1.21G/s  1:09 left", ProgressLine.render(THREADS, RATE, 45));
    }

    @Test
    void narrowTerminalKeepsThePercentageRateAndTimeLeft() {
        // 30 columns leave 29: the bar at its 10 cells still makes 40, so it goes too.
        assertEquals(" 45.0%  1.21G/s  1:09 left", ProgressLine.render(THREADS, RATE, 30));
    }

    @Test
    void tinyTerminalGetsThePercentageCut() {
        assertEquals(" 45.0", ProgressLine.render(THREADS, RATE, 6));
    }

    @Test
    void percentIsRoundedDown() {
        assertEquals(33.3, ProgressLine.percent(1, 3));
    }

    @Test
    void percentReaches100OnlyWhenDone() {
        // 999,999,999,999 of 10^12 is 99.9999999999%: shown as 99.9, never as 100.0.
        assertEquals(99.9, ProgressLine.percent(999_999_999_999L, 1_000_000_000_000L));
    }

    @Test
    void emptyRunIsDone() {
        assertEquals(100.0, ProgressLine.percent(0, 0));
    }

    @Test
    void countPastTheTotalIsClamped() {
        assertEquals("[==========]", ProgressLine.bar(12, 10, 10));
    }

    @Test
    void barHeadMarksTheNextCell() {
        // 1/4 of 8 cells: 2 full, the head, 5 empty.
        assertEquals("[==>     ]", ProgressLine.bar(25, 100, 8));
    }

    @Test
    void timeLeftIsRemainingOverRateRoundedUp() {
        // 1e9 values left at 3e8 a second: 3.33 s, so 4 s.
        assertEquals(OptionalLong.of(4), ProgressLine.secondsLeft(1_000_000_000L, 2_000_000_000L, OptionalDouble.of(3e8)));
    }

    @Test
    void timeLeftIsUnknownAtRateZero() {
        assertEquals(OptionalLong.empty(), ProgressLine.secondsLeft(5, 10, OptionalDouble.of(0)));
    }

    @Test
    void timeLeftOfAFinishedRunIsZero() {
        assertEquals(OptionalLong.of(0), ProgressLine.secondsLeft(10, 10, OptionalDouble.empty()));
    }

    @Test
    void durationsInMinutesHoursAndBeyond() {
        assertEquals("1:05", ProgressLine.duration(65));
        assertEquals("1:02:05", ProgressLine.duration(3725));
        assertEquals(">99h", ProgressLine.duration(100 * 3600));
    }

    @Test
    void compactNumbersHaveThreeSignificantDigits() {
        assertEquals("742", ProgressLine.compact(742));
        assertEquals("1.23K", ProgressLine.compact(1234));
        assertEquals("1.00M", ProgressLine.compact(999_999));
        assertEquals("150G", ProgressLine.compact(1.5e11));
        assertEquals("9.22E", ProgressLine.compact(Long.MAX_VALUE));
    }
}
