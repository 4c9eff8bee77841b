package org.learningsa.studio.image;

/**
 * Perceptually uniform colour maps for values in [0, 1] (confidence, correlation heatmaps). Viridis is
 * readable in greyscale and by people with the common colour-vision deficiencies.
 */
public final class ColorMaps {

    // Polynomial fit of matplotlib's viridis (Matt Zucker, CC0); within about 1/255 of the table.
    private static final double[][] VIRIDIS = {
        {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
        {0.1050930431085774, 1.404613529898575, 1.384590162594685},
        {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
        {-4.634230498983486, -5.799100973351585, -19.33244095627987},
        {6.228269936347081, 14.17993336680509, 56.69055260068105},
        {4.776384997670288, -13.74514537774601, -65.35303263337234},
        {-5.435455855934631, 4.645852612178535, 26.3124352495832},
    };

    private ColorMaps() {
    }

    /** Viridis at {@code t} (clamped to [0, 1]) as 0xRRGGBB: dark purple at 0, yellow at 1. */
    public static int viridis(double t) {
        double x = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        int rgb = 0;
        for (int channel = 0; channel < 3; channel++) {
            double value = 0;
            for (int power = VIRIDIS.length - 1; power >= 0; power--) {
                value = value * x + VIRIDIS[power][channel];
            }
            int byteValue = (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
            rgb = (rgb << 8) | byteValue;
        }
        return rgb;
    }

    /** A plane of values in [0, 1] (width × height, row-major) as a viridis-coloured image. */
    public static RgbImage viridisImage(float[] values, int width, int height) {
        byte[] rgb = new byte[values.length * 3];
        for (int i = 0; i < values.length; i++) {
            int colour = viridis(values[i]);
            rgb[3 * i] = (byte) (colour >> 16);
            rgb[3 * i + 1] = (byte) (colour >> 8);
            rgb[3 * i + 2] = (byte) colour;
        }
        return new RgbImage(width, height, rgb);
    }
}
