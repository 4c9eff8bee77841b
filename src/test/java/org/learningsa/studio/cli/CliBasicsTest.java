package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CliBasicsTest {

    @Test
    void helpListsTheCommands() {
        CliRun result = CliRun.of("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("doctor"), result.out());
        assertTrue(result.out().contains("gui"), result.out());
    }

    @Test
    void versionNamesAppJavaAndDjl() {
        CliRun result = CliRun.of("--version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("LearningSA Studio "), result.out());
        assertTrue(result.out().contains("DJL 0.36.0"), result.out());
    }

    @Test
    void doctorReportsPyTorch271OnCpuOffline() {
        CliRun result = CliRun.of("doctor", "--device", "cpu");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Engine:          PyTorch 2.7.1"), result.out());
        assertTrue(result.out().contains("Device:          CPU"), result.out());
        assertTrue(result.out().contains("Offline mode:    true"), result.out());
        assertTrue(result.out().contains("Checkpoint folders searched:"), result.out());
    }

    @Test
    void unknownOptionIsAnErrorNotAStackTrace() {
        CliRun result = CliRun.of("doctor", "--no-such-option");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Unknown option"), result.err());
    }
}
