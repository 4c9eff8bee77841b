package org.learningsa.studio.apps.style;

import org.learningsa.studio.image.RgbImage;

/** Painterly filters for known-truth cases, written here so the tests need no ImageMagick. */
public final class PainterlyFilters {

    private PainterlyFilters() {
    }

    /**
     * The Kuwahara filter (as ImageMagick's {@code -kuwahara}): each pixel takes the mean colour of the
     * least varied (in luminance) of the four (r + 1)² quadrants around it: flat, edge-keeping dabs.
     */
    public static RgbImage kuwahara(RgbImage image, int radius) {
        int w = image.width();
        int h = image.height();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double bestVariance = Double.POSITIVE_INFINITY;
                double[] best = new double[3];
                for (int qy = -1; qy <= 1; qy += 2) {
                    for (int qx = -1; qx <= 1; qx += 2) {
                        double[] sum = new double[3];
                        double lum = 0;
                        double lumSquares = 0;
                        int count = 0;
                        for (int dy = 0; dy <= radius; dy++) {
                            int yy = Math.max(0, Math.min(h - 1, y + qy * dy));
                            for (int dx = 0; dx <= radius; dx++) {
                                int xx = Math.max(0, Math.min(w - 1, x + qx * dx));
                                double l = 0;
                                for (int c = 0; c < 3; c++) {
                                    int v = image.get(xx, yy, c);
                                    sum[c] += v;
                                    l += LUMA[c] * v;
                                }
                                lum += l;
                                lumSquares += l * l;
                                count++;
                            }
                        }
                        double mean = lum / count;
                        double variance = lumSquares / count - mean * mean;
                        if (variance < bestVariance) {
                            bestVariance = variance;
                            for (int c = 0; c < 3; c++) {
                                best[c] = sum[c] / count;
                            }
                        }
                    }
                }
                for (int c = 0; c < 3; c++) {
                    out[(y * w + x) * 3 + c] = (byte) Math.round(best[c]);
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * The oil-paint filter (as ImageMagick's {@code -paint}): each pixel takes the colour of the most frequent
     * lightness in the (2r + 1)² square around it (256 bins; the first pixel to reach the top count gives
     * the colour), so flat, hard-edged blobs replace the detail and do not follow the photo's edges exactly.
     */
    public static RgbImage oilPaint(RgbImage image, int radius) {
        int w = image.width();
        int h = image.height();
        int[] bin = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double l = 0;
                for (int c = 0; c < 3; c++) {
                    l += LUMA[c] * image.get(x, y, c);
                }
                bin[y * w + x] = (int) Math.min(255, Math.round(l));
            }
        }
        byte[] out = new byte[w * h * 3];
        int[] histogram = new int[256];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                java.util.Arrays.fill(histogram, 0);
                int count = 0;
                int chosen = y * w + x;
                for (int dy = -radius; dy <= radius; dy++) {
                    int yy = Math.max(0, Math.min(h - 1, y + dy));
                    for (int dx = -radius; dx <= radius; dx++) {
                        int i = yy * w + Math.max(0, Math.min(w - 1, x + dx));
                        if (++histogram[bin[i]] > count) {
                            count = histogram[bin[i]];
                            chosen = i;
                        }
                    }
                }
                for (int c = 0; c < 3; c++) {
                    out[(y * w + x) * 3 + c] = image.rgb()[chosen * 3 + c];
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    /** Posterisation to {@code levels} values per channel (as ImageMagick's {@code -posterize}). */
    public static RgbImage posterize(RgbImage image, int levels) {
        byte[] in = image.rgb();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            int v = in[i] & 0xFF;
            int step = (int) Math.round(v * (levels - 1) / 255.0);
            out[i] = (byte) Math.round(step * 255.0 / (levels - 1));
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    public static final double[] LUMA = {0.299, 0.587, 0.114};
}
