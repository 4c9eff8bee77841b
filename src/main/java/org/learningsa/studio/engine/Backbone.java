package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * The frozen backbone (spec §1.2): gluoncvth's dilated deep-stem ResNet-101 (three 3×3 stem convolutions,
 * output stride 8, layer3 dilation 2, layer4 dilation 4, stride on the 3×3 conv), returning layer1..layer4.
 * Batch norms use their running statistics; for inference they are folded into the preceding convolutions at
 * load time (the backbone is never trained, so the fold costs nothing later), for fine-tuning they are applied as
 * torch applies them ({@link BatchNorm}).
 */
final class Backbone implements AutoCloseable {

    private static final String PREFIX = "feature_extraction.model.";
    private static final float BN_EPS = 1e-5f;
    /** Bottlenecks per layer and their planes (ResNet-101). */
    private static final int[] BLOCKS = {3, 4, 23, 3};

    /** How the batch norms are applied. */
    enum BatchNorm {
        /** Folded into the convolutions (weight × γ/√(σ²+ε), bias β − μ·γ/√(σ²+ε)): one op per layer, for inference. */
        FOLDED,
        /**
         * After each convolution as torch's CPU kernel does it (alpha = γ·(1/√(σ²+ε)), beta = β − μ·alpha,
         * y = conv(x)·alpha + beta). Slower, and closer to the reference in the last bits: fine-tuning's gradients
         * amplify those bits (measured on the training fixture: level 3's sum|∂L/∂W| off by 1.3e-5 relative folded,
         * 5.8e-7 so), and training computes an image's features once anyway.
         */
        AS_TORCH
    }

    /** A convolution and its batch norm: folded ({@code scale == null}) or as a per-channel affine after it. */
    private record FoldedConv(NDArray weight, NDArray bias, int stride, int padding, int dilation, NDArray scale) {
        NDArray apply(NDArray x) {
            if (scale == null) {
                return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding),
                        new Shape(dilation, dilation), 1).singletonOrThrow();
            }
            NDArray convolved = Conv2d.conv2d(x, weight, null, new Shape(stride, stride), new Shape(padding, padding),
                    new Shape(dilation, dilation), 1).singletonOrThrow();
            NDArray y = convolved.mul(scale).addi(bias);
            convolved.close();
            return y;
        }
    }

    private record Bottleneck(FoldedConv reduce, FoldedConv spatial, FoldedConv expand, FoldedConv downsample) {
        /** The block output; intermediates are freed at once (ResNet-101 would otherwise hold ~1.7 GB per pair). */
        NDArray apply(NDArray x) {
            NDArray y = reluAndClose(reduce.apply(x));
            NDArray z = reluAndClose(spatial.apply(y));
            y.close();
            NDArray out = expand.apply(z);
            z.close();
            if (downsample == null) {
                out.addi(x);
            } else {
                NDArray residual = downsample.apply(x);
                out.addi(residual);
                residual.close();
            }
            return reluAndClose(out);
        }
    }

    private static NDArray reluAndClose(NDArray x) {
        NDArray y = Activation.relu(x);
        x.close();
        return y;
    }

    private final NDManager manager;
    private final List<NDArray> arrays = new ArrayList<>();
    private final FoldedConv stem1;
    private final FoldedConv stem2;
    private final FoldedConv stem3;
    private final List<List<Bottleneck>> layers = new ArrayList<>();

    private final BatchNorm batchNorm;

    Backbone(LearningSaWeights weights, NDManager parent, BatchNorm batchNorm) {
        this.manager = parent.newSubManager();
        this.batchNorm = batchNorm;
        stem1 = fold(weights, "conv1.0.weight", "conv1.1", 2, 1, 1);
        stem2 = fold(weights, "conv1.3.weight", "conv1.4", 1, 1, 1);
        stem3 = fold(weights, "conv1.6.weight", "bn1", 1, 1, 1);
        int[] dilations = {1, 1, 2, 4};
        for (int layer = 0; layer < 4; layer++) {
            List<Bottleneck> blocks = new ArrayList<>();
            for (int b = 0; b < BLOCKS[layer]; b++) {
                String p = "layer" + (layer + 1) + "." + b + ".";
                int stride = layer == 1 && b == 0 ? 2 : 1;
                // gluoncvth: the first block of a dilated layer uses half the dilation (1 for 2, 2 for 4)
                int dilation = b == 0 ? Math.max(1, dilations[layer] / 2) : dilations[layer];
                FoldedConv downsample = b == 0 ? fold(weights, p + "downsample.0.weight", p + "downsample.1", stride, 0, 1) : null;
                blocks.add(new Bottleneck(
                        fold(weights, p + "conv1.weight", p + "bn1", 1, 0, 1),
                        fold(weights, p + "conv2.weight", p + "bn2", stride, dilation, dilation),
                        fold(weights, p + "conv3.weight", p + "bn3", 1, 0, 1),
                        downsample));
            }
            layers.add(blocks);
        }
    }

    private FoldedConv fold(LearningSaWeights weights, String conv, String bn, int stride, int padding, int dilation) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray w = weights.take(PREFIX + conv, scratch);
            NDArray gamma = weights.take(PREFIX + bn + ".weight", scratch);
            NDArray beta = weights.take(PREFIX + bn + ".bias", scratch);
            NDArray mean = weights.take(PREFIX + bn + ".running_mean", scratch);
            NDArray var = weights.take(PREFIX + bn + ".running_var", scratch);
            if (batchNorm == BatchNorm.AS_TORCH) {
                // as ATen's CPU batch_norm inference: alpha = w·(1/√(σ²+ε)), beta = b − μ·alpha, y = x·alpha + beta
                NDArray invStd = scratch.ones(var.getShape()).div(var.add(BN_EPS).sqrt());
                NDArray alpha = gamma.mul(invStd);
                NDArray shift = beta.sub(mean.mul(alpha));
                w.attach(manager);
                NDArray a = alpha.reshape(1, -1, 1, 1);
                NDArray b = shift.reshape(1, -1, 1, 1);
                a.attach(manager);
                b.attach(manager);
                arrays.add(w);
                arrays.add(a);
                arrays.add(b);
                return new FoldedConv(w, b, stride, padding, dilation, a);
            }
            NDArray scale = gamma.div(var.add(BN_EPS).sqrt());
            // in place: a folded copy would leave the raw weights as ~170 MB of holes in the native heap
            NDArray foldedWeight = w.muli(scale.reshape(-1, 1, 1, 1));
            NDArray foldedBias = beta.sub(mean.mul(scale));
            foldedWeight.attach(manager);
            foldedBias.attach(manager);
            arrays.add(foldedWeight);
            arrays.add(foldedBias);
            return new FoldedConv(foldedWeight, foldedBias, stride, padding, dilation, null);
        }
    }

    /** The folded weights and biases. */
    List<NDArray> arrays() {
        return arrays;
    }

    /**
     * Runs the backbone on a batch {@code [B, 3, 320, 320]}; returns layer1..layer4 ({@code [B, 256, 80, 80]},
     * {@code [B, 512, 40, 40]}, {@code [B, 1024, 40, 40]}, {@code [B, 2048, 40, 40]}) attached to the input's manager.
     */
    NDList forward(NDArray input, ForwardTrace trace) {
        long start = System.nanoTime();
        NDManager outer = input.getManager();
        NDList outputs = new NDList();
        try (NDManager scope = outer.newSubManager()) {
            input.tempAttach(scope);
            NDArray x = reluAndClose(stem1.apply(input));
            x = step(x, reluAndClose(stem2.apply(x)));
            x = step(x, reluAndClose(stem3.apply(x)));
            x = step(x, Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false));
            long mark = System.nanoTime();
            trace.addTime("backbone stem", mark - start);
            for (List<Bottleneck> layer : layers) {
                NDArray layerInput = x;
                for (Bottleneck block : layer) {
                    NDArray next = block.apply(x);
                    if (x != layerInput || outputs.isEmpty()) {
                        x.close();
                    }
                    x = next;
                }
                outputs.add(x);
                long now = System.nanoTime();
                trace.addTime("backbone layer" + outputs.size(), now - mark);
                mark = now;
            }
            outputs.attach(outer);
        }
        trace.addTime("backbone", System.nanoTime() - start);
        return outputs;
    }

    /** Frees {@code previous} and returns {@code next}. */
    private static NDArray step(NDArray previous, NDArray next) {
        previous.close();
        return next;
    }

    @Override
    public void close() {
        manager.close();
    }
}
