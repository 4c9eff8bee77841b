package org.learningsa.studio.align;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.RgbImage;

/**
 * Identity of an image for the aligners' per-image caches (network encodings, descriptors): the file's
 * path, modification time and size, or the very pixel array for an image that only lives in memory,
 * so an edited file is never served from a stale entry.
 */
record ImageCacheKey(Path path, long modified, long size, RgbImage inMemory) {

    static ImageCacheKey of(DecodedImage image) {
        if (image.path() == null) {
            return new ImageCacheKey(null, 0, 0, image.pixels());
        }
        Path path = image.path().toAbsolutePath().normalize();
        try {
            return new ImageCacheKey(path, Files.getLastModifiedTime(path).toMillis(), Files.size(path), null);
        } catch (IOException e) {
            // unreadable metadata: cache by pixels instead of risking a stale entry
            return new ImageCacheKey(null, 0, 0, image.pixels());
        }
    }
}
