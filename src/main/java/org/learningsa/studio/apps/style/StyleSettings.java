package org.learningsa.studio.apps.style;

/**
 * The controls of the style transfer.
 *
 * @param strength       0 = the input unchanged, 1 = the full transfer (blended linearly in between)
 * @param window         radius of the local statistics window as a fraction of the input's longer side:
 *                       small follows the exemplar's regions closely, large approaches a global transfer
 * @param smoothness     Lab units added to both local standard deviations before their ratio is taken,
 *                       {@code scale = √((σ_E² + s²)/(σ_I² + s²))}: larger keeps the input's local contrast
 *                       (scale → 1, colour shift only) and suppresses noise the warp brings in
 * @param texture        0 = colour only; up to 1 adds the warped exemplar's high-frequency luminance
 *                       detail, weighted by the confidence of the correspondence there
 */
public record StyleSettings(double strength, double window, double smoothness, double texture) {

    /**
     * Defaults chosen on the synthetic test case (regional grades blended over ~4 % of the image), sweeping
     * window 0.02–0.16 and smoothness 0–12: 24.6 dB at (0.02, 0), 27.8 dB at (0.05, 4), 30.4 dB here, falling
     * again beyond 0.10 as the windows straddle regions. A window of 0.08 spans about a sixth of the image.
     */
    public static final double DEFAULT_WINDOW = 0.08;
    public static final double DEFAULT_SMOOTHNESS = 8.0;
    public static final double MIN_WINDOW = 0.01;
    public static final double MAX_WINDOW = 0.25;

    public StyleSettings {
        requireRange("strength", strength, 0, 1);
        requireRange("window", window, MIN_WINDOW, MAX_WINDOW);
        requireRange("smoothness", smoothness, 0, 100);
        requireRange("texture", texture, 0, 1);
    }

    /** Full strength, colour only, the default window and smoothness. */
    public static StyleSettings defaults() {
        return new StyleSettings(1.0, DEFAULT_WINDOW, DEFAULT_SMOOTHNESS, 0.0);
    }

    public StyleSettings withStrength(double value) {
        return new StyleSettings(value, window, smoothness, texture);
    }

    public StyleSettings withWindow(double value) {
        return new StyleSettings(strength, value, smoothness, texture);
    }

    public StyleSettings withSmoothness(double value) {
        return new StyleSettings(strength, window, value, texture);
    }

    public StyleSettings withTexture(double value) {
        return new StyleSettings(strength, window, smoothness, value);
    }

    /** Whether two settings give the same full-strength result (only the strength differs). */
    public boolean sameModelAs(StyleSettings other) {
        return window == other.window && smoothness == other.smoothness && texture == other.texture;
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
