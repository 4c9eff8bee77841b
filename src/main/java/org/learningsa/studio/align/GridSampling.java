package org.learningsa.studio.align;

/** Bilinear reads of 20×20 cell fields at continuous cell positions, clamped to the grid's edge. */
public final class GridSampling {

    private static final int CELLS = ExactMapping.CELLS;

    private GridSampling() {
    }

    /**
     * @param field    20×20×channels values, [row][col][channel]
     * @param u        column position in cells (0 = centre of the first cell), clamped to [0, 19]
     * @param v        row position in cells, clamped to [0, 19]
     */
    public static double bilinear(float[] field, int channels, double u, double v, int channel) {
        return bilinear(field, 0, channels, u, v, channel);
    }

    /** As {@link #bilinear(float[], int, double, double, int)} for a field starting at {@code offset}. */
    static double bilinear(float[] field, int offset, int channels, double u, double v, int channel) {
        double cu = Math.max(0, Math.min(CELLS - 1, u));
        double cv = Math.max(0, Math.min(CELLS - 1, v));
        int u0 = Math.min((int) Math.floor(cu), CELLS - 2);
        int v0 = Math.min((int) Math.floor(cv), CELLS - 2);
        double fu = cu - u0;
        double fv = cv - v0;
        double a = at(field, offset, channels, v0, u0, channel) * (1 - fu) + at(field, offset, channels, v0, u0 + 1, channel) * fu;
        double b = at(field, offset, channels, v0 + 1, u0, channel) * (1 - fu) + at(field, offset, channels, v0 + 1, u0 + 1, channel) * fu;
        return a * (1 - fv) + b * fv;
    }

    private static double at(float[] field, int offset, int channels, int row, int col, int channel) {
        return field[offset + (row * CELLS + col) * channels + channel];
    }
}
