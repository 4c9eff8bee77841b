package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.torch.DType;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;

/**
 * A torch checkpoint as a {@link WeightSource}. Every tensor is copied into native memory and checked there:
 * the engine never keeps a pointer into the memory-mapped file, because a file truncated or replaced in
 * {@code weights/} while mapped turns the next read of it into SIGBUS, which inside libtorch kills the JVM
 * (issue 11: three crashes in three tries). The copy is the one place every value passes through, so the
 * same pass refuses a tensor holding NaN or infinity, naming it, once per checkpoint load. The mapped pages
 * are only page cache afterwards, so resident memory stays at one copy of the weights.
 */
public final class StateDictWeights implements WeightSource {

    private final StateDict stateDict;

    public StateDictWeights(StateDict stateDict) {
        this.stateDict = stateDict;
    }

    @Override
    public String description() {
        return stateDict.file().toString();
    }

    @Override
    public Set<String> keys() {
        return stateDict.keys();
    }

    @Override
    public long[] shape(String key) {
        return stateDict.get(key).shape();
    }

    /** A fresh native copy, whatever {@code writable} asks (see the class comment). */
    @Override
    public NDArray load(String key, NDManager manager, boolean writable) {
        TensorData tensor = stateDict.get(key);
        Shape shape = new Shape(tensor.shape());
        try {
            if (tensor.dtype() == DType.FLOAT32 && tensor.isContiguous()) {
                FloatBuffer floats = tensor.contiguousBytes().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                return NativeArrays.create(manager, shape, (offset, count, out) -> {
                    out.put(floats.slice((int) offset, count));
                    requireFinite(key, offset, count, out);
                });
            }
            // other dtypes and strided views: converted element by element (small tensors in practice)
            return NativeArrays.create(manager, shape, (offset, count, out) -> {
                for (int i = 0; i < count; i++) {
                    out.put(i, (float) tensor.getDouble(offset + i));
                }
                requireFinite(key, offset, count, out);
            });
        } catch (InternalError e) {
            // the JVM's answer to SIGBUS on a mapped page in Java code: the file shrank under us
            throw new UserFacingException(description() + " changed while it was being read (truncated or replaced?); "
                    + "open it again once it is complete", e);
        }
    }

    /** Throws naming the tensor and the first non-finite element of {@code out[0, count)}. */
    private void requireFinite(String key, long offset, int count, FloatBuffer out) {
        for (int i = 0; i < count; i++) {
            float value = out.get(i);
            if (!Float.isFinite(value)) {
                throw new UserFacingException(description() + ": tensor " + EchoedText.name(key) + " holds " + value
                        + " at element " + (offset + i) + " of " + stateDict.get(key).numel()
                        + " (weights of a diverged training run?); refused, a network with it gives meaningless matches");
            }
        }
    }

    @Override
    public void close() {
        stateDict.close();
    }
}
