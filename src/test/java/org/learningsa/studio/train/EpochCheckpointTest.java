package org.learningsa.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.AtomicFiles;

/** An epoch file equal to last.pt takes no second copy on disk, and keeps its weights when last.pt moves on. */
class EpochCheckpointTest {

    @TempDir
    Path run;

    @Test
    void theEpochFileIsASecondNameOfLastAndKeepsItsBytesWhenLastIsReplaced() throws Exception {
        Path last = run.resolve("last.pt");
        AtomicFiles.writeString(last, "weights of epoch 0");
        Path epoch = run.resolve("epoch_000.pt");
        AtomicBoolean copied = new AtomicBoolean();
        EpochCheckpoint.save(last, epoch, () -> copied.set(true));
        assertFalse(copied.get(), "linked, not written again");
        assertTrue(Files.isSameFile(last, epoch), "one file on disk, two names");
        assertEquals(2, Files.getAttribute(last, "unix:nlink"));

        AtomicFiles.writeString(last, "weights of epoch 1"); // the next save renames a new file over last.pt
        assertEquals("weights of epoch 0", Files.readString(epoch));
        assertEquals("weights of epoch 1", Files.readString(last));
        try (var files = Files.list(run)) {
            assertEquals(2, files.count(), "no temporary link left behind");
        }
    }

    @Test
    void aResumedRunReplacesAnEarlierEpochFileOfTheSameName() throws Exception {
        Path last = run.resolve("last.pt");
        AtomicFiles.writeString(last, "new");
        Path epoch = Files.writeString(run.resolve("epoch_003.pt"), "old");
        EpochCheckpoint.save(last, epoch, () -> {
            throw new AssertionError("linked, not written again");
        });
        assertEquals("new", Files.readString(epoch));
    }
}
