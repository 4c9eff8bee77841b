package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached result belongs to one version of the checkpoint and of the two images, not just to their names. */
class AlignmentCacheKeyTest {

    @TempDir
    Path dir;

    @Test
    void aRewrittenCheckpointOrImageIsANewKey() throws IOException {
        Path checkpoint = Files.writeString(dir.resolve("last.pt"), "epoch 0");
        Path source = Files.writeString(dir.resolve("a.png"), "a");
        Path target = Files.writeString(dir.resolve("b.png"), "b");
        ModelChoice model = ModelChoice.checkpoint(checkpoint);
        AlignmentCache.Key before = AlignmentCache.Key.of(model, source, target);
        assertEquals(before, AlignmentCache.Key.of(model, source, target), "nothing changed: the same key");

        touch(checkpoint);
        AlignmentCache.Key afterSave = AlignmentCache.Key.of(model, source, target);
        assertNotEquals(before, afterSave, "last.pt replaced by the next epoch");

        touch(target);
        assertNotEquals(afterSave, AlignmentCache.Key.of(model, source, target), "the target image edited");
        assertEquals(AlignmentCache.Key.of(ModelChoice.weightFreeDefault(), source, target),
                AlignmentCache.Key.of(ModelChoice.weightFreeDefault(), source, target), "the default aligner has no file");
    }

    private static void touch(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
    }
}
