package org.randsum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {
    @ParameterizedTest
    @CsvSource({
        "10000000000, 10000000000",
        "10_000_000_000, 10000000000",
        "1e10, 10000000000",
        "1E10, 10000000000",
        "2.5e9, 2500000000",
        "0, 0",
        "9223372036854775807, 9223372036854775807",
        "9.223372036854775807e18, 9223372036854775807",
    })
    void acceptsTheFormsPeopleType(String text, long expected) throws UsageException {
        assertEquals(expected, NumberParser.parse(text, "-n", 0, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.5", "1e-1", "12x", "1__0", "_1", "1_", "0x10", "1e", "--1", "1 0"})
    void rejectsWhatIsNotAWholeNumber(String text) {
        UsageException e = assertThrows(UsageException.class, () -> NumberParser.parse(text, "-n", 0, Long.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("-n must be a whole number"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "9223372036854775808", "1e19", "1e9999"})
    void rejectsWhatIsOutOfRange(String text) {
        UsageException e = assertThrows(UsageException.class, () -> NumberParser.parse(text, "-n", 0, Long.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("-n must be from 0 to 9223372036854775807"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"-9223372036854775808, -9223372036854775808", "-5, -5", "+7, 7"})
    void signedBoundsReachTheExtremes(String text, long expected) throws UsageException {
        assertEquals(expected, NumberParser.parse(text, "--min", Long.MIN_VALUE, Long.MAX_VALUE));
    }
}
