package org.learningsa.studio.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One storage: a flat little-endian buffer of {@link #numel()} elements of one dtype, shared by
 * every tensor that views it. Buffers of a file read from disk are slices of a memory mapping.
 */
public final class TensorStorage {

    private final DType dtype;
    private final long numel;
    private ByteBuffer bytes;

    TensorStorage(DType dtype, long numel) {
        this.dtype = dtype;
        this.numel = numel;
    }

    /** A storage over the given bytes (little-endian; length must be a multiple of the element size). */
    public static TensorStorage of(DType dtype, ByteBuffer littleEndianBytes) {
        int length = littleEndianBytes.remaining();
        if (length % dtype.elementSize() != 0) {
            throw new IllegalArgumentException(length + " bytes is not a whole number of " + dtype.pythonName() + " elements");
        }
        TensorStorage storage = new TensorStorage(dtype, length / dtype.elementSize());
        storage.attach(littleEndianBytes);
        return storage;
    }

    void attach(ByteBuffer data) {
        ByteBuffer slice = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (slice.remaining() != numel * dtype.elementSize()) {
            throw new MalformedInputException("storage of " + numel + " " + dtype.pythonName() + " elements has "
                    + slice.remaining() + " bytes");
        }
        this.bytes = slice;
    }

    boolean isAttached() {
        return bytes != null;
    }

    public DType dtype() {
        return dtype;
    }

    public long numel() {
        return numel;
    }

    public long byteSize() {
        return numel * dtype.elementSize();
    }

    /** A read-only little-endian view of all bytes (position 0, limit = byte size). */
    public ByteBuffer bytes() {
        if (bytes == null) {
            throw new IllegalStateException("storage data not read yet");
        }
        return bytes.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Element {@code index} as a double (bools as 0/1; int64 beyond 2^53 rounds). */
    double getDouble(long index) {
        int at = byteIndex(index);
        return switch (dtype) {
            case FLOAT32 -> bytes.getFloat(at);
            case FLOAT64 -> bytes.getDouble(at);
            case FLOAT16 -> HalfFloats.halfToFloat(bytes.getShort(at));
            case BFLOAT16 -> Float.intBitsToFloat((bytes.getShort(at) & 0xffff) << 16);
            case INT64 -> bytes.getLong(at);
            case INT32 -> bytes.getInt(at);
            case INT16 -> bytes.getShort(at);
            case INT8 -> bytes.get(at);
            case UINT8 -> bytes.get(at) & 0xff;
            case BOOL -> bytes.get(at) != 0 ? 1 : 0;
        };
    }

    /** Element {@code index} of an integer or bool storage, exactly. */
    long getLong(long index) {
        int at = byteIndex(index);
        return switch (dtype) {
            case INT64 -> bytes.getLong(at);
            case INT32 -> bytes.getInt(at);
            case INT16 -> bytes.getShort(at);
            case INT8 -> bytes.get(at);
            case UINT8 -> bytes.get(at) & 0xff;
            case BOOL -> bytes.get(at) != 0 ? 1 : 0;
            default -> (long) getDouble(index);
        };
    }

    private int byteIndex(long index) {
        return Math.toIntExact(index * dtype.elementSize());
    }
}
