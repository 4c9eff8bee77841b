package org.learningsa.studio.image;

/**
 * An image decoded for showing to the user, and whether the decoder found it damaged.
 *
 * @param pixels the decoded pixels (for a damaged file, the missing part filled in by the decoder)
 * @param damage what the decoder reported ("Premature end of JPEG file"), or {@code null} when it read the file whole
 */
public record ViewedImage(RgbImage pixels, String damage) {

    public boolean damaged() {
        return damage != null;
    }
}
