package org.learningsa.studio.align;

import java.nio.file.Path;

/**
 * An image an {@link Alignment} refers to: its file ({@code null} for an image that only lives in
 * memory) and its size in original pixels, after the EXIF orientation was applied. All coordinates
 * of an alignment are in this frame: x to the right, y down, pixel centres at integers.
 */
public record ImageRef(Path path, int width, int height) {

    public ImageRef {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
    }

    /** The file name, or "(in memory)". */
    public String displayName() {
        return path == null ? "(in memory)" : String.valueOf(path.getFileName());
    }
}
