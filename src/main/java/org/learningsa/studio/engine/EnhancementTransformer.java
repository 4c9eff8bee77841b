package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.learningsa.studio.image.PaperGeometry;

/**
 * The per-level enhancement transformer (spec §1.3): bilinear resampling to 20×20 with align_corners=True
 * (as fixed interpolation matrices, out = R_y·X·R_xᵀ: DJL's interpolate ignores align_corners), then
 * T2T block #1 (with position term) → InstanceNorm (eps 1e-5, biased variance, no affine) → ReLU →
 * T2T block #2 (no position term) → InstanceNorm → ReLU. Source and target share it (Siamese).
 */
final class EnhancementTransformer {

    private static final int N = PaperGeometry.CELLS;

    final int level;
    final int channels;
    final T2TBlock first;
    final T2TBlock second;
    /** Rᵀ [in, 20]: the align_corners=True resampling matrix, for rows and columns alike. */
    private final NDArray resampleColumnsTransposed;

    /** Key prefix of block {@code block} (1 or 2) of level {@code level}. */
    static String blockPrefix(int level, int block) {
        return "tokens_to_token" + level + "_" + block + ".attention1.attn.";
    }

    EnhancementTransformer(LearningSaWeights weights, int level, int channels, int inputSize, NDManager owner) {
        this.level = level;
        this.channels = channels;
        first = new T2TBlock(weights, blockPrefix(level, 1), channels, true, owner);
        second = new T2TBlock(weights, blockPrefix(level, 2), channels, false, owner);
        float[] matrix = alignCornersMatrix(inputSize, N);
        resampleColumnsTransposed = owner.create(matrix, new Shape(N, inputSize)).transpose().duplicate();
    }

    /** The long-lived arrays of both blocks and the resampling matrices. */
    java.util.List<NDArray> arrays() {
        java.util.List<NDArray> list = new java.util.ArrayList<>(first.arrays());
        list.addAll(second.arrays());
        list.add(resampleColumnsTransposed);
        return list;
    }

    /**
     * torch's bilinear align_corners=True weights as an [out, in] matrix, in float32 like the CPU kernel:
     * src = o·(in−1)/(out−1), i0 = ⌊src⌋, λ = src − i0.
     */
    static float[] alignCornersMatrix(int in, int out) {
        float[] m = new float[out * in];
        float scale = out > 1 ? (float) (in - 1) / (float) (out - 1) : 0f;
        for (int o = 0; o < out; o++) {
            float src = scale * o;
            int i0 = (int) src;
            int i1 = i0 + (i0 < in - 1 ? 1 : 0);
            float l1 = src - i0;
            float l0 = 1f - l1;
            m[o * in + i0] += l0;
            m[o * in + i1] += l1;
        }
        return m;
    }

    /** Backbone level {@code [B, C, H, W]} → enhanced features {@code [B, C, 400]}. */
    NDArray forward(NDArray feature, ForwardTrace trace) {
        return forward(feature, null, trace);
    }

    /**
     * As {@link #forward(NDArray, ForwardTrace)}; with {@code livePositionEncoding} (P, [25C, 400]) block #1's
     * position term is computed from the current weights (training) instead of the cached one.
     */
    NDArray forward(NDArray feature, NDArray livePositionEncoding, ForwardTrace trace) {
        NDManager outer = feature.getManager();
        // A level's intermediates (~100 MB at level 4) are freed when it ends. Every op below takes an
        // activation as its first operand, so its result lands in this scope (DJL attaches results to the
        // first operand's manager).
        try (NDManager levelScope = outer.newSubManager()) {
            feature.tempAttach(levelScope);
            NDArray down = downsample(feature);
            trace.record("down" + level, down);
            NDArray adapted = enhance(down, livePositionEncoding, trace);
            adapted.attach(outer);
            return adapted;
        }
    }

    /** The align_corners=True resampling of a backbone level {@code [B, C, H, W]} to {@code [B, C, 20, 20]}. */
    NDArray downsample(NDArray feature) {
        // R·X·Rᵀ as ((X·Rᵀ)ᵀ·Rᵀ)ᵀ over the last two axes: rows and columns use the same matrix (square grid)
        return feature.matMul(resampleColumnsTransposed).transpose(0, 1, 3, 2)
                .matMul(resampleColumnsTransposed).transpose(0, 1, 3, 2);
    }

    /** The two T2T blocks with their InstanceNorm + ReLU on resampled features {@code [B, C, 20, 20]}. */
    NDArray enhance(NDArray down, NDArray livePositionEncoding, ForwardTrace trace) {
        long batch = down.getShape().get(0);
        NDArray t1 = livePositionEncoding == null ? first.forward(down)
                : first.forward(down, first.livePositionProjection(livePositionEncoding));
        trace.record("t2t" + level + "_1", t1.reshape(batch, channels, N, N));
        NDArray a1 = Activation.relu(instanceNorm(t1)).reshape(batch, channels, N, N);
        NDArray t2 = second.forward(a1);
        trace.record("t2t" + level + "_2", t2.reshape(batch, channels, N, N));
        NDArray adapted = Activation.relu(instanceNorm(t2));
        trace.record("adap" + level, adapted.reshape(batch, channels, N, N));
        return adapted;
    }

    /** (x − mean) / sqrt(var + 1e-5) over the 400 positions, biased variance. */
    static NDArray instanceNorm(NDArray x) {
        NDArray mean = x.mean(new int[] {2}, true);
        NDArray centred = x.sub(mean);
        NDArray variance = centred.square().mean(new int[] {2}, true);
        return centred.div(variance.add(PaperGeometry.INSTANCE_NORM_EPS).sqrt());
    }
}
