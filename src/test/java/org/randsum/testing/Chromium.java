package org.randsum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Headless Chromium, the real browser the page tests look with (Debian package chromium). */
public final class Chromium {
    private static final String CHROMIUM = "/usr/bin/chromium";
    /** Where screenshots are kept as test output, for a person to look at. */
    public static final Path SCREENSHOTS = Processes.projectDir().resolve("target/ui-screenshots");

    private Chromium() {
    }

    /**
     * The page at {@code url} as Chromium renders it (scripts run), after keeping its screenshot as
     * {@code screenshot} in {@link #SCREENSHOTS}, taken in a window 1400 pixels wide and {@code height} high.
     */
    public static String browse(String url, String screenshot, int height) throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)),
                "headless Chromium is needed (Debian package chromium): scripts/test installs it");
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory(Processes.projectDir().resolve("target"), "chromium");
        List<String> common = List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400," + height);
        List<String> shot = new ArrayList<>(common);
        shot.addAll(List.of("--screenshot=" + SCREENSHOTS.resolve(screenshot), url));
        Processes.Result shotResult = Processes.run(shot, Map.of(), 60);
        assertEquals(0, shotResult.exitCode(), shotResult.err());
        assertTrue(Files.size(SCREENSHOTS.resolve(screenshot)) > 10_000, "a screenshot of " + url);
        List<String> dom = new ArrayList<>(common);
        dom.addAll(List.of("--dump-dom", url));
        Processes.Result rendered = Processes.run(dom, Map.of(), 60);
        assertEquals(0, rendered.exitCode(), rendered.err());
        return rendered.out();
    }
}
