package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lsa bench} reports the stages and memory, and ends with exactly {@code forward_ms_median=<number>}. */
class BenchCommandTest {

    @Test
    void benchPrintsStagesAndEndsWithTheMedianLine() {
        CliRun run = CliRun.of("bench", "--hashed-weights", "--device", "cpu", "--runs", "1");
        assertEquals(0, run.exitCode(), run.out());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches("forward_ms_median=\\d+(\\.\\d+)?"), lines.get(lines.size() - 1));
        String text = run.out();
        for (String stage : List.of("backbone", "transformer L4", "transformer L1", "correlation+readout", "peak RSS")) {
            assertTrue(text.contains(stage), "mentions " + stage + ":\n" + text);
        }
    }

    @Test
    void benchRejectsZeroRuns() {
        CliRun run = CliRun.of("bench", "--hashed-weights", "--runs", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--runs"), run.err());
    }
}
