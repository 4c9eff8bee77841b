package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code lsa bench-dense} times the baseline and the refinement in one run and ends with the median line. */
class BenchDenseCommandTest {

    @Test
    void benchDenseReportsTheBaselineAndEndsWithTheMedianLine() {
        CliRun run = CliRun.of("bench-dense", "--size", "96", "--runs", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("coarse alignment (baseline)"), run.out());
        String[] lines = run.out().strip().split("\\R");
        assertTrue(lines[lines.length - 1].matches("dense_ms_median=\\d+"), lines[lines.length - 1]);
    }

    @Test
    void benchDenseRejectsZeroRuns() {
        CliRun run = CliRun.of("bench-dense", "--runs", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--runs"), run.err());
    }
}
