package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Creates large float32 arrays in native (libtorch) memory, filled chunk by chunk through one small direct
 * buffer. Arrays made straight from a Java buffer keep that buffer as their storage, which counts against
 * {@code -XX:MaxDirectMemorySize} (by default the heap limit) and is only freed by the garbage collector; the
 * 1.3 GB of weights must not depend on either.
 */
final class NativeArrays {

    /** Elements per chunk: 16 Mi floats = 64 MiB of transient direct memory. */
    private static final int CHUNK = 1 << 24;

    /** Writes {@code count} values of the tensor, starting at flat element {@code offset}, into {@code out} (at 0..). */
    @FunctionalInterface
    interface Filler {
        void fill(long offset, int count, FloatBuffer out);
    }

    private NativeArrays() {
    }

    static NDArray create(NDManager manager, Shape shape, Filler filler) {
        long n = shape.size();
        int chunkSize = (int) Math.min(n, CHUNK);
        ByteBuffer chunk = ByteBuffer.allocateDirect(Math.max(chunkSize, 1) * 4).order(ByteOrder.nativeOrder());
        NDArray flat = manager.create(new Shape(n), DataType.FLOAT32);
        for (long offset = 0; offset < n; offset += chunkSize) {
            int count = (int) Math.min(chunkSize, n - offset);
            chunk.clear();
            filler.fill(offset, count, chunk.asFloatBuffer());
            chunk.limit(count * 4);
            try (NDArray part = manager.create(chunk.slice().order(ByteOrder.nativeOrder()), new Shape(count), DataType.FLOAT32)) {
                flat.set(new NDIndex("{}:{}", offset, offset + count), part);
            }
        }
        NDArray shaped = flat.reshape(shape);
        flat.close();
        release(chunk);
        return shaped;
    }

    /**
     * Frees a direct buffer now instead of at some later garbage collection: loading creates one per tensor,
     * and 1.3 GB of them could otherwise pile up before the collector runs.
     */
    static void release(ByteBuffer direct) {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            java.lang.reflect.Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafeClass.getMethod("invokeCleaner", ByteBuffer.class).invoke(field.get(null), direct);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // jdk.unsupported absent: the collector frees it later
        }
    }
}
