package org.learningsa.studio.train;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code epoch_NNN.pt}, saved right after {@code last.pt} with the same weights: a hard link to last.pt instead of a
 * second 1.3 GB copy. The bytes are last.pt's, so {@code torch.load} reads it as before; last.pt is always replaced
 * by renaming a new file over it (core.AtomicFiles), which leaves the epoch file's content as it was. Where the file
 * system has no hard links the weights are written again.
 */
final class EpochCheckpoint {

    private EpochCheckpoint() {
    }

    /**
     * @param last      the checkpoint just written with the epoch's weights
     * @param writeCopy writes the same weights to {@code epochFile} (used where a link cannot be made)
     */
    static void save(Path last, Path epochFile, Runnable writeCopy) {
        Path link = epochFile.resolveSibling("." + epochFile.getFileName() + ".link.tmp");
        try {
            Files.deleteIfExists(link);
            Files.createLink(link, last);
            try {
                Files.move(link, epochFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(link, epochFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException e) {
            deleteQuietly(link);
            writeCopy.run();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover hidden link is harmless: it is only a second name of an old last.pt
        }
    }
}
