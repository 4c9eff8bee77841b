package org.learningsa.studio.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One array of a NumPy {@code .npy} file: its dtype descriptor ({@code <f4}, {@code <i8}, {@code |u1}),
 * its shape (C order) and its raw little-endian bytes. Immutable: accessors copy.
 */
public final class NpyArray {

    public static final String FLOAT32 = "<f4";
    public static final String INT64 = "<i8";
    public static final String UINT8 = "|u1";

    private final String descr;
    private final long[] shape;
    private final byte[] data;

    public NpyArray(String descr, long[] shape, byte[] data) {
        this.descr = descr;
        this.shape = shape.clone();
        this.data = data;
        long expected = numel(shape) * itemSize(descr);
        if (expected != data.length) {
            throw new IllegalArgumentException("array " + descr + Arrays.toString(shape) + " needs " + expected
                    + " bytes, got " + data.length);
        }
    }

    public static NpyArray ofFloats(long[] shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new NpyArray(FLOAT32, shape, buffer.array());
    }

    public static NpyArray ofLongs(long[] shape, long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        return new NpyArray(INT64, shape, buffer.array());
    }

    public static NpyArray ofBytes(long[] shape, byte[] values) {
        return new NpyArray(UINT8, shape, values.clone());
    }

    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    static int itemSize(String descr) {
        return switch (descr) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            case "|u1", "|i1", "|b1", "<u1" -> 1;
            case "<f2", "<i2" -> 2;
            default -> throw new IllegalArgumentException("unsupported npy dtype " + descr);
        };
    }

    public String descr() {
        return descr;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long numel() {
        return numel(shape);
    }

    /** The raw bytes (not copied; callers must not modify). */
    byte[] rawBytes() {
        return data;
    }

    /** Values as float32; float64 and integer arrays are converted. */
    public float[] toFloatArray() {
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int n = Math.toIntExact(numel());
        float[] out = new float[n];
        switch (descr) {
            case "<f4" -> buffer.asFloatBuffer().get(out);
            case "<f8" -> { for (int i = 0; i < n; i++) { out[i] = (float) buffer.getDouble(i * 8); } }
            case "<i8" -> { for (int i = 0; i < n; i++) { out[i] = buffer.getLong(i * 8); } }
            case "<i4" -> { for (int i = 0; i < n; i++) { out[i] = buffer.getInt(i * 4); } }
            case "|u1", "<u1" -> { for (int i = 0; i < n; i++) { out[i] = data[i] & 0xFF; } }
            case "|b1", "|i1" -> { for (int i = 0; i < n; i++) { out[i] = data[i]; } }
            default -> throw new IllegalStateException("cannot convert " + descr + " to float");
        }
        return out;
    }

    /** Values of an integer array as long. */
    public long[] toLongArray() {
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int n = Math.toIntExact(numel());
        long[] out = new long[n];
        switch (descr) {
            case "<i8" -> buffer.asLongBuffer().get(out);
            case "<i4" -> { for (int i = 0; i < n; i++) { out[i] = buffer.getInt(i * 4); } }
            case "|u1", "<u1" -> { for (int i = 0; i < n; i++) { out[i] = data[i] & 0xFF; } }
            default -> throw new IllegalStateException("cannot convert " + descr + " to long");
        }
        return out;
    }

    /** The bytes of a uint8 array (a copy). */
    public byte[] toByteArray() {
        if (itemSize(descr) != 1) {
            throw new IllegalStateException("not a byte array: " + descr);
        }
        return data.clone();
    }
}
