package org.learningsa.studio.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor of a checkpoint: dtype, shape, strides and offset into a {@link TensorStorage} that may
 * be shared with other tensors. Values are read from the storage on demand (zero-copy where the
 * layout allows), never eagerly.
 */
public final class TensorData {

    private final TensorStorage storage;
    private final long[] shape;
    private final long[] strides;
    private final long storageOffset;
    private final long numel;
    private final boolean requiresGrad;
    private final boolean parameter;

    TensorData(TensorStorage storage, long storageOffset, long[] shape, long[] strides,
               boolean requiresGrad, boolean parameter) {
        this.storage = storage;
        this.storageOffset = storageOffset;
        this.shape = shape.clone();
        this.strides = strides.clone();
        this.numel = TensorLayout.numel(this.shape);
        this.requiresGrad = requiresGrad;
        this.parameter = parameter;
    }

    /** A contiguous float32 tensor over a copy of {@code values} (for writing checkpoints). */
    public static TensorData ofFloats(long[] shape, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return of(DType.FLOAT32, shape, bytes);
    }

    /** A contiguous tensor over the given little-endian bytes, which are not copied. */
    public static TensorData of(DType dtype, long[] shape, ByteBuffer littleEndianBytes) {
        TensorStorage storage = TensorStorage.of(dtype, littleEndianBytes);
        long numel = TensorLayout.numel(shape);
        if (numel != storage.numel()) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + numel
                    + " elements, the data has " + storage.numel());
        }
        return new TensorData(storage, 0, shape, TensorLayout.contiguousStrides(shape), false, false);
    }

    /** A view of an existing storage (shared, not copied), e.g. to write aliases or slices. */
    public static TensorData view(TensorStorage storage, long storageOffset, long[] shape, long[] strides) {
        TensorLayout.check(storage.numel(), storageOffset, shape, strides);
        return new TensorData(storage, storageOffset, shape, strides, false, false);
    }

    /** The same tensor as an {@code nn.Parameter} with the given {@code requires_grad}. */
    public TensorData asParameter(boolean requiresGradFlag) {
        return new TensorData(storage, storageOffset, shape, strides, requiresGradFlag, true);
    }

    public DType dtype() {
        return storage.dtype();
    }

    public long[] shape() {
        return shape.clone();
    }

    public long[] strides() {
        return strides.clone();
    }

    public long storageOffset() {
        return storageOffset;
    }

    public long numel() {
        return numel;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True when the pickle built it as {@code torch.nn.Parameter}. */
    public boolean isParameter() {
        return parameter;
    }

    public TensorStorage storage() {
        return storage;
    }

    /** True when the elements lie in row-major order without gaps (then bytes are zero-copy). */
    public boolean isContiguous() {
        return TensorLayout.isContiguous(shape, strides);
    }

    /**
     * The elements in row-major logical order as little-endian bytes: a zero-copy read-only slice of
     * the storage (memory-mapped for files) when contiguous, else a gathered copy.
     */
    public ByteBuffer contiguousBytes() {
        int elementSize = dtype().elementSize();
        int byteCount = Math.toIntExact(numel * elementSize);
        if (isContiguous()) {
            ByteBuffer all = storage.bytes();
            all.position(Math.toIntExact(storageOffset * elementSize));
            all.limit(all.position() + byteCount);
            return all.slice().order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer source = storage.bytes();
        ByteBuffer copy = ByteBuffer.allocate(byteCount).order(ByteOrder.LITTLE_ENDIAN);
        StridedIndex index = indexes();
        while (index.hasNext()) {
            int at = Math.toIntExact(index.next() * elementSize);
            for (int b = 0; b < elementSize; b++) {
                copy.put(source.get(at + b));
            }
        }
        return copy.flip();
    }

    /** All elements in row-major logical order converted to float (any dtype; bools as 0/1). */
    public float[] toFloatArray() {
        float[] values = new float[arrayLength()];
        if (dtype() == DType.FLOAT32 && isContiguous()) {
            contiguousBytes().asFloatBuffer().get(values);
            return values;
        }
        StridedIndex index = indexes();
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) storage.getDouble(index.next());
        }
        return values;
    }

    /** All elements in row-major logical order as doubles (exact for every float dtype). */
    public double[] toDoubleArray() {
        double[] values = new double[arrayLength()];
        StridedIndex index = indexes();
        for (int i = 0; i < values.length; i++) {
            values[i] = storage.getDouble(index.next());
        }
        return values;
    }

    /** All elements of an integer or bool tensor in row-major logical order, exactly. */
    public long[] toLongArray() {
        if (dtype().isFloatingPoint()) {
            throw new IllegalStateException(dtype().pythonName() + " tensor has no exact integer values");
        }
        long[] values = new long[arrayLength()];
        StridedIndex index = indexes();
        for (int i = 0; i < values.length; i++) {
            values[i] = storage.getLong(index.next());
        }
        return values;
    }

    /** Element {@code logicalIndex} (row-major) as a double. */
    public double getDouble(long logicalIndex) {
        return storage.getDouble(storageIndexOf(logicalIndex));
    }

    /** Element {@code logicalIndex} (row-major) of an integer or bool tensor, exactly. */
    public long getLong(long logicalIndex) {
        return storage.getLong(storageIndexOf(logicalIndex));
    }

    /** The float64 sum of all elements (compensated, so it is as exact as float64 allows). */
    public double sumAsDouble() {
        double sum = 0;
        double compensation = 0;
        StridedIndex index = indexes();
        while (index.hasNext()) {
            double value = storage.getDouble(index.next());
            double t = sum + value;
            if (Double.isFinite(t)) {
                compensation += Math.abs(sum) >= Math.abs(value) ? (sum - t) + value : (value - t) + sum;
            }
            sum = t;
        }
        return Double.isFinite(sum) ? sum + compensation : sum;
    }

    StridedIndex indexes() {
        return new StridedIndex(shape, strides, storageOffset, numel);
    }

    private long storageIndexOf(long logicalIndex) {
        if (logicalIndex < 0 || logicalIndex >= numel) {
            throw new IndexOutOfBoundsException(logicalIndex + " of " + numel);
        }
        long at = storageOffset;
        long rest = logicalIndex;
        for (int dim = shape.length - 1; dim >= 0; dim--) {
            at += (rest % shape[dim]) * strides[dim];
            rest /= shape[dim];
        }
        return at;
    }

    private int arrayLength() {
        if (numel > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("tensor of " + numel + " elements does not fit a Java array");
        }
        return (int) numel;
    }

    @Override
    public String toString() {
        return (parameter ? "Parameter " : "Tensor ") + dtype().pythonName() + Arrays.toString(shape);
    }
}
