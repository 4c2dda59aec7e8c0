package org.randsum.inputgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.randsum.contract.SplitDescriptor;

class DescriptorFormatTest {
    @Test
    void lineRoundTripsExtremes() throws MalformedDescriptorException {
        for (SplitDescriptor split : new SplitDescriptor[] {
            new SplitDescriptor(Long.MIN_VALUE, Long.MAX_VALUE), new SplitDescriptor(-1, 0), new SplitDescriptor(42, 7)}) {
            assertEquals(split, DescriptorFormat.parse(DescriptorFormat.line(split)));
        }
    }

    @Test
    void tabsAndSurroundingSpacesAreAccepted() throws MalformedDescriptorException {
        assertEquals(new SplitDescriptor(-3, 9), DescriptorFormat.parse("  -3\t 9  "));
    }

    @Test
    void commentsAndBlankLinesAreNotDescriptors() {
        assertFalse(DescriptorFormat.isDescriptor("# seed 42"));
        assertFalse(DescriptorFormat.isDescriptor("   "));
        assertTrue(DescriptorFormat.isDescriptor("1 2"));
        assertTrue(DescriptorFormat.header(42, 10, 2).lines().allMatch(line -> line.startsWith("#")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "42 10 3", "x 10", "42 -1", "42 ten", "42 9223372036854775808", "1.5 3"})
    void malformedLinesAreRejected(String line) {
        assertThrows(MalformedDescriptorException.class, () -> DescriptorFormat.parse(line));
    }

    @Test
    void locatedMessageNamesFileAndLine() {
        MalformedDescriptorException located = new MalformedDescriptorException("bad").at("dir/splits.txt", 3);
        assertEquals("dir/splits.txt:3: bad", located.getMessage());
    }

    @Test
    void hiddenAndUnderscoreFilesAreNotData() {
        assertFalse(DescriptorFormat.isDataFile("_SUCCESS"));
        assertFalse(DescriptorFormat.isDataFile(".splits.txt.crc"));
        assertTrue(DescriptorFormat.isDataFile("splits.txt"));
    }
}
