package org.randsum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks of the {@code "phases"} object of a run's JSON result, read with Jackson (not randsum's code). */
public final class PhasesJson {
    private PhasesJson() {
    }

    /**
     * Asserts that the result has phases named {@code names}, in order, that add up to its wall time
     * within rounding, and that the wall is the run's {@code elapsedSeconds}. Returns the phases object.
     */
    public static JsonNode assertAddUpToTheWall(String resultJson, String... names) throws Exception {
        JsonNode result = new ObjectMapper().readTree(resultJson);
        JsonNode phases = result.path("phases");
        assertTrue(phases.isObject(), "phases in " + resultJson);
        double wall = phases.path("wallSeconds").asDouble();
        assertEquals(result.path("elapsedSeconds").asDouble(), wall, 0.0015, resultJson);
        List<String> seen = new ArrayList<>();
        double sum = 0;
        for (var each = phases.path("seconds").fields(); each.hasNext();) {
            var phase = each.next();
            seen.add(phase.getKey());
            assertTrue(phase.getValue().asDouble() >= 0, phase + " in " + resultJson);
            sum += phase.getValue().asDouble();
        }
        assertEquals(List.of(names), seen, resultJson);
        // Each figure is rounded to the millisecond.
        assertEquals(wall, sum, 0.0005 * (names.length + 1), resultJson);
        return phases;
    }

    /** The YARN phases, in order. */
    public static final String[] YARN = {"submit", "am", "maps", "reduce", "commit", "result"};
}
