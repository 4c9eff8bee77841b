package org.learningsa.studio.align.dense;

/**
 * One float channel of an image (grey level 0..255, a gradient, a flow component), row-major, pixel centres at
 * integers; what the refinement computes on at every pyramid level.
 */
final class Plane {

    final int width;
    final int height;
    final float[] values;

    Plane(int width, int height) {
        this(width, height, new float[width * height]);
    }

    Plane(int width, int height, float[] values) {
        if (values.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " values, got " + values.length);
        }
        this.width = width;
        this.height = height;
        this.values = values;
    }

    float at(int x, int y) {
        return values[y * width + x];
    }

    /** Bilinear at (x, y), the border pixels repeated outside the image. */
    float sample(float x, float y) {
        return bilinear(values, width, height, x, y);
    }

    static float bilinear(float[] values, int width, int height, float x, float y) {
        if (x < 0) {
            x = 0;
        } else if (x > width - 1) {
            x = width - 1;
        }
        if (y < 0) {
            y = 0;
        } else if (y > height - 1) {
            y = height - 1;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = x0 + 1 < width ? x0 + 1 : x0;
        int y1 = y0 + 1 < height ? y0 + 1 : y0;
        float fx = x - x0;
        float fy = y - y0;
        int r0 = y0 * width;
        int r1 = y1 * width;
        float top = values[r0 + x0] + fx * (values[r0 + x1] - values[r0 + x0]);
        float bottom = values[r1 + x0] + fx * (values[r1 + x1] - values[r1 + x0]);
        return top + fy * (bottom - top);
    }
}
