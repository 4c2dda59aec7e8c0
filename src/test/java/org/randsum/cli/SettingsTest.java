package org.randsum.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.randsum.testing.BadInputs;

class SettingsTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.randsum.testing.BadInputs#settings")
    void badSettingNamesKeyAndValue(String args, String expected) {
        Map<String, String> definitions = GenericOptions.definitions(BadInputs.argv(args, "out"));
        UsageException e = assertThrows(UsageException.class, () -> Settings.check(definitions));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void everyKnownSettingWithAGoodValuePasses() {
        assertDoesNotThrow(() -> Settings.check(Map.of("randsum.kernel", "scalar", "randsum.work.root",
                "hdfs:///user/me/work", "randsum.chunk.values", "1e6", "randsum.map.start.seconds", "2.5")));
    }

    @Test
    void aMapStartTakesEveryDecimalUpToAnHourAndSaysItBack() throws Exception {
        assertEquals(3600.0, Settings.mapStartSeconds("3600"));
        assertEquals(0.001, Settings.mapStartSeconds(" 0.001 "));
    }

    @Test
    void keysOutsideRandsumAreNotItsBusiness() {
        assertDoesNotThrow(() -> Settings.check(Map.of("mapreduce.map.memory.mb", "abc", "randsumx", "1")));
    }

    @Test
    void blankWorkRootIsAnError() {
        UsageException e = assertThrows(UsageException.class, () -> Settings.check(Map.of("randsum.work.root", " ")));
        assertTrue(e.getMessage().startsWith("randsum.work.root must name a directory"), e.getMessage());
    }

    @Test
    void aWorkRootBelowTheFilesystemsRootPasses() {
        assertDoesNotThrow(() -> Settings.check(Map.of("randsum.work.root", "hdfs://nn:8020/w")));
        assertDoesNotThrow(() -> Settings.check(Map.of("randsum.work.root", "file:///tmp/w")));
    }

    @Test
    void aChunkGivingAMapAMillionRecordsPasses() {
        // 10^9 values in chunks of 1000: exactly the bound.
        assertDoesNotThrow(() -> Settings.checkChunkValues(1000, 1_000_000_000L));
    }

    @Test
    void aChunkGivingAMapOneRecordMoreIsRefusedNamingTheLeastThatWould() {
        UsageException e = assertThrows(UsageException.class, () -> Settings.checkChunkValues(1000, 1_000_000_001L));
        assertTrue(e.getMessage().equals("randsum.chunk.values=1000 would hand a map of 1000000001 values 1000001"
                + " records, more than 1000000 (each costs the map a hand-off to its threads); give at least 1001, or"
                + " leave it unset"), e.getMessage());
    }

    @Test
    void theFirstBadKeyInKeyOrderIsReported() {
        UsageException e = assertThrows(UsageException.class,
                () -> Settings.check(Map.of("randsum.zzz", "1", "randsum.kernel", "gpu")));
        assertTrue(e.getMessage().startsWith("randsum.kernel must be"), e.getMessage());
    }

    @Test
    void definitionsAreReadFromEitherSpellingOfDAndStopAtRandsumsOwnOptions() {
        Map<String, String> definitions = GenericOptions.definitions(new String[] {"-D", "a=1", "-Db=2", "-conf", "c.xml",
                "-D", "flag", "-n", "10", "-D", "late=3"});
        assertTrue(definitions.equals(Map.of("a", "1", "b", "2", "flag", "")), definitions.toString());
    }
}
