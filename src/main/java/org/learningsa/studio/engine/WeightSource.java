package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Set;

/**
 * Where the network's tensors come from: a checkpoint ({@link StateDictWeights}) or the fixture formula
 * ({@link HashedWeights}). Keys are the file's own keys (possibly with a {@code module.} prefix or alias names);
 * {@link LearningSaWeights} resolves them against the manifest.
 */
public interface WeightSource extends AutoCloseable {

    /** A short description for logs and error messages (the file name, or "hashed weights"). */
    String description();

    /** Every key the source holds, in its order. */
    Set<String> keys();

    /** Shape of {@code key} (empty for a 0-D tensor). */
    long[] shape(String key);

    /**
     * The tensor as float32 on {@code manager}'s device. Unless {@code writable}, it may share memory with the
     * source (for example a read-only memory-mapped file): then it must never be updated in place.
     */
    NDArray load(String key, NDManager manager, boolean writable);

    @Override
    default void close() {
    }
}
