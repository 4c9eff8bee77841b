package org.learningsa.studio.eval;

/**
 * LearningSA's keypoint transfer, target → source through the fused {@code grid_T2S} (spec §3.1,
 * {@code image.py}): crop the border ring of the 20×20 grid to 18×18, multiply by 10/9, upsample
 * bilinearly with align_corners=True to the target size of the evaluation frame, round the target
 * keypoint half-to-even, move a point lying exactly on x = W or y = H one pixel in, read the grid
 * there and scale it to the source size. Arithmetic is float32 step by step, as in the reference,
 * so that rounding ties and threshold ties fall the same way.
 */
final class PaperTransfer {

    /** The correspondence grid is 20×20 cells (320 px input / stride 16). */
    static final int GRID_CELLS = 20;
    /** After dropping the border ring of cells that covers the 16 px zero padding. */
    static final int CROPPED_CELLS = GRID_CELLS - 2;
    /** (feature_W // 2) / (feature_W // 2 − 1) = 10/9, the reference's de-padding factor (exact would be 19/17). */
    static final float DEPAD_NUMERATOR = GRID_CELLS / 2;
    static final float DEPAD_DENOMINATOR = GRID_CELLS / 2 - 1;

    private PaperTransfer() {
    }

    /**
     * @param gridT2S  20×20×2 fused grid_T2S, [row][column][x, y]
     * @param targetX  target keypoints x in the evaluation frame
     * @param targetY  target keypoints y in the evaluation frame
     * @param targetWidth  target width in the evaluation frame (288 for image-size)
     * @param targetHeight target height in the evaluation frame
     * @param sourceWidth  source width in the evaluation frame
     * @param sourceHeight source height in the evaluation frame
     * @return {x[], y[]} predicted source points; NaN where the target point is the (-1, -1) padding
     */
    static double[][] transfer(float[] gridT2S, double[] targetX, double[] targetY, int targetWidth, int targetHeight,
                               int sourceWidth, int sourceHeight) {
        if (gridT2S.length != GRID_CELLS * GRID_CELLS * 2) {
            throw new IllegalArgumentException("grid_T2S must hold 20×20×2 values, got " + gridT2S.length);
        }
        float[] cropped = cropAndDepad(gridT2S);
        double[] xs = new double[targetX.length];
        double[] ys = new double[targetX.length];
        for (int j = 0; j < targetX.length; j++) {
            int px = (int) Math.rint((float) targetX[j]);
            int py = (int) Math.rint((float) targetY[j]);
            if (px == -1 && py == -1) {
                xs[j] = Double.NaN;
                ys[j] = Double.NaN;
                continue;
            }
            if (px == targetWidth) {
                px = targetWidth - 1;
            }
            if (py == targetHeight) {
                py = targetHeight - 1;
            }
            // The reference would fail (index error) or wrap around (negative numpy index) beyond
            // the image; annotated benchmark points never do, so clamping only guards bad input.
            px = Math.max(0, Math.min(targetWidth - 1, px));
            py = Math.max(0, Math.min(targetHeight - 1, py));
            float gx = upsampledAt(cropped, 0, px, py, targetWidth, targetHeight);
            float gy = upsampledAt(cropped, 1, px, py, targetWidth, targetHeight);
            xs[j] = (gx + 1f) * (sourceWidth - 1) / 2f;
            ys[j] = (gy + 1f) * (sourceHeight - 1) / 2f;
        }
        return new double[][] {xs, ys};
    }

    /** grid[1:19, 1:19] × 10 / 9 (two float32 operations, as {@code x * 10 / 9} on a tensor). */
    static float[] cropAndDepad(float[] gridT2S) {
        float[] cropped = new float[CROPPED_CELLS * CROPPED_CELLS * 2];
        for (int i = 0; i < CROPPED_CELLS; i++) {
            for (int j = 0; j < CROPPED_CELLS; j++) {
                for (int c = 0; c < 2; c++) {
                    float value = gridT2S[((i + 1) * GRID_CELLS + (j + 1)) * 2 + c];
                    cropped[(i * CROPPED_CELLS + j) * 2 + c] = value * DEPAD_NUMERATOR / DEPAD_DENOMINATOR;
                }
            }
        }
        return cropped;
    }

    /**
     * The value at output pixel (px, py) of {@code F.interpolate(cropped, size=(H, W), mode='bilinear',
     * align_corners=True)}, without materialising the H×W map: source index = dst·(18−1)/(out−1).
     */
    static float upsampledAt(float[] cropped, int channel, int px, int py, int outWidth, int outHeight) {
        float scaleX = outWidth > 1 ? (float) (CROPPED_CELLS - 1) / (outWidth - 1) : 0f;
        float scaleY = outHeight > 1 ? (float) (CROPPED_CELLS - 1) / (outHeight - 1) : 0f;
        float realX = scaleX * px;
        float realY = scaleY * py;
        int x0 = (int) realX;
        int y0 = (int) realY;
        int x1 = x0 < CROPPED_CELLS - 1 ? x0 + 1 : x0;
        int y1 = y0 < CROPPED_CELLS - 1 ? y0 + 1 : y0;
        float wx1 = realX - x0;
        float wy1 = realY - y0;
        float wx0 = 1f - wx1;
        float wy0 = 1f - wy1;
        return wy0 * (wx0 * at(cropped, y0, x0, channel) + wx1 * at(cropped, y0, x1, channel))
                + wy1 * (wx0 * at(cropped, y1, x0, channel) + wx1 * at(cropped, y1, x1, channel));
    }

    private static float at(float[] cropped, int row, int column, int channel) {
        return cropped[(row * CROPPED_CELLS + column) * 2 + channel];
    }
}
