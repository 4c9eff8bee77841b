package org.learningsa.studio.eval;

/**
 * A correspondence with a known answer: the target → source map is x_s = scale·x_t + shiftX (and the
 * same for y, in original pixels), written into a grid_T2S that the paper mapping reads back exactly.
 * The paper mapping reads cell k of the cropped, ×10/9 grid at target pixel k·(W_t − 1)/17 and maps a
 * grid value g to (g + 1)·(W_s − 1)/2, so cell k + 1 of the 20×20 grid holds
 * (2·x_s(k·(W_t − 1)/17)/(W_s − 1) − 1)·9/10. The map is linear, so bilinear sampling between cells is
 * exact and the only error left is the half-to-even rounding of the target point and float32.
 */
public record KnownCorrespondence(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight,
                           double scale, double shiftX, double shiftY) implements PairCorrespondence {

    /** Same size, identity: the prediction is the rounded target point itself. */
    public static KnownCorrespondence identity(int width, int height) {
        return new KnownCorrespondence(width, height, width, height, 1, 0, 0);
    }

    @Override
    public float[] gridTargetToSource() {
        float[] grid = new float[20 * 20 * 2];
        for (int row = 0; row < 20; row++) {
            for (int col = 0; col < 20; col++) {
                // cells 0 and 19 (the padding ring) are never read by the paper mapping; extrapolate linearly
                double tx = (col - 1) * (targetWidth - 1) / 17.0;
                double ty = (row - 1) * (targetHeight - 1) / 17.0;
                double sx = scale * tx + shiftX;
                double sy = scale * ty + shiftY;
                grid[(row * 20 + col) * 2] = (float) ((2 * sx / (sourceWidth - 1) - 1) * 9 / 10);
                grid[(row * 20 + col) * 2 + 1] = (float) ((2 * sy / (sourceHeight - 1) - 1) * 9 / 10);
            }
        }
        return grid;
    }

    @Override
    public double[] mapTargetToSourceExact(double x, double y) {
        return new double[] {scale * x + shiftX, scale * y + shiftY};
    }
}
