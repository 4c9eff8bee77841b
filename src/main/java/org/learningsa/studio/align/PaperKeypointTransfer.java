package org.learningsa.studio.align;

/**
 * The reference's keypoint transfer (spec §3.1, identical in {@code image.py}, {@code image_willow.py}
 * and the validation loop of {@code train.py}), kept bit-for-bit in its arithmetic so that PCK numbers
 * can be reproduced. It reads a 20×20×2 grid (normally {@code grid_T2S}: a target point goes to the
 * source) and:
 * <ol>
 *   <li>crops the border ring of cells, G = grid[1:19, 1:19], and multiplies it by 10/9 (the
 *       reference's heuristic de-padding; the geometrically exact mapping is {@link ExactMapping});</li>
 *   <li>conceptually upsamples G to the "from" image size (W_f, H_f) with bilinear, align_corners=True;
 *       here it samples G at (px·17/(W_f − 1), py·17/(H_f − 1)), which is the same value;</li>
 *   <li>rounds the point half-to-even (numpy/torch {@code round}), skips (−1, −1), and maps px == W_f
 *       to W_f − 1 (exact equality only), likewise for y;</li>
 *   <li>returns ((g_x + 1)·(W_t − 1)/2, (g_y + 1)·(H_t − 1)/2) in the "to" image.</li>
 * </ol>
 * Indices outside the image behave as in the reference where it defines them: a negative index
 * −W_f … −1 counts from the end (Python indexing); indices the reference would reject (beyond W_f,
 * below −W_f) are clamped to the image instead, so interactive use never fails.
 * The arithmetic is float32 like the reference's tensors.
 */
public final class PaperKeypointTransfer {

    /** (feature_W // 2) / (feature_W // 2 − 1) with feature_W = 20: the reference's de-padding factor. */
    public static final float PAPER_SCALE = (float) (10.0 / 9.0);
    /** The two factors of {@link #PAPER_SCALE} as the reference applies them: × (feature_W // 2), then / (feature_W // 2 − 1). */
    static final float DEPAD_NUMERATOR = 10f;
    static final float DEPAD_DENOMINATOR = 9f;
    private static final int CELLS = ExactMapping.CELLS;
    private static final int INTERIOR = CELLS - 2;

    private PaperKeypointTransfer() {
    }

    /**
     * Transfers one point.
     *
     * @param grid        20×20×2 normalised grid (layout of {@code grid_T2S}: [row][col][x, y]) read at the "from" image
     * @param x           x of the point in the "from" image, original pixels
     * @param y           y of the point in the "from" image
     * @param fromWidth   W of the image the point lies in
     * @param fromHeight  H of that image
     * @param toWidth     W of the image the grid points into
     * @param toHeight    H of that image
     * @return the transferred point, or {@code null} when the point is the reference's (−1, −1) "absent" marker
     */
    public static PixelPoint transfer(float[] grid, double x, double y,
                                      int fromWidth, int fromHeight, int toWidth, int toHeight) {
        if (grid.length != CELLS * CELLS * 2) {
            throw new IllegalArgumentException("expected a 20×20×2 grid, got " + grid.length + " values");
        }
        long px = Math.round(Math.rint(x));
        long py = Math.round(Math.rint(y));
        if (px == -1 && py == -1) {
            return null;
        }
        int col = pythonIndex(px, fromWidth);
        int row = pythonIndex(py, fromHeight);
        float u = sourceIndex(col, fromWidth);
        float v = sourceIndex(row, fromHeight);
        float gx = sampleInterior(grid, u, v, 0);
        float gy = sampleInterior(grid, u, v, 1);
        double outX = (gx + 1.0f) * (toWidth - 1) / 2.0f;
        double outY = (gy + 1.0f) * (toHeight - 1) / 2.0f;
        return new PixelPoint(outX, outY);
    }

    /** The reference's index rule: == size → size − 1, negative counts from the end; otherwise clamped. */
    static int pythonIndex(long index, int size) {
        long i = index;
        if (i == size) {
            i = size - 1;
        } else if (i < 0 && i >= -size) {
            i += size;
        }
        return (int) Math.max(0, Math.min(size - 1, i));
    }

    /** align_corners=True source coordinate of output pixel {@code index} when upsampling 18 cells to {@code size}. */
    private static float sourceIndex(int index, int size) {
        float scale = size > 1 ? (float) (INTERIOR - 1) / (size - 1) : 0f;
        return scale * index;
    }

    /** Bilinear sample of the interior 18×18 cells at (u, v) in interior-cell units, as torch computes it. */
    private static float sampleInterior(float[] grid, float u, float v, int channel) {
        int u0 = (int) u;
        int v0 = (int) v;
        float lu = Math.min(Math.max(u - u0, 0f), 1f);
        float lv = Math.min(Math.max(v - v0, 0f), 1f);
        int u1 = u0 < INTERIOR - 1 ? u0 + 1 : u0;
        int v1 = v0 < INTERIOR - 1 ? v0 + 1 : v0;
        float a = interior(grid, v0, u0, channel) * (1f - lu) + interior(grid, v0, u1, channel) * lu;
        float b = interior(grid, v1, u0, channel) * (1f - lu) + interior(grid, v1, u1, channel) * lu;
        return a * (1f - lv) + b * lv;
    }

    private static float interior(float[] grid, int row, int col, int channel) {
        // the reference scales the cropped grid in place before upsampling it: `g * (W // 2) / (W // 2 - 1)`,
        // i.e. two float32 operations, × 10 then / 9 (torch on the CPU; CUDA multiplies by a float32 1/9
        // instead). A single × (float) (10/9) differs from both by one ulp for about half of all values.
        return grid[((row + 1) * CELLS + col + 1) * 2 + channel] * DEPAD_NUMERATOR / DEPAD_DENOMINATOR;
    }
}
