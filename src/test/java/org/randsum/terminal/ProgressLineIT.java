package org.randsum.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.randsum.testing.Processes;

/**
 * The progress line in a real terminal (issue 25): scripts/randsum in a tmux pane, the screen read
 * with capture-pane while it runs and at the end; and the same runs with stderr in a file, with
 * --json and with -D randsum.progress=false, where nothing may change. Each run happens once, here;
 * the tests look at what it left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressLineIT {
    /** The size: long enough (10 s with two AVX-512 cores, minutes on scalar ones) to be watched. */
    private static final String LONG_N = "150000000000";
    private static final String SHORT_N = "30000000000";
    private static final Duration LIMIT = Duration.ofMinutes(6);
    /** The line as ProgressLine draws it, its figures in groups: percent, rate, elapsed, left. */
    private static final Pattern LINE = Pattern.compile(
            "\\[[=> ]+\\]\\s+(\\d+\\.\\d)%\\s+\\S+/\\S+ values\\s+(\\S+)/s\\s+(\\S+) elapsed\\s+(\\S+) left");
    /** Any piece of the line: a bar, a percentage with a tenth, a rate, a time left. */
    private static final Pattern ANY_PART = Pattern.compile("\\[[=> ]{5,}\\]|\\d+\\.\\d%|\\S/s\\b| left\\b");
    private static final Pattern EXIT = Pattern.compile("(?m)^EXIT=(\\d+)$");

    @TempDir
    static Path dir;

    private Matcher first;
    private Matcher second;
    private long firstNanos;
    private long endNanos;
    private String threadsFinal;
    private String threadsToFileScreen;
    private String threadsToFileErr;
    private List<String> jsonScreens;
    private String jsonOut;
    private List<String> settingOffScreens;
    private List<String> localScreens;
    private String localToFileErr;

    @BeforeAll
    void runEachOnce() throws Exception {
        try (Tmux tmux = new Tmux(150, 40, shell("--engine threads -n " + LONG_N + " --seed 42"))) {
            String screen = tmux.await(s -> line(s).filter(m -> !m.group(2).equals("-")).isPresent(), LIMIT,
                    "progress line with a rate");
            firstNanos = System.nanoTime();
            first = line(screen).orElseThrow();
            Thread.sleep(3000);
            String later = tmux.screen();
            second = line(later).orElseThrow(() -> new AssertionError("no line 3 s later; the screen:\n" + later));
            threadsFinal = tmux.await(s -> EXIT.matcher(s).find(), LIMIT, "end of the run");
            endNanos = System.nanoTime();
        }
        Path err = dir.resolve("threads.err");
        try (Tmux tmux = new Tmux(150, 40, shell("--engine threads -n " + LONG_N + " --seed 42 2>" + err))) {
            threadsToFileScreen = tmux.await(s -> EXIT.matcher(s).find(), LIMIT, "end of the run");
        }
        threadsToFileErr = Files.readString(err, StandardCharsets.UTF_8);
        Path out = dir.resolve("json.out");
        try (Tmux tmux = new Tmux(150, 40, shell("--engine threads -n " + SHORT_N + " --seed 42 --json >" + out))) {
            jsonScreens = tmux.record(s -> EXIT.matcher(s).find(), LIMIT);
        }
        jsonOut = Files.readString(out, StandardCharsets.UTF_8);
        try (Tmux tmux = new Tmux(150, 40, shell("-D randsum.progress=false --engine threads -n " + SHORT_N
                + " --seed 42"))) {
            settingOffScreens = tmux.record(s -> EXIT.matcher(s).find(), LIMIT);
        }
        try (Tmux tmux = new Tmux(150, 60, shell("-n " + SHORT_N + " --seed 42"))) {
            localScreens = tmux.record(s -> EXIT.matcher(s).find(), LIMIT);
        }
        Path localErr = dir.resolve("local.err");
        try (Tmux tmux = new Tmux(150, 40, shell("-n " + SHORT_N + " --seed 42 2>" + localErr))) {
            tmux.await(s -> EXIT.matcher(s).find(), LIMIT, "end of the run");
        }
        localToFileErr = Files.readString(localErr, StandardCharsets.UTF_8);
    }

    /** The pane's command: scripts/randsum with {@code args}, then its exit code, then a pause to read the screen. */
    private static String shell(String args) {
        return "cd '" + Processes.projectDir() + "' && scripts/randsum " + args + "; echo EXIT=$?; sleep 600";
    }

    private static Optional<Matcher> line(String screen) {
        Matcher m = LINE.matcher(screen);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /** 742, 1.23K, 15.3G ... as a number: an independent reading of the line's figures. */
    private static double figure(String text) {
        String units = "KMGTPE";
        char last = text.charAt(text.length() - 1);
        int unit = units.indexOf(last);
        return unit < 0 ? Double.parseDouble(text)
                : Double.parseDouble(text.substring(0, text.length() - 1)) * Math.pow(1000, unit + 1);
    }

    /** m:ss or h:mm:ss in seconds. */
    private static long seconds(String text) {
        long total = 0;
        for (String field : text.split(":")) {
            total = total * 60 + Long.parseLong(field);
        }
        return total;
    }

    private static String totalOn(String screen) {
        Matcher m = Pattern.compile("(?m)^(-?\\d+)$").matcher(screen);
        assertTrue(m.find(), "no total on the screen:\n" + screen);
        return m.group(1);
    }

    @Test
    void threadsLineShowsPercentageAndRate() {
        assertTrue(figure(first.group(2)) > 0, first.group());
    }

    @Test
    void threadsLineMovesWithinThreeSeconds() {
        assertTrue(Double.parseDouble(second.group(1)) > Double.parseDouble(first.group(1)),
                first.group() + "\n" + second.group());
    }

    @Test
    void threadsRateMatchesTheMovement() {
        // Values summed between the two captures, from their percentages, over the ~3 s between them.
        double moved = (Double.parseDouble(second.group(1)) - Double.parseDouble(first.group(1))) / 100
                * Double.parseDouble(LONG_N) / 3.0;
        double shown = figure(first.group(2));
        assertTrue(shown > moved / 3 && shown < moved * 3, "rate " + shown + "/s, moved " + moved + "/s");
    }

    @Test
    void threadsTimeLeftIsAboutTheTimeItTook() {
        long left = seconds(first.group(4));
        double took = (endNanos - firstNanos) / 1e9;
        assertTrue(Math.abs(took - left) <= Math.max(4, took / 2), "left " + left + " s, took " + took + " s");
    }

    @Test
    void threadsRunSucceeds() {
        Matcher exit = EXIT.matcher(threadsFinal);
        assertTrue(exit.find());
        assertEquals("0", exit.group(1), threadsFinal);
    }

    @Test
    void threadsFinalScreenHasNoProgressText() {
        assertFalse(ANY_PART.matcher(threadsFinal).find(), threadsFinal);
    }

    @Test
    void threadsFinalScreenHoldsTheTotalOfARunWithoutTheLine() {
        assertEquals(totalOn(threadsToFileScreen), totalOn(threadsFinal), threadsFinal);
    }

    @Test
    void stderrInAFileIsTheOneLineItWasBefore() {
        Matcher kernel = Pattern.compile("(?m)^  kernel   (\\S+)$").matcher(threadsToFileScreen);
        assertTrue(kernel.find(), threadsToFileScreen);
        int threads = Runtime.getRuntime().availableProcessors();
        assertEquals("randsum: summing " + LONG_N + " values in-process with " + threads
                + (threads == 1 ? " thread" : " threads") + ", " + kernel.group(1) + " kernel, seed 42\n", threadsToFileErr);
    }

    @Test
    void jsonOnATerminalDrawsNoLine() {
        for (String screen : jsonScreens) {
            assertFalse(ANY_PART.matcher(screen).find(), screen);
        }
    }

    @Test
    void jsonStdoutIsOneObject() {
        assertTrue(jsonOut.matches("\\{\"sum\":\"\\d+\",\"n\":" + SHORT_N + ",[^\n]*\\}\n"), jsonOut);
    }

    @Test
    void settingFalseDrawsNoLine() {
        for (String screen : settingOffScreens) {
            assertFalse(ANY_PART.matcher(screen).find(), screen);
        }
    }

    @Test
    void localModeShowsTheLine() {
        assertTrue(localScreens.stream().anyMatch(s -> line(s).isPresent()), String.join("\n----\n", localScreens));
    }

    @Test
    void localModeLeavesHadoopsLinesButNotItsPerPollOnes() {
        String last = localScreens.get(localScreens.size() - 1);
        assertTrue(last.contains("completed successfully") && !last.contains(" map 100% reduce"), last);
    }

    @Test
    void localModeFinalScreenHasNoProgressText() {
        String last = localScreens.get(localScreens.size() - 1);
        assertFalse(ANY_PART.matcher(last).find(), last);
    }

    @Test
    void localModeStderrInAFileKeepsHadoopsPerPollLinesAndNoTerminalCodes() {
        assertTrue(localToFileErr.contains(" map 100% reduce 100%") && !localToFileErr.contains("\r")
                && !localToFileErr.contains("\033"), localToFileErr);
    }
}
