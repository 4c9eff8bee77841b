package org.learningsa.studio.image;

import java.nio.file.Path;

/**
 * An image ready for the network: its pixels (possibly downscaled from a very large original) and
 * the size of the original after EXIF orientation, which is the frame every result is reported in.
 * Downscaling only changes the scale, so a point maps between the two frames by the ratio of sizes
 * (pixel centres at integers: x_original = (x_pixels + 0.5)·W_original/W_pixels − 0.5).
 *
 * @param path            the file, or {@code null} for an image that only lives in memory
 * @param pixels          the RGB pixels given to the preprocessing
 * @param originalWidth   width of the original (oriented) image
 * @param originalHeight  height of the original (oriented) image
 */
public record DecodedImage(Path path, RgbImage pixels, int originalWidth, int originalHeight) {

    public DecodedImage {
        if (originalWidth <= 0 || originalHeight <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + originalWidth + "x" + originalHeight);
        }
    }

    /** An in-memory image at its own size. */
    public static DecodedImage of(RgbImage pixels) {
        return new DecodedImage(null, pixels, pixels.width(), pixels.height());
    }

    /** Whether the pixels were downscaled from the original. */
    public boolean downscaled() {
        return pixels.width() != originalWidth || pixels.height() != originalHeight;
    }
}
