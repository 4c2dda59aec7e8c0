package org.randsum.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.randsum.testing.Chromium;
import org.randsum.testing.Processes;
import org.randsum.timeline.JobHistory.Attempt;

/**
 * The timeline page in a real browser: headless Chromium (as ClusterScriptIT looks at the web UIs)
 * opens the page TimelinePage wrote for the uneven job of {@link Jobs#uneven()}, takes its screenshot
 * (target/ui-screenshots/timeline.png, kept for a person to look at) and dumps the DOM it rendered,
 * in which every attempt has one bar with the right marks.
 */
class TimelinePageIT {
    private static final Pattern TAG = Pattern.compile("<g\\s[^>]*data-attempt=[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    private static String browse(String url, String screenshot) throws Exception {
        return Chromium.browse(url, screenshot, 900);
    }

    /** Each attempt's bar in the rendered DOM: its data- attributes by name. */
    private static List<Map<String, String>> bars(String dom) {
        List<Map<String, String>> bars = new ArrayList<>();
        Matcher tag = TAG.matcher(dom);
        while (tag.find()) {
            Map<String, String> attributes = new TreeMap<>();
            Matcher attribute = ATTRIBUTE.matcher(tag.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            bars.add(attributes);
        }
        return bars;
    }

    private static List<String> with(List<Map<String, String>> bars, String name, String value) {
        return bars.stream().filter(b -> value.equals(b.get(name))).map(b -> b.get("data-attempt")).sorted().toList();
    }

    private static String id(String kind, int task, int number) {
        return String.format("attempt_%s_%s_%06d_%d", Jobs.APP, kind, task, number);
    }

    @Test
    void theUnevenJobsPageShowsEveryAttemptWithItsMarks() throws Exception {
        JobHistory job = Jobs.uneven();
        Path page = Processes.projectDir().resolve("target/timeline-it/timeline.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, TimelinePage.html(job, Jobs.phases(job, 32.4), Jobs.T0));

        String dom = browse(page.toUri().toString(), "timeline.png");

        List<Map<String, String>> bars = bars(dom);
        assertEquals(job.attempts().stream().map(Attempt::id).sorted().toList(),
                bars.stream().map(b -> b.get("data-attempt")).sorted().toList(), "every attempt once");
        assertEquals(List.of(id("m", 4, 0)), with(bars, "data-state", "FAILED"));
        assertEquals(List.of(id("m", 7, 1)), with(bars, "data-state", "KILLED"));
        assertEquals(List.of(id("m", 7, 1)), with(bars, "data-duplicate", "true"));
        assertEquals(17, with(bars, "data-state", "SUCCEEDED").size());
        assertEquals(List.of(id("r", 0, 0)), with(bars, "data-kind", "REDUCE"));
        assertTrue(dom.contains("data-am=\"1\""), "the application master's bar");
        for (String phase : List.of("submit", "am", "maps", "reduce", "commit", "result")) {
            assertTrue(dom.contains("data-phase=\"" + phase + "\""), phase);
        }
    }
}
