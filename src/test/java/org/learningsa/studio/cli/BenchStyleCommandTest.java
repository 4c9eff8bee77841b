package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lsa bench-style --method patches} on small images: the baseline, the preview and the synthesis lines. */
class BenchStyleCommandTest {

    @Test
    void thePatchMethodIsTimedAgainstTheColourBaselineOfTheSameRun() {
        assumeTrue(Files.isRegularFile(Path.of("assets", "samples", "person.jpg")), "samples not found (run from the project folder)");
        CliRun run = CliRun.of("bench-style", "--method", "patches", "--default-aligner", "--size", "64", "--runs", "2",
                "--patch-size", "5");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().strip().lines().toList();
        assertTrue(run.out().contains("colour method, first preview (baseline)"), run.out());
        assertTrue(run.out().contains("patch method, live preview at 64x64"), run.out());
        assertTrue(run.out().matches("(?s).*patch method: [0-9.]+ x the colour method's wall time; process CPU .*patch 5.*"),
                run.out());
        assertTrue(lines.get(lines.size() - 1).matches("style_patches_ms_median=[0-9]+\\.[0-9]"), lines.get(lines.size() - 1));
    }

    @Test
    void aPatchOptionWithTheColourMethodIsAUsageError() {
        CliRun run = CliRun.of("bench-style", "--method", "colour", "--seed", "3", "--default-aligner");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--seed applies to --method patches only"), run.err());
    }
}
