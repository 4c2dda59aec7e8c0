package org.randsum.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.randsum.timeline.JobHistory.Attempt;
import org.randsum.timeline.JobHistory.End;
import org.randsum.timeline.JobHistory.Kind;
import org.randsum.timeline.JobHistory.Master;

/**
 * A run's picture ({@code --timeline FILE}): one self-contained HTML page, inline SVG and CSS, no
 * external resource and no script needed to see it. One row per node and slot ({@link SlotRows}),
 * one bar per task attempt, the failed, killed and speculative ones marked; the application master
 * on a row of its own; the phases as a band along the time axis, in seconds from the run's start.
 * Each bar carries {@code data-attempt}, {@code data-state} and {@code data-duplicate} so that a test
 * (or a user's script) finds every attempt.
 */
public final class TimelinePage {
    private static final int WIDTH = 1360;
    private static final int RIGHT = 28;
    private static final int ROW = 26;
    private static final int BAR = 18;
    private static final int PHASES_TOP = 8;
    private static final int PHASES_HEIGHT = 26;
    private static final int MARKER_LINE = 14;
    /** The room left of a row's label. */
    private static final int LABEL_PAD = 20;
    /** A character's width at the page's 12 px font, generous, to decide whether a label fits its bar. */
    private static final double CHAR = 7.0;
    private static final String[] PHASE_COLOURS = {"#d5dbe0", "#d9c9b8", "#bcd4ea", "#f7d3ae", "#c6e3c1", "#f1e3a0",
        "#dcc8e6", "#f3c4d2"};

    private TimelinePage() {
    }

    /**
     * The page.
     *
     * @param runStartMillis the client's run start (epoch ms), the origin of the axis and of {@code phases}' times
     */
    public static String html(JobHistory job, Phases phases, long runStartMillis) {
        List<SlotRows.Row> rows = SlotRows.of(job);
        int labelWidth = (int) Math.min(380, Math.max(150,
                LABEL_PAD + CHAR * rows.stream().mapToInt(r -> r.nodeLabel().length() + r.what().length() + 3).max().orElse(0)));
        Chart chart = new Chart(job, phases, runStartMillis, labelWidth, rows.size());
        StringBuilder svg = new StringBuilder(16_384 + 1_024 * job.attempts().size());
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"task attempts over time\">\n",
                WIDTH, chart.height, WIDTH, chart.height));
        svg.append(DEFS);
        chart.rows(svg, rows);
        chart.axis(svg);
        chart.phases(svg);
        chart.markers(svg);
        for (int i = 0; i < rows.size(); i++) {
            chart.bars(svg, rows.get(i), i);
        }
        svg.append("</svg>\n");
        return page(job, phases, svg.toString());
    }

    private static String page(JobHistory job, Phases phases, String svg) {
        String line = phases.line().replaceFirst("^randsum: ", "");
        StringBuilder html = new StringBuilder(svg.length() + 8_192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>randsum timeline: ")
                .append(escape(job.jobId())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(job.jobId())).append(" <span class=\"status ")
                .append("SUCCEEDED".equals(job.status()) ? "ok" : "bad").append("\">").append(escape(job.status()))
                .append("</span></h1>\n<p class=\"summary\">").append(escape(summary(job, phases))).append("</p>\n");
        html.append("<figure>\n").append(svg).append("<figcaption>").append(escape(line)).append("</figcaption>\n</figure>\n");
        html.append(legend(phases)).append(SCRIPT).append("</body>\n</html>\n");
        return html.toString();
    }

    /** What the history tells of the job: its tasks, its nodes, n (when every map counted its values), the wall. */
    static String summary(JobHistory job, Phases phases) {
        List<Attempt> maps = job.attempts(Kind.MAP);
        List<Attempt> succeeded = maps.stream().filter(a -> a.end() == End.SUCCEEDED).toList();
        long reduces = job.attempts(Kind.REDUCE).stream().map(Attempt::taskId).distinct().count();
        long nodes = Stream.concat(job.attempts().stream().map(a -> SlotRows.nodeOf(job, a)),
                job.masters().stream().map(Master::node)).filter(n -> !n.isEmpty()).distinct().count();
        List<String> parts = new ArrayList<>();
        parts.add(plural(maps.stream().map(Attempt::taskId).distinct().count(), "map") + " ("
                + plural(maps.size(), "attempt") + ")");
        parts.add(plural(reduces, "reduce"));
        parts.add(plural(nodes, "node"));
        if (!succeeded.isEmpty() && succeeded.stream().allMatch(a -> a.values() >= 0)) {
            parts.add(String.format(Locale.ROOT, "n = %,d", succeeded.stream().mapToLong(Attempt::values).sum()));
        }
        parts.add("wall " + seconds(phases.wallMillis()) + " s");
        if (job.uber()) {
            parts.add("uber (the tasks ran inside the application master)");
        }
        return String.join(" · ", parts);
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String legend(Phases phases) {
        StringBuilder legend = new StringBuilder("<div class=\"legend\">\n");
        legend.append(swatch("<rect class=\"bar map\" x=\"1\" y=\"3\" width=\"26\" height=\"12\"/>", "map"));
        legend.append(swatch("<rect class=\"bar reduce\" x=\"1\" y=\"3\" width=\"26\" height=\"12\"/>", "reduce"));
        legend.append(swatch("<rect class=\"bar am\" x=\"1\" y=\"3\" width=\"26\" height=\"12\"/>", "application master"));
        legend.append(swatch("<rect class=\"bar map\" x=\"1\" y=\"3\" width=\"26\" height=\"12\"/><rect class=\"mark"
                + " failed\" x=\"1\" y=\"3\" width=\"26\" height=\"12\"/>", "failed"));
        legend.append(swatch("<rect class=\"bar map\" x=\"1\" y=\"3\" width=\"26\" height=\"12\" opacity=\".45\"/>"
                + "<rect class=\"mark killed\" x=\"1\" y=\"3\" width=\"26\" height=\"12\"/>", "killed"));
        legend.append(swatch("<rect class=\"bar map\" x=\"1\" y=\"3\" width=\"26\" height=\"12\"/><rect class=\"mark"
                + " duplicate\" x=\"1\" y=\"3\" width=\"26\" height=\"12\"/>", "speculative duplicate"));
        legend.append(swatch("<line class=\"marker\" x1=\"14\" y1=\"0\" x2=\"14\" y2=\"18\"/>", "maps: first start,"
                + " median end, last end"));
        legend.append("</div>\n<div class=\"legend phases\">\n");
        for (int i = 0; i < phases.phases().size(); i++) {
            Phases.Phase phase = phases.phases().get(i);
            legend.append(swatch("<rect x=\"1\" y=\"3\" width=\"26\" height=\"12\" fill=\"" + phaseColour(i) + "\"/>",
                    phase.name() + " " + seconds(phase.millis()) + " s"));
        }
        return legend.append("</div>\n").toString();
    }

    private static String swatch(String shape, String text) {
        return "<span><svg width=\"28\" height=\"18\" aria-hidden=\"true\">" + shape + "</svg>" + escape(text)
                + "</span>\n";
    }

    private static String phaseColour(int index) {
        return PHASE_COLOURS[index % PHASE_COLOURS.length];
    }

    /** Text for HTML and XML alike, in element content and in quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /** The geometry: where a time and a row go. */
    private static final class Chart {
        private final JobHistory job;
        private final Phases phases;
        private final long origin;
        private final int left;
        private final int right = WIDTH - RIGHT;
        private final int markersTop = PHASES_TOP + PHASES_HEIGHT + 6;
        private final int rowsTop;
        private final int rowsBottom;
        private final int height;
        private final Axis axis;

        Chart(JobHistory job, Phases phases, long origin, int left, int rows) {
            this.job = job;
            this.phases = phases;
            this.origin = origin;
            this.left = left;
            this.rowsTop = markersTop + (phases.maps() == null ? 0 : 3 * MARKER_LINE) + 22;
            this.rowsBottom = rowsTop + Math.max(1, rows) * ROW;
            this.height = rowsBottom + 44;
            // The axis spans the run and everything the history saw (a clock ahead or behind widens it).
            LongStream times = LongStream.concat(
                    job.attempts().stream().flatMapToLong(a -> LongStream.of(SlotRows.start(a), SlotRows.end(a))),
                    LongStream.concat(job.masters().stream().mapToLong(Master::startMillis),
                            LongStream.of(job.submitMillis(), job.launchMillis(), job.finishMillis())));
            long[] known = times.filter(t -> t > 0).map(t -> t - origin).toArray(); // 0: a time the history lacks
            double lo = Math.min(0, LongStream.of(known).min().orElse(0)) / 1000.0;
            double hi = Math.max(phases.wallMillis(), LongStream.of(known).max().orElse(0)) / 1000.0;
            this.axis = Axis.of(lo, hi, Math.max(2, (right - left) / 90));
        }

        /** An epoch time's x, clamped into the plot (a time the history lacks goes to the axis' start). */
        double x(long epochMillis) {
            return at(epochMillis > 0 ? (epochMillis - origin) / 1000.0 : axis.lo());
        }

        /** The x of {@code seconds} from the run's start. */
        double at(double seconds) {
            double clamped = Math.min(axis.hi(), Math.max(axis.lo(), seconds));
            return left + (right - left) * (clamped - axis.lo()) / (axis.hi() - axis.lo());
        }

        void rows(StringBuilder svg, List<SlotRows.Row> rows) {
            svg.append("<g class=\"rows\">\n");
            int group = -1;
            for (int i = 0; i < rows.size(); i++) {
                SlotRows.Row row = rows.get(i);
                boolean first = i == 0 || !rows.get(i - 1).node().equals(row.node());
                group += first ? 1 : 0;
                int y = rowsTop + i * ROW;
                svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
                        group % 2 == 0 ? "band even" : "band odd", y, WIDTH, ROW));
                if (first && i > 0) {
                    svg.append(String.format(Locale.ROOT, "<line class=\"node-rule\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                            y, WIDTH, y));
                }
                String label = row.nodeLabel() + " / " + row.what();
                int room = (int) ((left - LABEL_PAD) / CHAR);
                String shown = label.length() <= room ? label : "…" + label.substring(label.length() - room + 1);
                svg.append(String.format(Locale.ROOT, "<text class=\"row-label%s\" x=\"%d\" y=\"%d\"><title>%s</title>%s</text>\n",
                        row.master() != null ? " am-label" : "", left - 8, y + ROW / 2 + 4, escape(label), escape(shown)));
            }
            svg.append("</g>\n");
        }

        void axis(StringBuilder svg) {
            svg.append("<g class=\"axis\">\n");
            for (double tick : axis.ticks()) {
                double x = at(tick);
                svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n",
                        x, rowsTop - 4, x, rowsBottom + 4));
                for (int y : new int[] {rowsTop - 8, rowsBottom + 17}) {
                    svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>\n", x, y,
                            axis.label(tick)));
                }
            }
            svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%d\" y=\"%d\">seconds from the run's"
                    + " start</text>\n", (left + right) / 2, rowsBottom + 36));
            svg.append("</g>\n");
        }

        /** The phases as a band above the rows: one segment each, named where its name fits. */
        void phases(StringBuilder svg) {
            svg.append("<g class=\"phases\">\n");
            for (int i = 0; i < phases.phases().size(); i++) {
                Phases.Phase phase = phases.phases().get(i);
                double x0 = at(phase.startMillis() / 1000.0);
                double x1 = at((phase.startMillis() + phase.millis()) / 1000.0);
                String text = phase.name() + " " + seconds(phase.millis()) + " s";
                svg.append(String.format(Locale.ROOT, "<g class=\"phase\" data-phase=\"%s\"><title>%s</title>"
                        + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", escape(phase.name()),
                        escape(text), x0, PHASES_TOP, x1 - x0, PHASES_HEIGHT, phaseColour(i)));
                String fits = fits(text, x1 - x0) ? text : fits(phase.name(), x1 - x0) ? phase.name() : null;
                if (fits != null) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", (x0 + x1) / 2,
                            PHASES_TOP + PHASES_HEIGHT / 2 + 4, escape(fits)));
                }
                svg.append("</g>\n");
            }
            svg.append(String.format(Locale.ROOT, "<text class=\"band-label\" x=\"%d\" y=\"%d\">phases</text>\n", left - 8,
                    PHASES_TOP + PHASES_HEIGHT / 2 + 4));
            svg.append("</g>\n");
        }

        /** The maps' first start, median end and last end: a line each across the rows, labelled on a line of its own. */
        void markers(StringBuilder svg) {
            Phases.MapTimes maps = phases.maps();
            if (maps == null) {
                return;
            }
            svg.append("<g class=\"markers\">\n");
            String[] names = {"first map start", "median map end", "last map end"};
            long[] times = {maps.firstStartMillis(), maps.medianEndMillis(), maps.lastEndMillis()};
            for (int i = 0; i < 3; i++) {
                double x = at(times[i] / 1000.0);
                int y = markersTop + (i + 1) * MARKER_LINE - 3;
                String text = names[i] + " " + seconds(times[i]) + " s";
                boolean leftward = x + CHAR * text.length() > WIDTH - 4;
                svg.append(String.format(Locale.ROOT, "<g class=\"marker-%d\"><line class=\"marker\" x1=\"%.1f\" y1=\"%d\""
                        + " x2=\"%.1f\" y2=\"%d\"/><text class=\"marker-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s"
                        + "</text></g>\n", i, x, y - 9, x, rowsBottom, leftward ? x - 4 : x + 4, y,
                        leftward ? "end" : "start", text));
            }
            svg.append("</g>\n");
        }

        void bars(StringBuilder svg, SlotRows.Row row, int index) {
            int y = rowsTop + index * ROW + (ROW - BAR) / 2;
            if (row.master() != null) {
                Master master = row.master();
                long end = SlotRows.end(job, master);
                double x0 = x(master.startMillis());
                double width = Math.max(2, x(end) - x0);
                String tip = "application master " + master.number() + (job.uber() ? " (uber: the tasks run inside it)" : "")
                        + "\nnode " + row.nodeLabel() + "\ncontainer " + master.container() + "\n"
                        + span(master.startMillis(), end);
                svg.append(String.format(Locale.ROOT, "<g class=\"master\" data-am=\"%d\"><title>%s</title><rect class=\"bar"
                        + " am\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>%s</g>\n", master.number(), escape(tip),
                        x0, y, width, BAR, label("application master " + master.container(), x0, y, width)));
                return;
            }
            for (Attempt attempt : row.attempts()) {
                double x0 = x(SlotRows.start(attempt));
                double span = x(SlotRows.end(attempt)) - x0;
                // A zero-length attempt stays visible; a pixel's gap keeps back-to-back bars apart.
                double width = span >= 4 ? span - 1 : Math.max(2, span);
                boolean duplicate = job.isDuplicate(attempt);
                String kind = attempt.kind() == Kind.MAP ? "map" : "reduce";
                svg.append(String.format(Locale.ROOT, "<g class=\"attempt %s %s%s\" data-attempt=\"%s\" data-task=\"%s\""
                        + " data-kind=\"%s\" data-state=\"%s\"%s><title>%s</title>", kind, attempt.end().name().toLowerCase(Locale.ROOT),
                        duplicate ? " duplicate" : "", escape(attempt.id()), escape(attempt.taskId()), attempt.kind(),
                        attempt.end(), duplicate ? " data-duplicate=\"true\"" : "", escape(tip(attempt, row, duplicate))));
                String rect = String.format(Locale.ROOT, "x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"", x0, y, width, BAR);
                svg.append("<rect class=\"bar ").append(kind).append("\" ").append(rect).append("/>");
                if (attempt.end() != End.SUCCEEDED) {
                    svg.append("<rect class=\"mark ").append(attempt.end() == End.FAILED ? "failed" : "killed").append("\" ")
                            .append(rect).append("/>");
                }
                if (duplicate) {
                    svg.append("<rect class=\"mark duplicate\" ").append(rect).append("/>");
                }
                // Said in words too where the bar has room: the marks are not the only clue.
                String said = shortId(attempt.id()) + (attempt.end() == End.SUCCEEDED ? "" : " " + attempt.end())
                        + (duplicate ? " duplicate" : "");
                svg.append(label(fits(said, width) ? said : shortId(attempt.id()), x0, y, width)).append("</g>\n");
            }
        }

        private String tip(Attempt attempt, SlotRows.Row row, boolean duplicate) {
            StringBuilder tip = new StringBuilder(attempt.id()).append(duplicate ? " (speculative duplicate)" : "")
                    .append("\n").append(attempt.end()).append("\nnode ").append(row.nodeLabel())
                    .append(row.node().equals(attempt.node()) ? "" : " (inside the application master)")
                    .append("\ncontainer ").append(attempt.container().isEmpty() ? "(none)" : attempt.container())
                    .append("\n").append(span(SlotRows.start(attempt), SlotRows.end(attempt)));
            if (attempt.summingMillis() >= 0) {
                tip.append("\nsumming ").append(seconds(attempt.summingMillis())).append(" s");
            }
            if (attempt.values() >= 0) {
                tip.append(String.format(Locale.ROOT, "\n%,d values", attempt.values()));
            }
            return tip.toString();
        }

        private String span(long start, long end) {
            return String.format(Locale.ROOT, "%s s to %s s (%s s)", start > 0 ? seconds(start - origin) : "?",
                    end > 0 ? seconds(end - origin) : "?", seconds(Math.max(0, end - start)));
        }

        private static String label(String text, double x0, int y, double width) {
            return fits(text, width) ? String.format(Locale.ROOT, "<text class=\"bar-label\" x=\"%.1f\" y=\"%d\">%s</text>",
                    x0 + 5, y + BAR / 2 + 4, escape(text)) : "";
        }

        private static boolean fits(String text, double width) {
            return CHAR * text.length() + 10 <= width;
        }

        /** The attempt's own part of its id: {@code m_000003_1} of {@code attempt_1700000000000_0001_m_000003_1}. */
        private static String shortId(String id) {
            String[] parts = id.split("_");
            return parts.length >= 3 ? String.join("_", List.of(parts).subList(parts.length - 3, parts.length)) : id;
        }
    }

    private static final String DEFS = """
            <defs>
            <pattern id="hatch-failed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="none"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b71c1c" stroke-width="3"/>
            </pattern>
            <pattern id="hatch-killed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#424242" stroke-width="1.6"/>
            </pattern>
            </defs>
            """;

    private static final String CSS = """
            body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #222;
                   margin: 18px 20px; background: #fff; }
            h1 { font-size: 20px; margin: 0 0 2px; font-weight: 600; }
            .status { font-size: 13px; padding: 2px 8px; border-radius: 10px; vertical-align: middle; color: #fff; }
            .status.ok { background: #2e7d32; } .status.bad { background: #c62828; }
            .summary { margin: 0 0 10px; color: #444; }
            figure { margin: 0; }
            figcaption { color: #555; margin: 4px 0 8px; max-width: 1360px; }
            svg#timeline { max-width: 100%; height: auto; font-size: 12px; display: block; }
            .band.even { fill: #f4f6f8; } .band.odd { fill: #fff; }
            .node-rule { stroke: #b0b8c0; stroke-width: 1; }
            .row-label, .band-label { text-anchor: end; fill: #333; }
            .am-label { font-weight: 600; }
            .grid { stroke: #dde2e6; stroke-width: 1; }
            .tick { text-anchor: middle; fill: #555; font-size: 11px; }
            .axis-title { text-anchor: middle; fill: #555; }
            .phase text { text-anchor: middle; fill: #222; font-size: 12px; }
            .phase rect { stroke: #fff; stroke-width: 1; }
            .marker { stroke: #333; stroke-width: 1.2; stroke-dasharray: 4 3; }
            .marker-label { fill: #333; font-size: 11px; }
            .bar.map { fill: #4e79a7; } .bar.reduce { fill: #e8833a; } .bar.am { fill: #5b6770; }
            .killed .bar { fill-opacity: .45; }
            .mark { fill: none; }
            .mark.failed { fill: url(#hatch-failed); stroke: #c62828; stroke-width: 2; }
            .mark.killed { fill: url(#hatch-killed); stroke: #424242; stroke-width: 1.5; }
            .mark.duplicate { stroke: #a21caf; stroke-width: 2.5; stroke-dasharray: 5 2; }
            .bar-label { fill: #fff; font-size: 11px; pointer-events: none; }
            .killed .bar-label, .failed .bar-label { fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
            .attempt:hover .bar, .master:hover .bar { filter: brightness(1.2); }
            svg.focus .attempt:not(.same-task) { opacity: .3; }
            .legend { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 6px 0; color: #333; }
            .legend span { display: inline-flex; align-items: center; gap: 6px; }
            .legend.phases { color: #555; }
            """;

    /** Hovering an attempt brings out its task's other attempts (a retry, a duplicate); the picture needs none of it. */
    private static final String SCRIPT = """
            <script>
            (function () {
              var svg = document.getElementById('timeline');
              svg.addEventListener('mouseover', function (e) {
                var g = e.target.closest('.attempt');
                svg.querySelectorAll('.same-task').forEach(function (o) { o.classList.remove('same-task'); });
                svg.classList.toggle('focus', !!g);
                if (g) svg.querySelectorAll('.attempt').forEach(function (o) {
                  if (o.dataset.task === g.dataset.task) o.classList.add('same-task');
                });
              });
              svg.addEventListener('mouseleave', function () { svg.classList.remove('focus'); });
            })();
            </script>
            """;
}
