package org.learningsa.studio.align.dense;

import org.learningsa.studio.image.RgbImage;

/**
 * Pictures of a dense flow for looking at it: the Middlebury colour coding (Baker et al. 2011, as the flow
 * benchmarks and OpenCV draw it: the hue is the direction, the saturation the length relative to the longest,
 * white is no motion), its legend wheel, the confidence as grey (white = 1), the other image resampled into this
 * one's frame along the flow, and the absolute difference of two images (where alignment fails it lights up).
 */
public final class FlowImages {

    /** The Middlebury wheel's segments: red→yellow, yellow→green, green→cyan, cyan→blue, blue→magenta, magenta→red. */
    private static final int[] SEGMENTS = {15, 6, 4, 11, 13, 6};
    private static final float[][] WHEEL = wheel();

    private FlowImages() {
    }

    /**
     * The flow in the Middlebury colours, lengths scaled by the 99th percentile of the finite ones (at least 1 px),
     * so a few wild pixels do not wash the rest out; longer ones are drawn darker.
     */
    public static RgbImage colours(DenseFlow flow) {
        float[] lengths = new float[flow.dx().length];
        int finite = 0;
        for (int i = 0; i < flow.dx().length; i++) {
            float length = (float) Math.hypot(flow.dx()[i], flow.dy()[i]);
            if (Float.isFinite(length)) {
                lengths[finite++] = length;
            }
        }
        java.util.Arrays.sort(lengths, 0, finite);
        float longest = finite == 0 ? 1 : Math.max(1, lengths[(int) (0.99 * (finite - 1))]);
        byte[] rgb = new byte[3 * flow.dx().length];
        for (int i = 0; i < flow.dx().length; i++) {
            colour(flow.dx()[i] / longest, flow.dy()[i] / longest, rgb, 3 * i);
        }
        return new RgbImage(flow.width(), flow.height(), rgb);
    }

    /** The legend: a disc of {@code side} px whose pixel at offset (u, v) from the centre has the colour of that flow. */
    public static RgbImage legend(int side) {
        byte[] rgb = new byte[3 * side * side];
        float radius = side / 2f;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float u = (x + 0.5f - radius) / radius;
                float v = (y + 0.5f - radius) / radius;
                int at = 3 * (y * side + x);
                if (u * u + v * v <= 1) {
                    colour(u, v, rgb, at);
                } else {
                    rgb[at] = rgb[at + 1] = rgb[at + 2] = (byte) 255;
                }
            }
        }
        return new RgbImage(side, side, rgb);
    }

    /** The confidence as grey, 0 black to 1 white. */
    public static RgbImage confidence(DenseFlow flow) {
        byte[] rgb = new byte[3 * flow.confidence().length];
        for (int i = 0; i < flow.confidence().length; i++) {
            byte grey = (byte) Math.round(255 * Math.max(0, Math.min(1, flow.confidence()[i])));
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = grey;
        }
        return new RgbImage(flow.width(), flow.height(), rgb);
    }

    /**
     * The other image resampled into the flow's frame: pixel (x, y) takes {@code other}'s colour at (x + dx, y + dy),
     * bilinearly; {@code other} may be a scaled copy (positions are scaled to it).
     */
    public static RgbImage warped(DenseFlow flow, RgbImage other, int otherFrameWidth, int otherFrameHeight) {
        int w = flow.width();
        float[][] planes = new float[3][other.width() * other.height()];
        for (int i = 0; i < other.width() * other.height(); i++) {
            for (int c = 0; c < 3; c++) {
                planes[c][i] = other.rgb()[3 * i + c] & 0xFF;
            }
        }
        byte[] rgb = new byte[3 * w * flow.height()];
        for (int y = 0; y < flow.height(); y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float ox = (float) CoarsePrior.scale(x + flow.dx()[i], otherFrameWidth, other.width());
                float oy = (float) CoarsePrior.scale(y + flow.dy()[i], otherFrameHeight, other.height());
                for (int c = 0; c < 3; c++) {
                    rgb[3 * i + c] = (byte) Math.round(Plane.bilinear(planes[c], other.width(), other.height(), ox,
                            oy));
                }
            }
        }
        return new RgbImage(w, flow.height(), rgb);
    }

    /** |a − b| per channel, of two images of one size. */
    public static RgbImage difference(RgbImage a, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("images of different sizes");
        }
        byte[] rgb = new byte[a.rgb().length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF));
        }
        return new RgbImage(a.width(), a.height(), rgb);
    }

    /** Middlebury's colour of the normalised flow (u, v) (length ≤ 1 is saturated up to full colour). */
    private static void colour(float u, float v, byte[] out, int at) {
        float length = (float) Math.hypot(u, v);
        if (!Float.isFinite(length)) {
            out[at] = out[at + 1] = out[at + 2] = 0;
            return;
        }
        int n = WHEEL.length;
        float angle = (float) (Math.atan2(-v, -u) / Math.PI);
        float position = (angle + 1) / 2 * (n - 1);
        int k0 = (int) Math.floor(position);
        int k1 = (k0 + 1) % n;
        float f = position - k0;
        for (int c = 0; c < 3; c++) {
            float value = ((1 - f) * WHEEL[k0][c] + f * WHEEL[k1][c]) / 255f;
            value = length <= 1 ? 1 - length * (1 - value) : value * 0.75f;
            out[at + c] = (byte) Math.round(255 * value);
        }
    }

    private static float[][] wheel() {
        int count = 0;
        for (int s : SEGMENTS) {
            count += s;
        }
        float[][] wheel = new float[count][3];
        int k = 0;
        int[][] from = {{255, 0, 0}, {255, 255, 0}, {0, 255, 0}, {0, 255, 255}, {0, 0, 255}, {255, 0, 255}};
        for (int s = 0; s < SEGMENTS.length; s++) {
            int[] start = from[s];
            int[] end = from[(s + 1) % from.length];
            for (int i = 0; i < SEGMENTS[s]; i++, k++) {
                for (int c = 0; c < 3; c++) {
                    wheel[k][c] = start[c] + (end[c] - start[c]) * (float) Math.floor(255f * i / SEGMENTS[s]) / 255f;
                }
            }
        }
        return wheel;
    }
}
