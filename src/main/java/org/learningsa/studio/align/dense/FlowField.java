package org.learningsa.studio.align.dense;

/**
 * A displacement per pixel of one image: the point (x, y) lands at (x + dx, y + dy) in the other image,
 * in the pixels of the level it belongs to.
 */
final class FlowField {

    final int width;
    final int height;
    final float[] dx;
    final float[] dy;

    FlowField(int width, int height) {
        this(width, height, new float[width * height], new float[width * height]);
    }

    FlowField(int width, int height, float[] dx, float[] dy) {
        this.width = width;
        this.height = height;
        this.dx = dx;
        this.dy = dy;
    }

    float sampleX(float x, float y) {
        return Plane.bilinear(dx, width, height, x, y);
    }

    float sampleY(float x, float y) {
        return Plane.bilinear(dy, width, height, x, y);
    }

    /**
     * This field (of a level with pixels twice as large) at a finer level of {@code width} × {@code height}:
     * positions by x<sub>coarse</sub> = (x − 0.5) / 2, displacements doubled.
     */
    FlowField toFinerLevel(int width, int height) {
        FlowField finer = new FlowField(width, height);
        for (int y = 0; y < height; y++) {
            float cy = (y - 0.5f) / 2f;
            for (int x = 0; x < width; x++) {
                float cx = (x - 0.5f) / 2f;
                int i = y * width + x;
                finer.dx[i] = 2 * sampleX(cx, cy);
                finer.dy[i] = 2 * sampleY(cx, cy);
            }
        }
        return finer;
    }

    /** This field at the next coarser level ({@code width} × {@code height}): the 2×2 mean, halved. */
    FlowField toCoarserLevel(int width, int height) {
        FlowField coarser = new FlowField(width, height);
        for (int y = 0; y < height; y++) {
            int y0 = Math.min(2 * y, this.height - 1);
            int y1 = Math.min(2 * y + 1, this.height - 1);
            for (int x = 0; x < width; x++) {
                int x0 = Math.min(2 * x, this.width - 1);
                int x1 = Math.min(2 * x + 1, this.width - 1);
                int a = y0 * this.width + x0;
                int b = y0 * this.width + x1;
                int c = y1 * this.width + x0;
                int d = y1 * this.width + x1;
                coarser.dx[y * width + x] = 0.125f * (dx[a] + dx[b] + dx[c] + dx[d]);
                coarser.dy[y * width + x] = 0.125f * (dy[a] + dy[b] + dy[c] + dy[d]);
            }
        }
        return coarser;
    }
}
