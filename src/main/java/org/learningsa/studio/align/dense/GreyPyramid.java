package org.learningsa.studio.align.dense;

import org.learningsa.studio.image.RgbImage;

/**
 * An image as grey levels with their gradients, halved level after level: the coarse-to-fine frame of the
 * refinement. Level l pixel i covers pixels 2i and 2i + 1 of level l − 1, so positions relate exactly by
 * x<sub>l−1</sub> = 2·x<sub>l</sub> + 0.5 and displacements by a factor 2 (an odd last row or column is dropped).
 */
final class GreyPyramid {

    final Plane[] grey;
    final Plane[] gradientX;
    final Plane[] gradientY;

    GreyPyramid(RgbImage image, int levels) {
        grey = new Plane[levels];
        gradientX = new Plane[levels];
        gradientY = new Plane[levels];
        int width = image.width();
        int height = image.height();
        byte[] rgb = image.rgb();
        float[] base = new float[width * height];
        for (int i = 0; i < base.length; i++) {
            float r = rgb[3 * i] & 0xFF;
            float g = rgb[3 * i + 1] & 0xFF;
            float b = rgb[3 * i + 2] & 0xFF;
            base[i] = 0.299f * r + 0.587f * g + 0.114f * b;
        }
        grey[0] = new Plane(width, height, base);
        for (int level = 1; level < levels; level++) {
            grey[level] = halve(blur(grey[level - 1]));
        }
        for (int level = 0; level < levels; level++) {
            gradientX[level] = new Plane(grey[level].width, grey[level].height);
            gradientY[level] = new Plane(grey[level].width, grey[level].height);
            sobel(grey[level], gradientX[level], gradientY[level]);
        }
    }

    int levels() {
        return grey.length;
    }

    /** How many halvings keep the shorter side at least {@code minSide} pixels (at least 1 level). */
    static int levelsFor(int width, int height, int minSide, int maxLevels) {
        int levels = 1;
        int side = Math.min(width, height);
        while (levels < maxLevels && side / 2 >= minSide) {
            side /= 2;
            levels++;
        }
        return levels;
    }

    /** [1 2 1]/4 both ways: enough anti-aliasing before a 2×2 average. */
    private static Plane blur(Plane in) {
        int w = in.width;
        int h = in.height;
        float[] tmp = new float[w * h];
        float[] out = new float[w * h];
        float[] v = in.values;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float left = v[row + Math.max(0, x - 1)];
                float right = v[row + Math.min(w - 1, x + 1)];
                tmp[row + x] = 0.25f * left + 0.5f * v[row + x] + 0.25f * right;
            }
        }
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int row = y * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                out[row + x] = 0.25f * tmp[up + x] + 0.5f * tmp[row + x] + 0.25f * tmp[down + x];
            }
        }
        return new Plane(w, h, out);
    }

    private static Plane halve(Plane in) {
        int w = Math.max(1, in.width / 2);
        int h = Math.max(1, in.height / 2);
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.min(2 * y, in.height - 1);
            int y1 = Math.min(2 * y + 1, in.height - 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.min(2 * x, in.width - 1);
                int x1 = Math.min(2 * x + 1, in.width - 1);
                out[y * w + x] = 0.25f * (in.at(x0, y0) + in.at(x1, y0) + in.at(x0, y1) + in.at(x1, y1));
            }
        }
        return new Plane(w, h, out);
    }

    /** Sobel derivatives divided by 8, so a ramp of slope 1 gives 1. */
    private static void sobel(Plane in, Plane dx, Plane dy) {
        int w = in.width;
        int h = in.height;
        float[] v = in.values;
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int row = y * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                int l = Math.max(0, x - 1);
                int r = Math.min(w - 1, x + 1);
                dx.values[row + x] = ((v[up + r] - v[up + l]) + 2 * (v[row + r] - v[row + l])
                        + (v[down + r] - v[down + l])) / 8f;
                dy.values[row + x] = ((v[down + l] - v[up + l]) + 2 * (v[down + x] - v[up + x])
                        + (v[down + r] - v[up + r])) / 8f;
            }
        }
    }
}
