package org.randsum.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SplitPlannerTest {
    @Test
    void splitsCoverEveryValueOnceInOrder() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            long seed = random.nextLong();
            long n = random.nextInt(500);
            long maps = 1 + random.nextInt(40);
            List<SplitDescriptor> plan = SplitPlanner.plan(seed, n, maps);
            // Walk the plain stream and check each split starts exactly where the previous ended.
            SplittableRandom stream = new SplittableRandom(seed);
            long covered = 0;
            for (SplitDescriptor split : plan) {
                SplittableRandom fromSplit = new SplittableRandom(split.seed());
                for (long i = 0; i < split.count(); i++) {
                    assertEquals(stream.nextLong(), fromSplit.nextLong());
                }
                covered += split.count();
            }
            assertEquals(n, covered);
        }
    }

    @Test
    void countsDifferByAtMostOne() {
        List<SplitDescriptor> plan = SplitPlanner.plan(0, 1003, 10);
        assertEquals(10, plan.size());
        long smallest = plan.stream().mapToLong(SplitDescriptor::count).min().orElseThrow();
        long largest = plan.stream().mapToLong(SplitDescriptor::count).max().orElseThrow();
        assertEquals(100, smallest);
        assertEquals(101, largest);
    }

    @Test
    void moreMapsThanValuesGivesOneValuePerSplit() {
        List<SplitDescriptor> plan = SplitPlanner.plan(9, 3, 10);
        assertEquals(3, plan.size());
        assertTrue(plan.stream().allMatch(split -> split.count() == 1));
    }

    @Test
    void zeroValuesGiveOneEmptySplit() {
        assertEquals(List.of(new SplitDescriptor(9, 0)), SplitPlanner.plan(9, 0, 4));
    }

    @Test
    void hugeNSplitsWithoutOverflow() {
        List<SplitDescriptor> plan = SplitPlanner.plan(0, Long.MAX_VALUE, 7);
        assertEquals(Long.MAX_VALUE, plan.stream().mapToLong(SplitDescriptor::count).sum());
        // 2^63 - 1 is a multiple of 7, so every split has the same count.
        assertEquals(SplitMix.stateAt(0, 6 * (Long.MAX_VALUE / 7)), plan.get(6).seed());
    }

    @Test
    void rejectsNegativeNAndMapsBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> SplitPlanner.plan(0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> SplitPlanner.plan(0, 1, 0));
    }
}
