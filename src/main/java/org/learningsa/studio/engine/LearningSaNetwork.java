package org.learningsa.studio.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.PaperGeometry;

/**
 * LearningSA's eval forward on DJL ({@code SFNet(20, 20, beta=100, kernel_sigma=5).forward(src, tgt,
 * train=False)}): {@link #encode} runs the frozen backbone and the four enhancement transformers per image
 * (batched through the shared layers when given several images), {@link #match} runs the
 * {@link MultiScaleMatcher}. Owns its native memory (the weights included); close it when done.
 */
public final class LearningSaNetwork implements AutoCloseable {

    /** Channels of backbone layer1..layer4. */
    static final int[] CHANNELS = {256, 512, 1024, 2048};
    /** Spatial size of layer1..layer4 at a 320×320 input (output stride 4 for layer1, 8 for the rest). */
    static final int[] SIZES = {80, 40, 40, 40};

    private final NDManager manager;
    private final Backbone backbone;
    private final List<EnhancementTransformer> transformers = new ArrayList<>();
    private final NDArray levelGains;
    /** Every long-lived array; attached to the scope of a forward while it runs (see {@link #encodeAll}). */
    private final List<NDArray> networkArrays = new ArrayList<>();
    private final MultiScaleMatcher matcher;
    private final String description;
    private final String trainedScalars;

    /** Builds the network from {@code weights} and takes ownership of them (batch norms folded: inference). */
    public LearningSaNetwork(LearningSaWeights weights) {
        this(weights, false);
    }

    /**
     * As {@link #LearningSaNetwork(LearningSaWeights)}; with {@code batchNormAsTorch} the backbone applies its batch
     * norms after each convolution as torch does instead of folding them (fine-tuning: see {@link Backbone.BatchNorm}).
     */
    public LearningSaNetwork(LearningSaWeights weights, boolean batchNormAsTorch) {
        this.manager = NDManager.newBaseManager(weights.device());
        this.description = weights.description();
        this.trainedScalars = weights.trainedScalars();
        try (weights) {
            backbone = new Backbone(weights, manager, batchNormAsTorch ? Backbone.BatchNorm.AS_TORCH : Backbone.BatchNorm.FOLDED);
            for (int level = 1; level <= 4; level++) {
                transformers.add(new EnhancementTransformer(weights, level, CHANNELS[level - 1], SIZES[level - 1], manager));
            }
            levelGains = weights.take("g_f", manager).reshape(4);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        matcher = new MultiScaleMatcher(manager.getDevice());
        networkArrays.addAll(backbone.arrays());
        for (EnhancementTransformer transformer : transformers) {
            networkArrays.addAll(transformer.arrays());
        }
    }

    public Device device() {
        return manager.getDevice();
    }

    public String weightsDescription() {
        return description;
    }

    /** g_f and the T2T scalars (gamma, attn_gamma, sum_gamma0/1) as loaded, for logs and reports. */
    public String trainedScalars() {
        return trainedScalars;
    }

    /**
     * The tensors a fine-tuning run trains (spec §4), by checkpoint key: every T2T {@code proj.weight},
     * {@code proj.bias}, {@code attn_gamma}, block-#1 {@code gamma}, the pair {@code sum_gamma0/1} (as one
     * 2-vector under {@code ...sum_gamma}) and {@code g_f}. Mark them with {@code setRequiresGradient(true)} to
     * train; load the checkpoint with {@code LearningSaWeights.fromCheckpoint(file, device, true)} so that they
     * are writable (by default the large projections read the read-only memory-mapped file), and call {@link #refreshPositionTerms()} after
     * changing a block-#1 projection weight.
     */
    public java.util.Map<String, NDArray> trainableArrays() {
        java.util.Map<String, NDArray> out = new java.util.LinkedHashMap<>();
        for (EnhancementTransformer t : transformers) {
            for (int block = 1; block <= 2; block++) {
                T2TBlock b = block == 1 ? t.first : t.second;
                String prefix = EnhancementTransformer.blockPrefix(t.level, block);
                out.put(prefix + "proj.weight", b.projectionWeight);
                out.put(prefix + "proj.bias", b.projectionBias);
                out.put(prefix + "attn_gamma", b.attentionGamma);
                out.put(prefix + "sum_gamma", b.mixLogits);
                if (b.gamma != null) {
                    out.put(prefix + "gamma", b.gamma);
                }
            }
        }
        out.put("g_f", levelGains);
        return out;
    }

    /** Recomputes the cached position terms P·Wᵀ of the block-#1 modules (after their weights changed). */
    public void refreshPositionTerms() {
        for (EnhancementTransformer t : transformers) {
            t.first.refreshPositionProjection();
        }
    }

    /** g_f as loaded (4 values). */
    public float[] levelGains() {
        return levelGains.toFloatArray();
    }

    /** The trainable g_f (shape [4]). */
    public NDArray levelGainsArray() {
        return levelGains;
    }

    /** Encodes one preprocessed image (1×3×320×320 floats, see {@code image.Preprocessing}). */
    public EncodedImage encode(float[] input, ProgressListener progress, CancelToken cancel) {
        return encodeAll(List.of(input), progress, cancel, ForwardTrace.NONE).get(0);
    }

    /** Encodes several images as one batch through the shared layers. */
    public List<EncodedImage> encodeAll(List<float[]> inputs, ProgressListener progress, CancelToken cancel,
            ForwardTrace trace) {
        int size = PaperGeometry.INPUT_SIZE;
        int plane = 3 * size * size;
        float[] batch = new float[plane * inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).length != plane) {
                throw new IllegalArgumentException("network input must be 1x3x320x320 (" + plane + " floats), got "
                        + inputs.get(i).length);
            }
            System.arraycopy(inputs.get(i), 0, batch, i * plane, plane);
        }
        cancel.throwIfCancelled();
        List<EncodedImage> encoded = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            // DJL attaches an op's result to the manager of its first operand: with the weights temporarily in
            // this scope, results like W·patches are freed with it instead of piling up in the network's manager
            for (NDArray array : networkArrays) {
                array.tempAttach(scope);
            }
            NDArray x = scope.create(batch, new Shape(inputs.size(), 3, size, size));
            progress.progress("backbone", 0.05);
            NDList features = backbone.forward(x, trace);
            for (int level = 1; level <= 4; level++) {
                trace.record("feat" + level, features.get(level - 1));
            }
            NDArray[] enhanced = new NDArray[4];
            // the reference runs level 4 first; order does not change the result
            for (int level = 4; level >= 1; level--) {
                cancel.throwIfCancelled();
                progress.progress("transformer level " + level, 0.4 + 0.1 * (4 - level));
                long start = System.nanoTime();
                enhanced[level - 1] = transformers.get(level - 1).forward(features.get(level - 1), trace);
                trace.addTime("transformer L" + level, System.nanoTime() - start);
            }
            for (int i = 0; i < inputs.size(); i++) {
                NDManager imageManager = manager.newSubManager();
                List<NDArray> levels = new ArrayList<>();
                for (NDArray level : enhanced) {
                    NDArray one = level.get(i).duplicate();
                    one.attach(imageManager);
                    levels.add(one);
                }
                encoded.add(new EncodedImage(imageManager, levels));
            }
        }
        return encoded;
    }

    /** Matches two encoded images: the 40 reference outputs plus diagnostics. */
    public NetworkOutputs match(EncodedImage source, EncodedImage target, ProgressListener progress,
            CancelToken cancel) {
        return match(source, target, progress, cancel, ForwardTrace.NONE);
    }

    public NetworkOutputs match(EncodedImage source, EncodedImage target, ProgressListener progress,
            CancelToken cancel, ForwardTrace trace) {
        cancel.throwIfCancelled();
        progress.progress("correlation and readout", 0.9);
        long start = System.nanoTime();
        NetworkOutputs outputs = matcher.match(source.levels(), target.levels(), levelGains);
        trace.addTime("correlation+readout", System.nanoTime() - start);
        progress.progress("done", 1.0);
        return outputs;
    }

    /** The whole forward for one pair, source and target batched through the shared layers. */
    public NetworkOutputs forward(float[] source, float[] target, ProgressListener progress, CancelToken cancel) {
        return forward(source, target, progress, cancel, ForwardTrace.NONE);
    }

    public NetworkOutputs forward(float[] source, float[] target, ProgressListener progress, CancelToken cancel,
            ForwardTrace trace) {
        List<EncodedImage> encoded = encodeAll(List.of(source, target), progress, cancel, trace);
        try (EncodedImage s = encoded.get(0); EncodedImage t = encoded.get(1)) {
            return match(s, t, progress, cancel, trace);
        }
    }

    Backbone backbone() {
        return backbone;
    }

    EnhancementTransformer transformer(int level) {
        return transformers.get(level - 1);
    }

    /** The long-lived arrays (weights, cached constants, g_f), to attach to a forward's scope while it runs. */
    List<NDArray> longLivedArrays() {
        List<NDArray> all = new ArrayList<>(networkArrays);
        all.add(levelGains);
        return all;
    }

    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        backbone.close();
        manager.close();
    }
}
