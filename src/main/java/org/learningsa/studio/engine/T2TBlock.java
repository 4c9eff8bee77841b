package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.index.NDIndex;
import org.learningsa.studio.image.PaperGeometry;

/**
 * One T2T block of the enhancement transformer in the exact algebra of spec §1.3: the Linear over unfolded
 * 5×5 patches is a 5×5 convolution with {@code proj.weight} reshaped (no transpose) to {@code [C, C, 5, 5]};
 * Q = K = Z + γ·(P·Wᵀ); cosine attention with eps inside the sqrt, logits × √(25C) / attn_gamma, softmax
 * over keys; Out = w0·A·Z + w1·Z with (w0, w1) = softmax(sum_gamma0, sum_gamma1).
 *
 * <p>The trainable tensors ({@link #projectionWeight}, {@link #projectionBias}, {@link #gamma},
 * {@link #attentionGamma}, {@link #mixLogits}) are plain NDArrays a trainer can mark for gradients; the
 * position term P·Wᵀ is cached per checkpoint and must be refreshed with {@link #refreshPositionProjection}
 * after W changes.
 */
final class T2TBlock {

    private static final int CELLS = PaperGeometry.CELL_COUNT;
    private static final float ATTENTION_EPS = 1e-6f;
    /** Largest patch matrix built at once (the weight itself is never copied). */
    private static final long MAX_PATCH_BYTES = 96L << 20;

    final int channels;
    /** proj.weight, [C, 25C]. */
    final NDArray projectionWeight;
    /** proj.bias, [C]. */
    final NDArray projectionBias;
    /** gamma (0-D): scales the position term; null for block #2, which has none. */
    final NDArray gamma;
    /** attn_gamma (0-D): divides the attention logits. */
    final NDArray attentionGamma;
    /** [sum_gamma0, sum_gamma1]. */
    final NDArray mixLogits;
    private final float logitScale;
    private NDArray positionProjection;

    T2TBlock(LearningSaWeights weights, String prefix, int channels, boolean withPosition, NDManager owner) {
        this.channels = channels;
        projectionWeight = weights.take(prefix + "proj.weight", owner);
        projectionBias = weights.take(prefix + "proj.bias", owner);
        gamma = withPosition ? weights.take(prefix + "gamma", owner).reshape(new Shape()) : null;
        attentionGamma = weights.take(prefix + "attn_gamma", owner).reshape(new Shape());
        NDArray s0 = weights.take(prefix + "sum_gamma0", owner).reshape(1);
        NDArray s1 = weights.take(prefix + "sum_gamma1", owner).reshape(1);
        mixLogits = NDArrays.concat(new NDList(s0, s1));
        mixLogits.attach(owner);
        // the reference divides by scale = (25C)^-0.5, i.e. multiplies by sqrt(25C)
        logitScale = (float) Math.pow(25.0 * channels, -0.5);
        if (withPosition) {
            refreshPositionProjection();
        }
    }

    /** The long-lived arrays of this block (weights and the cached position term). */
    java.util.List<NDArray> arrays() {
        java.util.List<NDArray> list = new java.util.ArrayList<>(java.util.List.of(projectionWeight,
                projectionBias, attentionGamma, mixLogits));
        if (gamma != null) {
            list.add(gamma);
            list.add(positionProjection);
        }
        return list;
    }

    /** Recomputes P·Wᵀ ([C, 400]) from the current projection weight. */
    void refreshPositionProjection() {
        NDManager owner = projectionWeight.getManager();
        try (NDManager scratch = owner.newSubManager()) {
            NDArray p = PositionEncoding.create(scratch, channels);
            NDArray projected = projectionWeight.matMul(p);
            projected.attach(owner);
            if (positionProjection != null) {
                positionProjection.close();
            }
            positionProjection = projected;
        }
    }

    /**
     * Z = proj(unfold₅ₓ₅(x)) = the 5×5 convolution with W reshaped, computed as one GEMM of W [C, 25C] with the
     * patch matrix [25C, B·400] (feature index c·25 + ky·5 + kx, as nn.Unfold). Unlike the convolution primitive
     * this reads W in place: oneDNN would make a 420 MB reordered copy of the level-4 weight on every call.
     */
    NDArray projectPatches(NDArray x) {
        long batch = x.getShape().get(0);
        if (batch > 1 && 25L * channels * batch * CELLS * 4 > MAX_PATCH_BYTES) {
            // one image at a time: the level-4 patch matrix of a pair would be 164 MB at once
            NDList parts = new NDList();
            for (long i = 0; i < batch; i++) {
                parts.add(projectPatches(x.get(new NDIndex("{}:{}", i, i + 1))));
            }
            NDArray z = NDArrays.concat(parts, 0);
            parts.close();
            return z;
        }
        NDManager outer = x.getManager();
        NDArray patches;
        try (NDManager scratch = outer.newSubManager()) {
            x.tempAttach(scratch);
            NDArray padded = x.pad(new Shape(2, 2, 2, 2), 0f).transpose(1, 0, 2, 3); // [C, B, 24, 24]
            NDList shifted = new NDList(25);
            for (int ky = 0; ky < 5; ky++) {
                for (int kx = 0; kx < 5; kx++) {
                    shifted.add(padded.get(new NDIndex(":, :, {}:{}, {}:{}", ky, ky + 20, kx, kx + 20)));
                }
            }
            patches = NDArrays.stack(shifted, 1).reshape(25L * channels, batch * CELLS); // [25C, B·400]
            patches.attach(outer);
        }
        // DJL attaches W·patches to W's manager: move it to the caller's scope so it (and what derives from it)
        // is freed with the caller's other intermediates
        NDArray product = projectionWeight.matMul(patches);
        product.attach(outer);
        NDArray z = product.reshape(channels, batch, CELLS).transpose(1, 0, 2)
                .add(projectionBias.reshape(1, channels, 1));
        patches.close();
        return z;
    }

    /** {@code x [B, C, 20, 20]} → block output {@code [B, C, 400]} (before InstanceNorm). */
    NDArray forward(NDArray x) {
        return forward(x, positionProjection);
    }

    /**
     * P·Wᵀ computed from the current weight in the caller's scope ({@code encoding} = P, [25C, 400]): inside a
     * gradient collector the weight's gradient then includes the position path, as in the reference where
     * Q = proj(X + γP).
     */
    NDArray livePositionProjection(NDArray encoding) {
        NDArray projected = projectionWeight.matMul(encoding);
        projected.attach(encoding.getManager());
        return projected;
    }

    /** As {@link #forward(NDArray)} with a given position term P·Wᵀ (ignored by block #2, which has none). */
    NDArray forward(NDArray x, NDArray positionProjectionToUse) {
        NDArray z = projectPatches(x);
        NDArray q = z;
        if (gamma != null) {
            NDArray positionTerm = positionProjectionToUse.mul(gamma);
            q = z.add(positionTerm);
            positionTerm.close();
        }
        NDArray qHat = q.div(q.square().sum(new int[] {1}, true).add(ATTENTION_EPS).sqrt());
        NDArray logits = ScalarOps.dividedBy(qHat.transpose(0, 2, 1).matMul(qHat), logitScale).div(attentionGamma);
        NDArray attention = logits.softmax(2);
        NDArray mix = mixLogits.softmax(0);
        NDArray attended = z.matMul(attention.transpose(0, 2, 1));
        return attended.mul(mix.get(0)).add(z.mul(mix.get(1)));
    }
}
