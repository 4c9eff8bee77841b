package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.learningsa.studio.torch.DType;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;

/**
 * A torch checkpoint as a {@link WeightSource}. Contiguous float32 tensors whose mapped bytes are 4-byte
 * aligned are handed to the native side without a copy (the arrays then read the memory-mapped file, which
 * keeps the resident memory at one copy of the weights); other tensors (other dtypes, strided views,
 * unaligned legacy storages) are converted into a fresh native buffer.
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

    @Override
    public NDArray load(String key, NDManager manager, boolean writable) {
        TensorData tensor = stateDict.get(key);
        Shape shape = new Shape(tensor.shape());
        if (tensor.dtype() == DType.FLOAT32 && tensor.isContiguous() && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            ByteBuffer bytes = tensor.contiguousBytes();
            if (!writable && bytes.isDirect() && bytes.alignmentOffset(0, 4) == 0) {
                return manager.create(bytes.order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32);
            }
            java.nio.FloatBuffer floats = bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            return NativeArrays.create(manager, shape, (offset, count, out) ->
                    out.put(floats.slice((int) offset, count)));
        }
        // other dtypes and strided views: converted element by element (small tensors in practice)
        return NativeArrays.create(manager, shape, (offset, count, out) -> {
            for (int i = 0; i < count; i++) {
                out.put(i, (float) tensor.getDouble(offset + i));
            }
        });
    }

    @Override
    public void close() {
        stateDict.close();
    }
}
