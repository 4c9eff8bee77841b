package org.learningsa.studio.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Map;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.KeypointPair;
import org.learningsa.studio.engine.ScalarOps;
import org.learningsa.studio.image.PaperGeometry;

/**
 * LearningSA's training loss, {@code custom_loss.loss_function} with its active branch {@code no_cross_entropy}
 * (spec §4): for the fused readout and each level, the grid_T2S is cropped to its inner 18×18 cells, multiplied by
 * 10 and then divided by 9 (two float32 steps, as the reference's in-place edit), upsampled to the target's
 * original size (bilinear, align_corners=True) and read at the rounded position of <em>every</em> target keypoint;
 * the value maps to source pixels with (g+1)(W_s−1)/2, (g+1)(H_s−1)/2, and the term is the mean Euclidean
 * distance to the source keypoints. Total = fused + level 1 + … + level 4 (λ1 = 1), summed in the reference's order.
 *
 * <p>The upsampling is not materialised: the value at an integer pixel of the upsampled grid is torch's two-tap
 * interpolation of 4 cells with constant weights, so one-hot selections (exact) and the same lerp are used, which
 * is identical and differentiable. Where a distance is exactly 0, the reference's sqrt would give a NaN gradient;
 * here that point contributes 0 to the gradient, and it is counted.
 */
final class KeypointLoss {

    /** The readouts in the order of StepMetrics' terms: fused, then level 1..4. */
    static final String[] GRIDS = {"grid_T2S", "grid_T2S_1", "grid_T2S_2", "grid_T2S_3", "grid_T2S_4"};
    private static final int N = PaperGeometry.CELLS;
    private static final int CELLS = PaperGeometry.CELL_COUNT;
    private static final int INTERIOR = N - 2;

    /** What one pair's loss needs, computed once per pair (the keypoints never change). */
    record PairGeometry(int points, float[][] oneHot, float[][] lerpWeights, float[] sourceX, float[] sourceY,
                        int sourceWidth, int sourceHeight) {
    }

    /** The loss of one step: the total (differentiable, 0-D) and the value of every term. */
    record Terms(NDArray total, double totalValue, double[] values, int zeroDistancePoints) {
    }

    private KeypointLoss() {
    }

    /**
     * @throws UserFacingException naming the pair when a source or target keypoint rounds outside its image (the reference
     *                             would index past the upsampled grid or wrap around; that is a data error, not clamped)
     */
    static PairGeometry geometry(KeypointPair pair, int sourceWidth, int sourceHeight, int targetWidth, int targetHeight) {
        int n = pair.targetX().length;
        if (n == 0 || pair.sourceX().length != n) {
            throw new UserFacingException(pair.where() + ": a training pair needs the same number (> 0) of source and "
                    + "target keypoints, found " + pair.sourceX().length + " and " + n);
        }
        float[][] oneHot = new float[4][n * CELLS];
        float[][] lerp = new float[2][n];
        float scaleX = targetWidth > 1 ? (float) (INTERIOR - 1) / (targetWidth - 1) : 0f;
        float scaleY = targetHeight > 1 ? (float) (INTERIOR - 1) / (targetHeight - 1) : 0f;
        float[] sx = new float[n];
        float[] sy = new float[n];
        for (int j = 0; j < n; j++) {
            // the reference keeps keypoints as float32 tensors and rounds them half-to-even (torch.round)
            float x = (float) pair.targetX()[j];
            float y = (float) pair.targetY()[j];
            long px = (long) Math.rint(x);
            long py = (long) Math.rint(y);
            if (!Float.isFinite(x) || !Float.isFinite(y) || px < 0 || px >= targetWidth || py < 0 || py >= targetHeight) {
                throw new UserFacingException(String.format(Locale.ROOT, "%s: target keypoint %d at (%s, %s) rounds to "
                        + "pixel (%d, %d), outside the %d×%d target image %s; the reference would read past its upsampled "
                        + "grid there. Fix or remove the point", pair.where(), j + 1, x, y, px, py, targetWidth,
                        targetHeight, pair.targetName()));
            }
            float u = scaleX * px;
            float v = scaleY * py;
            int u0 = (int) u;
            int v0 = (int) v;
            int u1 = u0 < INTERIOR - 1 ? u0 + 1 : u0;
            int v1 = v0 < INTERIOR - 1 ? v0 + 1 : v0;
            lerp[0][j] = Math.min(Math.max(u - u0, 0f), 1f);
            lerp[1][j] = Math.min(Math.max(v - v0, 0f), 1f);
            oneHot[0][j * CELLS + cell(v0, u0)] = 1f;
            oneHot[1][j * CELLS + cell(v0, u1)] = 1f;
            oneHot[2][j * CELLS + cell(v1, u0)] = 1f;
            oneHot[3][j * CELLS + cell(v1, u1)] = 1f;
            sx[j] = (float) pair.sourceX()[j];
            sy[j] = (float) pair.sourceY()[j];
            long sourcePx = (long) Math.rint(sx[j]);
            long sourcePy = (long) Math.rint(sy[j]);
            // the same rule as the target's: a point off the image is a data error the loss would train on silently
            if (!Float.isFinite(sx[j]) || !Float.isFinite(sy[j]) || sourcePx < 0 || sourcePx >= sourceWidth
                    || sourcePy < 0 || sourcePy >= sourceHeight) {
                throw new UserFacingException(String.format(Locale.ROOT, "%s: source keypoint %d at (%s, %s) lies "
                        + "outside the %d×%d source image %s. Fix or remove the point", pair.where(), j + 1, sx[j], sy[j],
                        sourceWidth, sourceHeight, EchoedText.name(pair.sourceName())));
            }
        }
        return new PairGeometry(n, oneHot, lerp, sx, sy, sourceWidth, sourceHeight);
    }

    /** The full 20×20 cell of inner cell (row, col) of the cropped 18×18 grid. */
    private static int cell(int row, int col) {
        return (row + 1) * N + col + 1;
    }

    /** The loss terms from the readout tensors of {@link org.learningsa.studio.engine.TrainingForward#readout}. */
    static Terms compute(Map<String, NDArray> readouts, PairGeometry g, NDManager scope) {
        int n = g.points();
        NDArray[] select = new NDArray[4];
        for (int k = 0; k < 4; k++) {
            select[k] = scope.create(g.oneHot()[k], new Shape(n, CELLS));
        }
        NDArray lu = scope.create(g.lerpWeights()[0], new Shape(n, 1));
        NDArray lv = scope.create(g.lerpWeights()[1], new Shape(n, 1));
        NDArray oneMinusLu = scope.create(oneMinus(g.lerpWeights()[0]), new Shape(n, 1));
        NDArray oneMinusLv = scope.create(oneMinus(g.lerpWeights()[1]), new Shape(n, 1));
        NDArray truth = scope.create(interleave(g.sourceX(), g.sourceY()), new Shape(n, 2));
        NDArray halfExtent = scope.create(new float[] {g.sourceWidth() - 1, g.sourceHeight() - 1}, new Shape(1, 2));
        NDArray total = null;
        double[] values = new double[GRIDS.length];
        int zeros = 0;
        for (int t = 0; t < GRIDS.length; t++) {
            NDArray grid = readouts.get(GRIDS[t]); // [400, 2]
            NDArray scaled = ScalarOps.dividedBy(ScalarOps.times(grid, 10f), 9f);
            NDArray top = select[0].matMul(scaled).mul(oneMinusLu).add(select[1].matMul(scaled).mul(lu));
            NDArray bottom = select[2].matMul(scaled).mul(oneMinusLu).add(select[3].matMul(scaled).mul(lu));
            NDArray sampled = top.mul(oneMinusLv).add(bottom.mul(lv)); // [n, 2], x then y
            NDArray estimate = ScalarOps.dividedBy(sampled.add(1f).mul(halfExtent), 2f);
            NDArray squared = truth.sub(estimate).square().sum(new int[] {1}); // [n]
            NDArray positive = squared.gt(0f).toType(DataType.FLOAT32, false);
            // exactly 0 (a NaN distance is not a zero distance)
            zeros += (int) Math.round(squared.eq(0f).toType(DataType.FLOAT32, false).sum().getFloat());
            // sqrt only where the distance is positive: d = sqrt(s·m + (1 − m))·m has gradient 0 where s = 0
            NDArray distance = squared.mul(positive).add(positive.neg().add(1f)).sqrt().mul(positive);
            NDArray term = ScalarOps.dividedBy(distance.sum(), (float) n);
            values[t] = term.getFloat();
            total = total == null ? term : total.add(term);
        }
        // the total as the reference sums it: float32, fused + L1 + L2 + L3 + L4 from left to right
        return new Terms(total, total.getFloat(), values, zeros);
    }

    private static float[] oneMinus(float[] w) {
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = 1f - w[i];
        }
        return out;
    }

    private static float[] interleave(float[] x, float[] y) {
        float[] out = new float[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            out[2 * i] = x[i];
            out[2 * i + 1] = y[i];
        }
        return out;
    }
}
