package org.learningsa.studio.apps.style;

/**
 * Mean over a (2r + 1)² window, clamped at the borders (the window shrinks there and the mean is over
 * the pixels it covers), in O(1) per pixel with running sums: the building block of the guided filter.
 */
final class BoxFilter {

    private BoxFilter() {
    }

    /** Window sums of {@code values} (width × height, row-major) with radius {@code radius}. */
    static double[] sums(float[] values, int width, int height, int radius) {
        double[] rows = new double[values.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            double sum = 0;
            for (int x = 0; x <= Math.min(radius, width - 1); x++) {
                sum += values[row + x];
            }
            for (int x = 0; x < width; x++) {
                rows[row + x] = sum;
                int add = x + radius + 1;
                int drop = x - radius;
                if (add < width) {
                    sum += values[row + add];
                }
                if (drop >= 0) {
                    sum -= values[row + drop];
                }
            }
        }
        double[] out = new double[values.length];
        double[] column = new double[width];
        for (int y = 0; y <= Math.min(radius, height - 1); y++) {
            for (int x = 0; x < width; x++) {
                column[x] += rows[y * width + x];
            }
        }
        for (int y = 0; y < height; y++) {
            int add = y + radius + 1;
            int drop = y - radius;
            for (int x = 0; x < width; x++) {
                out[y * width + x] = column[x];
                if (add < height) {
                    column[x] += rows[add * width + x];
                }
                if (drop >= 0) {
                    column[x] -= rows[drop * width + x];
                }
            }
        }
        return out;
    }

    /** Two passes of the window mean: close to a Gaussian of σ ≈ 0.8·radius, without its cost. */
    static float[] smooth(float[] values, int width, int height, int radius) {
        return mean(mean(values, width, height, radius), width, height, radius);
    }

    /** The plain window mean. */
    static float[] mean(float[] values, int width, int height, int radius) {
        double[] sums = sums(values, width, height, radius);
        float[] out = new float[values.length];
        for (int y = 0; y < height; y++) {
            int rows = Math.min(height - 1, y + radius) - Math.max(0, y - radius) + 1;
            for (int x = 0; x < width; x++) {
                int cols = Math.min(width - 1, x + radius) - Math.max(0, x - radius) + 1;
                out[y * width + x] = (float) (sums[y * width + x] / (rows * cols));
            }
        }
        return out;
    }
}
