package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Deterministic weights from the parity fixtures' formula (fixtures README §1): FNV-1a 64 of the canonical
 * key, a splitmix64 stream per element, and a value rule by rank and name suffix, computed in double and
 * cast to float32. Alias keys take the values of their canonical {@code feature_extraction.model.*} key.
 * Tensors are generated straight into direct buffers that the native arrays then use, so no heap copy of
 * the 1.3 GB is kept.
 */
public final class HashedWeights implements WeightSource {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final ModelManifest manifest;

    private HashedWeights(ModelManifest manifest) {
        this.manifest = manifest;
    }

    /** Hashed values for every key of the model's manifest. */
    public static HashedWeights create() {
        return new HashedWeights(ModelManifest.load());
    }

    @Override
    public String description() {
        return "hashed weights (parity fixture formula)";
    }

    @Override
    public Set<String> keys() {
        return manifest.entries().keySet();
    }

    @Override
    public long[] shape(String key) {
        return entry(key).shape().clone();
    }

    private ModelManifest.Entry entry(String key) {
        ModelManifest.Entry e = manifest.entry(key);
        if (e == null) {
            throw new IllegalArgumentException("hashed weights have no key " + key);
        }
        return e;
    }

    @Override
    public NDArray load(String key, NDManager manager, boolean writable) {
        ModelManifest.Entry e = entry(key);
        if (!e.isFloat()) {
            throw new IllegalArgumentException(key + " is an integer tensor (" + e.dtype() + ")");
        }
        String canonical = manifest.canonical(key);
        long[] shape = e.shape();
        return NativeArrays.create(manager, new Shape(shape),
                (offset, count, out) -> fill(canonical, shape, offset, count, out));
    }

    /** The values of float tensor {@code key} as little-endian float32 bytes in a direct buffer (for writing checkpoints). */
    public ByteBuffer littleEndianBytes(String key) {
        ModelManifest.Entry e = entry(key);
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(e.numel()) * 4).order(ByteOrder.LITTLE_ENDIAN);
        fill(manifest.canonical(key), e.shape(), buffer.asFloatBuffer());
        return buffer;
    }

    /** The values of {@code key} as a heap array (for tests and small tensors). */
    public float[] values(String key) {
        ModelManifest.Entry e = entry(key);
        float[] out = new float[Math.toIntExact(e.numel())];
        fill(manifest.canonical(key), e.shape(), FloatBuffer.wrap(out));
        return out;
    }

    static long fnv1a64(String name) {
        long h = FNV_OFFSET;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xFF);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** u_i in [0, 1) for element i of the stream seeded by {@code hash}. */
    static double uniform(long hash, long i) {
        long z = hash + i + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (double) (z >>> 11) * 0x1.0p-53;
    }

    private static void fill(String canonical, long[] shape, FloatBuffer out) {
        fill(canonical, shape, 0, out.remaining(), out);
    }

    /** Values of elements {@code offset .. offset+n-1} into {@code out} at 0..n-1. */
    private static void fill(String canonical, long[] shape, long offset, int n, FloatBuffer out) {
        long hash = fnv1a64(canonical);
        if (shape.length >= 2) {
            long fanIn = 1;
            for (int d = 1; d < shape.length; d++) {
                fanIn *= shape[d];
            }
            double scale = Math.sqrt(3.0 / fanIn);
            for (int i = 0; i < n; i++) {
                out.put(i, (float) ((2 * uniform(hash, offset + i) - 1) * scale));
            }
        } else if (shape.length == 1) {
            for (int i = 0; i < n; i++) {
                double u = uniform(hash, offset + i);
                double r = 2 * u - 1;
                double v;
                if (canonical.endsWith("running_var")) {
                    v = 0.5 + u;
                } else if (canonical.endsWith("running_mean")) {
                    v = 0.1 * r;
                } else if (canonical.endsWith("weight")) {
                    v = 1 + 0.1 * r;
                } else if (canonical.endsWith("bias")) {
                    v = 0.05 * r;
                } else {
                    v = 0.1 * r;
                }
                out.put(i, (float) v);
            }
        } else {
            out.put(0, (float) (1 + uniform(hash, offset)));
        }
    }
}
