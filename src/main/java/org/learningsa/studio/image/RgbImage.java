package org.learningsa.studio.image;

/**
 * An 8-bit RGB image in memory: {@code rgb} holds width × height × 3 bytes, row-major,
 * interleaved R, G, B (the layout of the fixtures' {@code *_orig} and {@code *_rgb} arrays).
 * Pixel convention used everywhere in the app: x to the right, y down, pixel centres at integers.
 */
public record RgbImage(int width, int height, byte[] rgb) {

    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + (width * height * 3) + " bytes, got " + rgb.length);
        }
    }

    /** Channel {@code c} (0 = R) of pixel (x, y) as 0..255. */
    public int get(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }
}
