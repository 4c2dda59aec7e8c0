package org.randsum.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.randsum.timeline.Jobs.map;
import static org.randsum.timeline.Jobs.master;
import static org.randsum.timeline.Jobs.reduce;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.randsum.timeline.JobHistory.End;
import org.randsum.timeline.Phases.Phase;

/** Phases' arithmetic with stated task times (seconds from the run's start, {@link Jobs}). */
class PhasesTest {

    @Test
    void phasesFollowOneAnotherAndAddUpToTheWall() {
        // Submitted 1.2, launched 6.5, last map 30.2, last reduce 30.6, job end 31.0, run end 32.4.
        Phases phases = Jobs.phases(Jobs.uneven(), 32.4);
        assertEquals(List.of(new Phase("submit", 0, 1200), new Phase("am", 1200, 5300), new Phase("maps", 6500, 23700),
                new Phase("reduce", 30200, 400), new Phase("commit", 30600, 400), new Phase("result", 31000, 1400)),
                phases.phases());
        assertEquals(32400, phases.phases().stream().mapToLong(Phase::millis).sum());
        assertEquals(32400, phases.wallMillis());
    }

    @Test
    void aBoundaryBeforeThePreviousOneIsTakenAsEqualToIt() {
        // The job launched at 6.5 but its only map "ended" at 5.0 on a clock behind: maps take nothing.
        JobHistory job = Jobs.job(master("n1:1", 3.0), 8.0, List.of(map(0, 0, "n1:1", 4.0, 5.0, End.SUCCEEDED)));
        Phases phases = Jobs.phases(job, 9.0);
        assertEquals(new Phase("maps", 6500, 0), phases.phases().get(2));
        assertEquals(new Phase("reduce", 6500, 0), phases.phases().get(3));
        assertEquals(new Phase("commit", 6500, 1500), phases.phases().get(4));
        assertEquals(9000, phases.phases().stream().mapToLong(Phase::millis).sum());
    }

    @Test
    void aBoundaryAfterTheRunsEndIsTakenAsTheEnd() {
        // The job's end at 12.0 on a clock ahead of the client's, whose run ended at 10.0.
        JobHistory job = Jobs.job(master("n1:1", 3.0), 12.0, List.of(map(0, 0, "n1:1", 7.0, 9.0, End.SUCCEEDED)));
        Phases phases = Jobs.phases(job, 10.0);
        assertEquals(new Phase("commit", 9000, 1000), phases.phases().get(4));
        assertEquals(0, phases.millis("result"));
        assertEquals(10000, phases.phases().stream().mapToLong(Phase::millis).sum());
    }

    @Test
    void theMedianEndOfAnEvenCountIsTheLowerOne() {
        // Four maps ending at 10, 11, 12 and 13 s; a failed one's end (9 s) is not a map's end.
        JobHistory job = Jobs.job(master("n1:1", 3.0), 14.0, List.of(map(0, 0, "n1:1", 7.0, 10.0, End.SUCCEEDED),
                map(1, 0, "n1:1", 7.0, 11.0, End.SUCCEEDED), map(2, 0, "n2:1", 7.5, 12.0, End.SUCCEEDED),
                map(3, 0, "n2:1", 6.8, 9.0, End.FAILED), map(3, 1, "n2:1", 9.0, 13.0, End.SUCCEEDED)));
        assertEquals(new Phases.MapTimes(6800, 11000, 13000), Jobs.phases(job, 15.0).maps());
        assertEquals(2000, Jobs.phases(job, 15.0).maps().tailMillis());
    }

    @Test
    void noSuccessfulMapMeansNoMapTimes() {
        JobHistory job = Jobs.job(master("n1:1", 3.0), 14.0, List.of(map(0, 0, "n1:1", 7.0, 10.0, End.FAILED)));
        assertNull(Jobs.phases(job, 15.0).maps());
    }

    @Test
    void anAttemptEndingAsAnotherStartsDoesNotOverlapIt() {
        assertEquals(1, Phases.peakConcurrent(List.of(map(0, 0, "n1:1", 1.0, 5.0, End.SUCCEEDED),
                map(1, 0, "n1:1", 5.0, 8.0, End.SUCCEEDED))));
    }

    @Test
    void peakConcurrencyCountsEveryMapAttemptRunningAtOnce() {
        // 1-5, 2-6 (killed), 4-9: three at once from 4 to 5.
        assertEquals(3, Phases.peakConcurrent(List.of(map(0, 0, "n1:1", 1.0, 5.0, End.SUCCEEDED),
                map(1, 0, "n2:1", 2.0, 6.0, End.KILLED), map(2, 0, "n3:1", 4.0, 9.0, End.SUCCEEDED))));
    }

    @Test
    void efficiencyIsSummingOverSlotsTimesTheWall() {
        // Two maps at once, 7.0-12.0 s, each summing 4.5 s: 9.0 s of 2 slots x 10 s = 45%.
        JobHistory job = Jobs.job(master("n1:1", 3.0), 12.5, List.of(map(0, 0, "n1:1", 7.0, 12.0, End.SUCCEEDED),
                map(1, 0, "n2:1", 7.0, 12.0, End.SUCCEEDED), reduce(0, 0, "n1:1", 12.0, 12.2, End.SUCCEEDED)));
        Phases.Summing summing = Jobs.phases(job, 10.0).summing();
        assertEquals(new Phases.Summing(9000, 2, 10000), summing);
        assertEquals(0.45, summing.efficiency(), 1e-12);
    }

    @Test
    void theLineAndTheJsonSayTheSameInSeconds() {
        Phases phases = Jobs.phases(Jobs.uneven(), 32.4);
        // Summing: 16 successful maps, each its time less 0.5 s.
        assertEquals("randsum: phases of 32.4 s: submit 1.2 s, am 5.3 s, maps 23.7 s (first start at 7.0 s, median end"
                + " at 23.0 s, last at 30.2 s: a tail of 7.2 s), reduce 0.4 s, commit 0.4 s, result 1.4 s; summing 132.0 s,"
                + " 51% of 8 map slots over the wall", phases.line());
        assertEquals("{\"wallSeconds\":32.400,\"seconds\":{\"submit\":1.200,\"am\":5.300,\"maps\":23.700,\"reduce\":0.400,"
                + "\"commit\":0.400,\"result\":1.400},\"mapsFirstStart\":7.000,\"mapsMedianEnd\":23.000,\"mapsLastEnd\":30.200,"
                + "\"tailSeconds\":7.200,\"summingSeconds\":132.000,\"mapSlots\":8,\"summingEfficiency\":0.509}",
                phases.toJson());
    }

    @Test
    void localPhasesAddUpToTheWall() {
        Phases phases = Phases.local(Jobs.T0, Jobs.at(0.8), Jobs.at(5.3), Jobs.at(5.5), 8000, 2);
        assertEquals(List.of(new Phase("submit", 0, 800), new Phase("job", 800, 4500), new Phase("result", 5300, 200)),
                phases.phases());
        assertNull(phases.maps());
        assertEquals(8000 / (2 * 5500.0), phases.summing().efficiency(), 1e-12);
    }
}
