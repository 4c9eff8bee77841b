package org.learningsa.studio.apps.style;

/**
 * Bilinear reads and resampling of float planes (width × height, row-major), with the app's pixel
 * convention (centres at integers) and clamping at the border.
 */
public final class Planes {

    private Planes() {
    }

    /** The value at (x, y), bilinear between the four nearest pixels, clamped into the plane. */
    public static float bilinear(float[] plane, int width, int height, double x, double y) {
        double cx = Math.max(0, Math.min(width - 1, x));
        double cy = Math.max(0, Math.min(height - 1, y));
        int x0 = Math.min(width - 2, (int) cx);
        int y0 = Math.min(height - 2, (int) cy);
        if (width == 1 || height == 1) {
            return plane[(int) Math.round(cy) * width + (int) Math.round(cx)];
        }
        double tx = cx - x0;
        double ty = cy - y0;
        int i = y0 * width + x0;
        double top = plane[i] + tx * (plane[i + 1] - plane[i]);
        double bottom = plane[i + width] + tx * (plane[i + width + 1] - plane[i + width]);
        return (float) (top + ty * (bottom - top));
    }

    /**
     * A plane resampled to {@code outWidth × outHeight} so both cover the same image area: output pixel
     * centre x maps to {@code (x + 0.5)·width/outWidth − 0.5}. Used to bring the smooth low-resolution
     * colour model to the full-resolution input.
     */
    public static float[] resize(float[] plane, int width, int height, int outWidth, int outHeight) {
        int[] x0 = new int[outWidth];
        float[] tx = new float[outWidth];
        axis(width, outWidth, x0, tx);
        int[] y0 = new int[outHeight];
        float[] ty = new float[outHeight];
        axis(height, outHeight, y0, ty);
        int stepX = width > 1 ? 1 : 0;
        int stepY = height > 1 ? width : 0;
        float[] out = new float[outWidth * outHeight];
        for (int y = 0; y < outHeight; y++) {
            int row = y0[y] * width;
            float fy = ty[y];
            for (int x = 0; x < outWidth; x++) {
                int i = row + x0[x];
                float fx = tx[x];
                float top = plane[i] + fx * (plane[i + stepX] - plane[i]);
                float bottom = plane[i + stepY] + fx * (plane[i + stepY + stepX] - plane[i + stepY]);
                out[y * outWidth + x] = top + fy * (bottom - top);
            }
        }
        return out;
    }

    private static void axis(int size, int outSize, int[] index, float[] fraction) {
        for (int o = 0; o < outSize; o++) {
            double pos = Math.max(0, Math.min(size - 1, (o + 0.5) * size / outSize - 0.5));
            int i = Math.min(Math.max(0, size - 2), (int) pos);
            index[o] = i;
            fraction[o] = size > 1 ? (float) (pos - i) : 0f;
        }
    }
}
