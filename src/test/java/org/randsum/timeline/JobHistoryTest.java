package org.randsum.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.randsum.timeline.Jobs.map;
import static org.randsum.timeline.Jobs.master;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.randsum.timeline.JobHistory.Attempt;
import org.randsum.timeline.JobHistory.End;

/** Which attempts are speculative duplicates, and the attempts' order, with stated times. */
class JobHistoryTest {

    @Test
    void anAttemptStartedWhileAnEarlierOneRunsIsADuplicate() {
        Attempt original = map(7, 0, "n1:1", 7.0, 26.0, End.SUCCEEDED);
        Attempt duplicate = map(7, 1, "n2:1", 18.6, 26.1, End.KILLED);
        JobHistory job = Jobs.job(master("n1:1", 3.0), 27.0, List.of(original, duplicate));
        assertFalse(job.isDuplicate(original));
        assertTrue(job.isDuplicate(duplicate));
    }

    @Test
    void aRetryStartingAsTheFailedAttemptEndsIsNoDuplicate() {
        Attempt failed = map(4, 0, "n1:1", 7.0, 10.0, End.FAILED);
        Attempt retry = map(4, 1, "n1:1", 10.0, 18.0, End.SUCCEEDED);
        assertFalse(Jobs.job(master("n1:1", 3.0), 19.0, List.of(failed, retry)).isDuplicate(retry));
    }

    @Test
    void ofTwoAttemptsStartedAtOnceTheHigherNumberIsTheDuplicate() {
        Attempt first = map(2, 0, "n1:1", 7.0, 9.0, End.SUCCEEDED);
        Attempt second = map(2, 1, "n2:1", 7.0, 9.5, End.KILLED);
        JobHistory job = Jobs.job(master("n1:1", 3.0), 10.0, List.of(second, first));
        assertFalse(job.isDuplicate(first));
        assertTrue(job.isDuplicate(second));
    }

    @Test
    void attemptTenComesAfterAttemptNine() {
        // Attempt 9 runs 7.0-20.0 s; attempt 10 starts at 12.0 s while it runs: a duplicate of it.
        Attempt ninth = map(3, 9, "n1:1", 7.0, 20.0, End.SUCCEEDED);
        Attempt tenth = map(3, 10, "n2:1", 12.0, 20.5, End.KILLED);
        JobHistory job = Jobs.job(master("n1:1", 3.0), 21.0, List.of(tenth, ninth));
        assertTrue(job.isDuplicate(tenth));
        assertFalse(job.isDuplicate(ninth));
        Attempt tenthAtOnce = map(3, 10, "n2:1", 7.0, 20.5, End.KILLED);
        assertEquals(List.of(ninth, tenthAtOnce),
                Jobs.job(master("n1:1", 3.0), 21.0, List.of(tenthAtOnce, ninth)).attempts());
    }
}
