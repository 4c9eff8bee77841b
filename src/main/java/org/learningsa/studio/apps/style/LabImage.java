package org.learningsa.studio.apps.style;

import org.learningsa.studio.image.RgbImage;

/**
 * An image in CIE L*a*b* (sRGB primaries, D65 white), three float planes: L in 0..100, a and b
 * roughly −100..100. Colour statistics are transferred here because its channels are close to
 * decorrelated for natural images (Reinhard et al. 2001), so each can be matched on its own.
 */
public record LabImage(int width, int height, float[] l, float[] a, float[] b) {

    private static final double XN = 0.95047;
    private static final double ZN = 1.08883;
    private static final double EPSILON = 216.0 / 24389.0;
    private static final double KAPPA = 24389.0 / 27.0;
    /** sRGB byte → linear light. */
    private static final double[] LINEAR = new double[256];
    /** Linear light in 1/ENCODE_STEPS steps → sRGB 0..255 (interpolated), so the way back needs no pow. */
    private static final int ENCODE_STEPS = 4096;
    private static final float[] ENCODED = new float[ENCODE_STEPS + 1];
    /** f(t) = ∛t in 1/CUBE_ROOT_STEPS steps over [0, 1] (interpolated): the way there needs no cbrt (error < 1e-3 in L). */
    private static final int CUBE_ROOT_STEPS = 8192;
    private static final float[] CUBE_ROOT = new float[CUBE_ROOT_STEPS + 2];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        for (int i = 0; i <= ENCODE_STEPS; i++) {
            double c = (double) i / ENCODE_STEPS;
            ENCODED[i] = (float) (255.0 * (c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055));
        }
        for (int i = 0; i < CUBE_ROOT.length; i++) {
            CUBE_ROOT[i] = (float) exactF((double) i / CUBE_ROOT_STEPS);
        }
    }

    public LabImage {
        int n = width * height;
        if (l.length != n || a.length != n || b.length != n) {
            throw new IllegalArgumentException("planes must hold " + n + " values");
        }
    }

    public static LabImage fromRgb(RgbImage image) {
        int n = image.width() * image.height();
        byte[] rgb = image.rgb();
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            double r = LINEAR[rgb[3 * i] & 0xFF];
            double g = LINEAR[rgb[3 * i + 1] & 0xFF];
            double bl = LINEAR[rgb[3 * i + 2] & 0xFF];
            double fx = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * bl) / XN);
            double fy = f(0.2126729 * r + 0.7151522 * g + 0.0721750 * bl);
            double fz = f((0.0193339 * r + 0.1191920 * g + 0.9503041 * bl) / ZN);
            l[i] = (float) (116 * fy - 16);
            a[i] = (float) (500 * (fx - fy));
            b[i] = (float) (200 * (fy - fz));
        }
        return new LabImage(image.width(), image.height(), l, a, b);
    }

    /** Back to 8-bit sRGB; colours outside the gamut are clipped per channel. */
    public RgbImage toRgb() {
        int n = width * height;
        byte[] rgb = new byte[n * 3];
        for (int i = 0; i < n; i++) {
            double fy = (l[i] + 16) / 116.0;
            double fx = fy + a[i] / 500.0;
            double fz = fy - b[i] / 200.0;
            double x = XN * fInverse(fx);
            double y = fInverse(fy);
            double z = ZN * fInverse(fz);
            rgb[3 * i] = encode(3.2404542 * x - 1.5371385 * y - 0.4985314 * z);
            rgb[3 * i + 1] = encode(-0.9692660 * x + 1.8760108 * y + 0.0415560 * z);
            rgb[3 * i + 2] = encode(0.0556434 * x - 0.2040259 * y + 1.0572252 * z);
        }
        return new RgbImage(width, height, rgb);
    }

    /** Plane 0 = L, 1 = a, 2 = b. */
    public float[] channel(int c) {
        return switch (c) {
            case 0 -> l;
            case 1 -> a;
            case 2 -> b;
            default -> throw new IllegalArgumentException("channel " + c);
        };
    }

    private static double f(double t) {
        if (t <= EPSILON || t >= 1) {
            return exactF(t);
        }
        double pos = t * CUBE_ROOT_STEPS;
        int i = (int) pos;
        return CUBE_ROOT[i] + (pos - i) * (CUBE_ROOT[i + 1] - CUBE_ROOT[i]);
    }

    private static double exactF(double t) {
        return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116.0;
    }

    private static double fInverse(double t) {
        double cube = t * t * t;
        return cube > EPSILON ? cube : (116 * t - 16) / KAPPA;
    }

    private static byte encode(double linear) {
        if (linear <= 0) {
            return 0;
        }
        if (linear >= 1) {
            return (byte) 255;
        }
        double pos = linear * ENCODE_STEPS;
        int i = (int) pos;
        double t = pos - i;
        double value = i >= ENCODE_STEPS ? ENCODED[ENCODE_STEPS] : ENCODED[i] + t * (ENCODED[i + 1] - ENCODED[i]);
        return (byte) Math.round(value);
    }
}
