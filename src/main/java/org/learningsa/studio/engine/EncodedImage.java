package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * One image after the backbone and the enhancement transformers: the four enhanced feature maps
 * (level 1..4, each {@code [C_k, 400]}, C = 256, 512, 1024, 2048) in native memory. Cache it to re-match an
 * image against other images without recomputing its side; close it to free the memory.
 */
public final class EncodedImage implements AutoCloseable {

    private final NDManager manager;
    private final List<NDArray> levels;

    EncodedImage(NDManager manager, List<NDArray> levels) {
        this.manager = manager;
        this.levels = List.copyOf(levels);
    }

    /** The enhanced features of level 1..4 (index 0..3), {@code [C_k, 400]}; owned by this object. */
    public List<NDArray> levels() {
        return levels;
    }

    /** Level {@code index} (0-based) as a channel-major {@code C_k × 20 × 20} float array. */
    public float[] levelValues(int index) {
        return levels.get(index).toFloatArray();
    }

    @Override
    public void close() {
        manager.close();
    }
}
