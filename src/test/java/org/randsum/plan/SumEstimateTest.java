package org.randsum.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.randsum.contract.ValueRange;

/** The estimate's figures are the ones docs/benchmarks.md prints ("The dry-run estimate"), read from the doc. */
class SumEstimateTest {
    /** One range of each class, in the doc's column order: power of two, other up to 2^32, above 2^32, full. */
    private static final List<ValueRange> ONE_OF_EACH_CLASS = List.of(ValueRange.DEFAULT, new ValueRange(0, 100),
            new ValueRange(0, (1L << 60) - 7), new ValueRange(Long.MIN_VALUE, Long.MAX_VALUE));

    @Test
    void everyMeasuredFigureIsTheDocs() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("docs/benchmarks.md")).stream()
                .dropWhile(line -> !line.equals("## The dry-run estimate"))
                .filter(line -> line.matches("\\| (vector-512|vector-256|scalar) .*")).toList();
        assertEquals(3, rows.size(), "the doc's table of kernels: " + rows);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            String kernel = cells[1].trim().split(" ")[0];
            for (int column = 0; column < ONE_OF_EACH_CLASS.size(); column++) {
                String cell = cells[column + 2].trim();
                ValueRange range = ONE_OF_EACH_CLASS.get(column);
                if (cell.equals("-")) {
                    assertThrows(IllegalArgumentException.class, () -> SumEstimate.nanosPerValue(kernel, range));
                } else {
                    assertEquals(Double.parseDouble(cell), SumEstimate.nanosPerValue(kernel, range), 0.0,
                            kernel + " on " + range);
                }
            }
        }
    }

    @Test
    void aMapOfTenBillionValuesAtTwoThreadsTakesHalfItsValuesTime() {
        RunPlan plan = new RunPlan(10_000_000_000L, 1, 2, false, new RunPlan.Generated(1L), ValueRange.DEFAULT,
                true, false, 1);
        assertEquals(10_000_000_000L * 0.306 / 2 / 1e9, SumEstimate.seconds(plan, 1, 0.306), 1e-9);
    }
}
