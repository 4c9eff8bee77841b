package org.learningsa.studio.align.dense;

import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;

/**
 * The coarse correspondence read as a displacement per pixel of the grid the refinement works on. It is smooth
 * (a 20×20 grid, or that plus a smooth residual field of user points), so it is read every {@value #STEP} pixels
 * and interpolated bilinearly between: a few thousand calls instead of one per pixel.
 */
final class CoarsePrior {

    static final int STEP = 4;

    private CoarsePrior() {
    }

    /**
     * @param fromWidth  width of the pixel grid of the image the direction starts from (may differ from the
     *                   original's when the image was downscaled for the network)
     * @param toWidth    width of the pixel grid of the other image
     */
    static FlowField sample(Correspondence coarse, Direction direction, int fromWidth, int fromHeight, int toWidth,
                            int toHeight) {
        ImageRef from = direction == Direction.SOURCE_TO_TARGET ? coarse.source() : coarse.target();
        ImageRef to = direction == Direction.SOURCE_TO_TARGET ? coarse.target() : coarse.source();
        int columns = (fromWidth - 1 + STEP - 1) / STEP + 1;
        int rows = (fromHeight - 1 + STEP - 1) / STEP + 1;
        float[] knotDx = new float[rows * columns];
        float[] knotDy = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            int y = Math.min(r * STEP, fromHeight - 1);
            for (int c = 0; c < columns; c++) {
                int x = Math.min(c * STEP, fromWidth - 1);
                PixelPoint there = coarse.map(direction, scale(x, fromWidth, from.width()),
                        scale(y, fromHeight, from.height()));
                knotDx[r * columns + c] = (float) (scale(there.x(), to.width(), toWidth) - x);
                knotDy[r * columns + c] = (float) (scale(there.y(), to.height(), toHeight) - y);
            }
        }
        FlowField field = new FlowField(fromWidth, fromHeight);
        for (int y = 0; y < fromHeight; y++) {
            int r0 = Math.min(y / STEP, rows - 1);
            int r1 = Math.min(r0 + 1, rows - 1);
            float y0 = Math.min(r0 * STEP, fromHeight - 1);
            float y1 = Math.min(r1 * STEP, fromHeight - 1);
            float fy = y1 > y0 ? (y - y0) / (y1 - y0) : 0;
            for (int x = 0; x < fromWidth; x++) {
                int c0 = Math.min(x / STEP, columns - 1);
                int c1 = Math.min(c0 + 1, columns - 1);
                float x0 = Math.min(c0 * STEP, fromWidth - 1);
                float x1 = Math.min(c1 * STEP, fromWidth - 1);
                float fx = x1 > x0 ? (x - x0) / (x1 - x0) : 0;
                int i = y * fromWidth + x;
                field.dx[i] = lerp(knotDx, columns, r0, r1, c0, c1, fx, fy);
                field.dy[i] = lerp(knotDy, columns, r0, r1, c0, c1, fx, fy);
            }
        }
        return field;
    }

    private static float lerp(float[] knots, int columns, int r0, int r1, int c0, int c1, float fx, float fy) {
        float top = knots[r0 * columns + c0] + fx * (knots[r0 * columns + c1] - knots[r0 * columns + c0]);
        float bottom = knots[r1 * columns + c0] + fx * (knots[r1 * columns + c1] - knots[r1 * columns + c0]);
        return top + fy * (bottom - top);
    }

    /** A coordinate from a grid of {@code fromSize} pixels to one of {@code toSize} over the same extent. */
    static double scale(double coordinate, int fromSize, int toSize) {
        return fromSize == toSize ? coordinate : (coordinate + 0.5) * toSize / fromSize - 0.5;
    }
}
