package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.image.PaperGeometry;

/**
 * The network's eval forward split for fine-tuning (spec §4): {@link #frozenFeatures} runs the frozen part (the
 * backbone with running BN statistics and the align_corners resampling to 20×20, which has no parameters) once
 * per image, so a trainer can cache it; {@link #readout} runs the trainable part (the enhancement transformers,
 * confidence maps, correlation and kernel soft-argmax readouts) so that a gradient collector sees every
 * trainable tensor, block #1's position term P·Wᵀ included (computed from the current weights, not the cache).
 */
public final class TrainingForward implements AutoCloseable {

    private static final int CELLS = PaperGeometry.CELL_COUNT;

    private final LearningSaNetwork network;
    private final NDManager manager;
    /** P per level (index 0 = level 1), [25C, 400]: a constant of the shape only. */
    private final NDArray[] positionEncodings = new NDArray[4];

    public TrainingForward(LearningSaNetwork network) {
        this.network = network;
        this.manager = network.manager().newSubManager();
        for (int level = 1; level <= 4; level++) {
            positionEncodings[level - 1] = PositionEncoding.create(manager, LearningSaNetwork.CHANNELS[level - 1]);
        }
    }

    /** Channels of level 1..4 (index 0..3). */
    public static int channels(int levelIndex) {
        return LearningSaNetwork.CHANNELS[levelIndex];
    }

    /**
     * The backbone levels of one preprocessed image (1×3×320×320), resampled to 20×20: per level C_k×400 floats.
     * Call it with gradients off (outside a gradient collector); nothing here is trained.
     */
    public float[][] frozenFeatures(float[] input) {
        int size = PaperGeometry.INPUT_SIZE;
        float[][] out = new float[4][];
        try (NDManager scope = manager.newSubManager()) {
            for (NDArray array : network.longLivedArrays()) {
                array.tempAttach(scope);
            }
            NDArray x = scope.create(input, new Shape(1, 3, size, size));
            NDList features = network.backbone().forward(x, ForwardTrace.NONE);
            for (int level = 1; level <= 4; level++) {
                out[level - 1] = network.transformer(level).downsample(features.get(level - 1)).toFloatArray();
            }
        }
        return out;
    }

    /**
     * The differentiable readouts of a pair from its frozen features: {@code grid_T2S}, {@code grid_S2T} and their
     * {@code _1.._4} per-level versions as 400×2 arrays (cell-major, x then y), plus the diagnostics of
     * {@link MultiScaleMatcher#readoutTensors}. Everything is created in {@code scope}; the network's arrays are
     * attached to it while it is open (close the scope before using the network otherwise).
     */
    public Map<String, NDArray> readout(float[][] source, float[][] target, NDManager scope) {
        for (NDArray array : network.longLivedArrays()) {
            array.tempAttach(scope);
        }
        for (NDArray p : positionEncodings) {
            p.tempAttach(scope);
        }
        List<NDArray> sourceLevels = new ArrayList<>();
        List<NDArray> targetLevels = new ArrayList<>();
        for (int level = 1; level <= 4; level++) {
            int c = LearningSaNetwork.CHANNELS[level - 1];
            float[] pair = new float[2 * c * CELLS];
            System.arraycopy(source[level - 1], 0, pair, 0, c * CELLS);
            System.arraycopy(target[level - 1], 0, pair, c * CELLS, c * CELLS);
            NDArray down = scope.create(pair, new Shape(2, c, PaperGeometry.CELLS, PaperGeometry.CELLS));
            NDArray enhanced = network.transformer(level).enhance(down, positionEncodings[level - 1], ForwardTrace.NONE);
            sourceLevels.add(enhanced.get(0));
            targetLevels.add(enhanced.get(1));
        }
        List<NDArray> correlations = new ArrayList<>();
        for (int level = 0; level < 4; level++) {
            correlations.add(MultiScaleMatcher.correlation(sourceLevels.get(level), targetLevels.get(level)));
        }
        NDArray[] weights = MultiScaleMatcher.levelWeights(targetLevels, network.levelGainsArray());
        return MultiScaleMatcher.readoutTensors(correlations, weights[1]);
    }

    @Override
    public void close() {
        manager.close();
    }
}
