package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run of one epoch (the fixture's 2 pairs, hashed weights, CPU): the epoch file saved with last.pt is a hard
 * link to it, and a resume refuses a last.pt that is not the one state.pt was saved with. Real steps: minutes and
 * ~7 GB, so tagged slow.
 */
@Tag("slow")
class TrainRunFilesTest {

    @Test
    void anEpochFileIsALinkAndAReplacedLastIsRefusedOnResume(@TempDir Path tmp) throws Exception {
        Path fixture = FixtureTrainingRun.fixture().orElse(null);
        assumeTrue(fixture != null, "train fixture absent");
        Path run = tmp.resolve("run");
        CliRun first = CliRun.of("train", "--benchmark", "pf-pascal", "--data", fixture.toString(), "--csv",
                fixture.resolve("train_pairs.csv").toString(), "--hashed-weights", "--out", run.toString(),
                "--epochs", "1", "--no-validation", "--save-every", "1", "--device", "cpu");
        assertEquals(0, first.exitCode(), first.err());
        Path last = run.resolve("last.pt");
        Path epoch = run.resolve("epoch_000.pt");
        assertTrue(Files.isSameFile(last, epoch), "epoch_000.pt is a second name of last.pt, not a 1.3 GB copy");

        // last.pt replaced by other weights of the same size (one byte of a tensor changed)
        Path kept = tmp.resolve("kept.pt");
        Files.copy(last, kept);
        Path changed = tmp.resolve("changed.pt");
        Files.copy(last, changed);
        try (var file = new java.io.RandomAccessFile(changed.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 1);
        }
        Files.move(changed, last, StandardCopyOption.REPLACE_EXISTING);
        CliRun refused = CliRun.of("train", "--resume", run.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("is not the weights") && refused.err().contains("state.pt: step 2"),
                refused.err());
        assertTrue(Files.isSameFile(epoch, epoch) && Files.mismatch(epoch, kept) == -1L, "the epoch file kept its weights");
    }
}
