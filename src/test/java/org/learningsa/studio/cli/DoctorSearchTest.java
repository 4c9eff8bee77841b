package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lsa doctor} used to list every {@code .pt} in the searched folders as "checkpoints found", hostile ones
 * included; it now runs the same search and verdict as match and the app, and lists the skipped files apart.
 */
class DoctorSearchTest {

    @TempDir
    Path data;
    private final String previous = System.getProperty("lsa.data");

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("lsa.data");
        } else {
            System.setProperty("lsa.data", previous);
        }
    }

    @Test
    void listsHostileAndForeignFilesAsSkippedNotFound() throws Exception {
        Path weights = Files.createDirectories(data.resolve("weights"));
        Path unsafe = HostileFiles.unsafePickle(weights.resolve("best_checkpoint_pascal.pt"));
        Path random = HostileFiles.randomBytes(weights.resolve("download.pth"));
        System.setProperty("lsa.data", data.toString());
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of("doctor", "--device", "cpu"));
        assertEquals(0, run.exitCode(), run.err());
        String found = run.out().substring(run.out().indexOf("Checkpoints found:"));
        assertTrue(found.startsWith("Checkpoints found: none"), run.out());
        String skipped = found.substring(found.indexOf("Skipped"));
        assertTrue(skipped.contains(unsafe + ": unsafe or unsupported pickle global os.system refused"), skipped);
        assertTrue(skipped.contains(random + ": not a torch.save file"), skipped);
        assertFalse(run.out().contains("\u001b"), "nothing raw from a file");
    }
}
