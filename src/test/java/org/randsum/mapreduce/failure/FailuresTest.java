package org.randsum.mapreduce.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The walk over causes, and the one line, on exceptions built here with stated causes. */
class FailuresTest {
    @Test
    void chainIsOutermostFirst() {
        IllegalStateException root = new IllegalStateException("root");
        IOException middle = new IOException("middle", root);
        RuntimeException top = new RuntimeException("top", middle);
        assertEquals(List.of(top, middle, root), Failures.chain(top));
    }

    @Test
    void chainEndsAtACycle() {
        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b);
        assertEquals(List.of(b, a), Failures.chain(b));
    }

    @Test
    void findGivesTheOutermostCauseOfTheType() {
        FileNotFoundException missing = new FileNotFoundException("/x");
        IOException top = new IOException("reading", missing);
        assertSame(missing, Failures.find(top, FileNotFoundException.class).orElseThrow());
        assertSame(top, Failures.find(top, IOException.class).orElseThrow());
        assertTrue(Failures.find(top, IllegalStateException.class).isEmpty());
    }

    @Test
    void findByNameMatchesTheSimpleName() {
        IOException top = new IOException("s3", new FileNotFoundException("bucket"));
        assertEquals("bucket", Failures.findByName(top, Set.of("FileNotFoundException")).orElseThrow().getMessage());
        assertTrue(Failures.findByName(top, Set.of("NoSuchBucketException")).isEmpty());
    }

    @Test
    void describeGivesTheOuterAndTheInnermostFirstLines() {
        IOException e = new IOException("cannot submit\nmore", new IllegalStateException("no slots\ndetail"));
        assertEquals("cannot submit: no slots", Failures.describe(e));
    }

    @Test
    void describeOfALoneExceptionIsItsMessageOrItsType() {
        assertEquals("plain", Failures.describe(new IOException("plain")));
        assertEquals("NullPointerException", Failures.describe(new NullPointerException()));
    }
}
