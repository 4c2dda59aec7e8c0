package org.randsum.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.randsum.timeline.Jobs.map;
import static org.randsum.timeline.Jobs.master;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.randsum.timeline.JobHistory.Attempt;
import org.randsum.timeline.JobHistory.End;

/** The page, from jobs written out by hand ({@link Jobs}); the attempts found by their data- attributes. */
class TimelinePageTest {
    private static final Pattern ATTEMPT = Pattern.compile("<g class=\"attempt[^\"]*\" data-attempt=\"([^\"]*)\"([^>]*)>");
    private static final Pattern ROW_LABEL = Pattern.compile("<text class=\"row-label[^\"]*\"[^>]*><title>([^<]*)</title>");

    private static String page(JobHistory job, double runEnd) {
        return TimelinePage.html(job, Jobs.phases(job, runEnd), Jobs.T0);
    }

    private static String uneven() {
        return page(Jobs.uneven(), 32.4);
    }

    /** Each bar's attempt id and its data- attributes (state, duplicate), in the page's order. */
    static List<Map.Entry<String, String>> bars(String html) {
        List<Map.Entry<String, String>> bars = new ArrayList<>();
        Matcher bar = ATTEMPT.matcher(html);
        while (bar.find()) {
            bars.add(Map.entry(bar.group(1), bar.group(2)));
        }
        return bars;
    }

    /** The attempts whose bar has {@code attribute}. */
    static List<String> marked(String html, String attribute) {
        return bars(html).stream().filter(b -> b.getValue().contains(attribute)).map(Map.Entry::getKey).sorted().toList();
    }

    private static List<String> rowLabels(String html) {
        List<String> labels = new ArrayList<>();
        Matcher label = ROW_LABEL.matcher(html);
        while (label.find()) {
            labels.add(label.group(1));
        }
        return labels;
    }

    /** The inline SVG parses as XML: every tag closed, every text escaped. */
    private static void assertWellFormedSvg(String html) throws Exception {
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg(html).getBytes(StandardCharsets.UTF_8)));
    }

    /** The picture, without the legend's swatches. */
    private static String svg(String html) {
        return html.substring(html.indexOf("<svg xmlns"), html.indexOf("</svg>") + "</svg>".length());
    }

    private static String id(String kind, int task, int number) {
        return String.format("attempt_%s_%s_%06d_%d", Jobs.APP, kind, task, number);
    }

    @Test
    void everyAttemptHasExactlyOneBar() {
        String html = uneven();
        List<String> ids = Jobs.uneven().attempts().stream().map(Attempt::id).sorted().toList();
        assertEquals(19, ids.size());
        assertEquals(ids, bars(html).stream().map(Map.Entry::getKey).sorted().toList());
    }

    @Test
    void onlyTheFailedAttemptIsMarkedFailed() {
        assertEquals(List.of(id("m", 4, 0)), marked(uneven(), "data-state=\"FAILED\""));
    }

    @Test
    void onlyTheKilledDuplicateIsMarkedKilled() {
        assertEquals(List.of(id("m", 7, 1)), marked(uneven(), "data-state=\"KILLED\""));
    }

    @Test
    void theSpeculativeDuplicateIsMarkedAndTheRetryAfterAFailureIsNot() {
        String html = uneven();
        assertEquals(List.of(id("m", 7, 1)), marked(html, "data-duplicate=\"true\""));
        assertEquals(17, marked(html, "data-state=\"SUCCEEDED\"").size());
    }

    @Test
    void everyStateHasItsMarkInTheSvg() {
        String svg = svg(uneven());
        assertEquals(1, count(svg, "<rect class=\"mark failed\""));
        assertEquals(1, count(svg, "<rect class=\"mark killed\""));
        assertEquals(1, count(svg, "<rect class=\"mark duplicate\""));
    }

    @Test
    void overlappingAttemptsOnOneNodeGetTwoSlotRows() {
        // 1.0-5.0 and 3.0-6.0 on n1: the second starts before the first ends.
        JobHistory job = Jobs.job(master("n2:1", 0.5), 7.0,
                List.of(map(0, 0, "n1:1", 1.0, 5.0, End.SUCCEEDED), map(1, 0, "n1:1", 3.0, 6.0, End.SUCCEEDED)));
        assertEquals(List.of("n1:1 / slot 1", "n1:1 / slot 2", "n2:1 / AM"), rowLabels(page(job, 8.0)));
    }

    @Test
    void sequentialAttemptsOnOneNodeShareARow() {
        // 1.0-5.0, then 5.0-6.0 (starting as the first ends) and 5.5-6.5 (on the next row's free slot).
        JobHistory job = Jobs.job(master("n2:1", 0.5), 7.0, List.of(map(0, 0, "n1:1", 1.0, 5.0, End.SUCCEEDED),
                map(1, 0, "n1:1", 5.0, 6.0, End.SUCCEEDED), map(2, 0, "n1:1", 6.0, 6.5, End.SUCCEEDED)));
        assertEquals(List.of("n1:1 / slot 1", "n2:1 / AM"), rowLabels(page(job, 8.0)));
        assertEquals(List.of(List.of(0, 1, 2)), SlotRows.of(job).stream().filter(r -> r.master() == null)
                .map(r -> r.attempts().stream().map(a -> job.attempts().indexOf(a)).toList()).toList());
    }

    @Test
    void nodeNamesAreEscaped() throws Exception {
        String node = "evil<&>\"'node:1";
        JobHistory job = Jobs.job(master(node, 0.5), 7.0, List.of(map(0, 0, node, 1.0, 5.0, End.SUCCEEDED)));
        String html = page(job, 8.0);
        assertFalse(html.contains("evil<"), html);
        assertFalse(html.contains("<&>"), html);
        assertTrue(html.contains("evil&lt;&amp;&gt;&quot;&#39;node:1 / slot 1"), html);
        assertWellFormedSvg(html);
    }

    @Test
    void theApplicationMasterHasARowOfItsOwnOnItsNode() {
        String html = uneven();
        assertEquals(1, count(html, "data-am=\"1\""));
        assertEquals(List.of("worker-4:8041 / AM", "worker-4:8041 / slot 1", "worker-4:8041 / slot 2"),
                rowLabels(html).stream().filter(l -> l.startsWith("worker-4")).toList());
    }

    @Test
    void uberTasksWithoutANodeAreDrawnOnTheApplicationMastersNode() {
        JobHistory job = new JobHistory(Jobs.JOB_ID, "SUCCEEDED", Jobs.at(1.2), Jobs.at(3.0), Jobs.at(7.0), true,
                List.of(master("am-node:1", 2.0)), List.of(map(0, 0, "", 3.5, 5.0, End.SUCCEEDED)));
        assertEquals(List.of("am-node:1 / AM", "am-node:1 / slot 1"), rowLabels(page(job, 8.0)));
    }

    @Test
    void everyPhaseIsNamedOnThePage() {
        String html = uneven();
        for (String phase : List.of("submit", "am", "maps", "reduce", "commit", "result")) {
            assertEquals(1, count(html, "data-phase=\"" + phase + "\""), phase);
        }
        assertTrue(html.contains("<figcaption>phases of 32.4 s: submit 1.2 s, am 5.3 s, maps 23.7 s"), html);
    }

    @Test
    void theMapsMarkersStandAtTheirTimes() {
        String html = uneven();
        assertTrue(html.contains(">first map start 7.0 s<"), html);
        assertTrue(html.contains(">median map end 23.0 s<"), html);
        assertTrue(html.contains(">last map end 30.2 s<"), html);
    }

    @Test
    void theTitleSaysTheJobItsStatusNAndTheWall() {
        String html = uneven();
        assertTrue(html.contains("<title>randsum timeline: " + Jobs.JOB_ID + "</title>"), html);
        assertTrue(html.contains(">SUCCEEDED</span>"), html);
        assertTrue(html.contains("16 maps (18 attempts) · 1 reduce · 4 nodes · n = 1,000,000,000 · wall 32.4 s"), html);
    }

    @Test
    void aTooltipTellsAMapsSummingTime() {
        // Map 0 ran 7.0-15.0 s on worker-1 and summed for 7.5 s (Jobs.map: its time less 0.5 s).
        assertTrue(uneven().contains("<title>" + id("m", 0, 0) + "\nSUCCEEDED\nnode worker-1:8041\ncontainer container_"
                + Jobs.APP + "_01_000100\n7.0 s to 15.0 s (8.0 s)\nsumming 7.5 s\n62,500,000 values</title>"));
    }

    @Test
    void thePageIsSelfContained() {
        String html = uneven();
        assertFalse(html.contains("src="), "no external script or image");
        assertFalse(html.contains("href="), "no stylesheet or link");
        assertEquals(1, count(html, "http://"), "only the SVG namespace");
    }

    @Test
    void oneZeroLengthAttemptStillMakesAPage() throws Exception {
        JobHistory job = Jobs.job(master("n1:1", 0.5), 2.0, List.of(map(0, 0, "n1:1", 1.0, 1.0, End.SUCCEEDED)));
        String html = page(job, 2.5);
        assertEquals(1, bars(html).size());
        assertTrue(html.contains("width=\"2.0\""), "the bar is drawn 2 px wide");
        assertWellFormedSvg(html);
    }

    @Test
    void attemptsWithoutANodeGetARowOfTheirOwnLast() throws Exception {
        JobHistory job = Jobs.job(master("n1:1", 0.5), 7.0, List.of(map(0, 0, "", 1.0, 1.0, End.KILLED),
                map(0, 1, "n1:1", 1.5, 5.0, End.SUCCEEDED)));
        String html = page(job, 8.0);
        assertEquals(List.of("n1:1 / AM", "n1:1 / slot 1", "(no node) / slot 1"), rowLabels(html));
        assertWellFormedSvg(html);
    }

    @Test
    void twoHundredAttemptsAllGetBars() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            attempts.add(map(i, 0, "n" + i % 4 + ":1", 7.0 + i / 8 * 2.0, 9.0 + i / 8 * 2.0, End.SUCCEEDED));
        }
        JobHistory job = Jobs.job(master("n0:1", 0.5), 60.0, attempts);
        String html = page(job, 61.0);
        assertEquals(200, bars(html).stream().map(Map.Entry::getKey).distinct().count());
        assertEquals(4 * 2 + 1, rowLabels(html).size(), "two maps at a time on each of 4 nodes, and the AM");
        assertWellFormedSvg(html);
    }

    @Test
    void theUnevenJobsSvgIsWellFormed() throws Exception {
        assertWellFormedSvg(uneven());
    }

    @Test
    void axisTicksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(5.0, Axis.step(2.31), 1e-12);
        assertEquals(1.0, Axis.step(0.7), 1e-12);
        assertEquals(0.2, Axis.step(0.15), 1e-12);
        assertEquals(20.0, Axis.step(20.0), 1e-12);
        assertEquals(100.0, Axis.step(51.0), 1e-12);
    }

    @Test
    void theAxisIsRoundedOutToTicks() {
        // 32.4 s over about 14 ticks: 2.3 s each, so 5 s; 0 to 35.
        Axis axis = Axis.of(0, 32.4, 14);
        assertEquals(new Axis(0, 35, 5), axis);
        assertEquals(List.of("0", "5", "10", "15", "20", "25", "30", "35"), axis.ticks().stream().map(axis::label).toList());
        Axis fine = Axis.of(-0.3, 1.1, 7);
        assertEquals(List.of("-0.4", "-0.2", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "1.2"),
                fine.ticks().stream().map(fine::label).toList());
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
