package org.learningsa.studio.train;

import ai.djl.ndarray.NDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learningsa.studio.engine.HashedWeights;
import org.learningsa.studio.engine.ModelManifest;
import org.learningsa.studio.torch.DType;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;

/**
 * Writes {@code {'net': state_dict}} the way train.py does ({@code _use_new_zipfile_serialization=False}, the
 * legacy format): all manifest keys in state_dict order, each alias sharing its canonical tensor's storage. The
 * trained tensors are taken from the network; every other entry (frozen backbone with its original batch norms,
 * buffers, the trainable modules the eval forward never uses) is written from the starting checkpoint's own
 * bytes, so it stays bit-identical.
 */
final class ModelCheckpoints {

    private static final String MODULE_PREFIX = "module.";

    private final ModelManifest manifest = ModelManifest.load();
    /** Canonical key → the starting value of every entry that training does not change. */
    private final Map<String, TensorData> untouched = new LinkedHashMap<>();

    private ModelCheckpoints() {
    }

    /** The entries of a checkpoint (memory-mapped; the file may be replaced later, the mapping stays valid). */
    static ModelCheckpoints from(StateDict stateDict, java.util.Set<String> trainedKeys) {
        ModelCheckpoints c = new ModelCheckpoints();
        Map<String, TensorData> byCanonical = new LinkedHashMap<>();
        for (String key : stateDict.keys()) {
            String bare = key.startsWith(MODULE_PREFIX) ? key.substring(MODULE_PREFIX.length()) : key;
            if (c.manifest.entry(bare) == null) {
                continue;
            }
            String canonical = c.manifest.canonical(bare);
            if (!byCanonical.containsKey(canonical) || bare.equals(canonical)) {
                byCanonical.put(canonical, stateDict.get(key));
            }
        }
        for (ModelManifest.Entry e : c.manifest.entries().values()) {
            if (e.aliasOf() == null && !trainedKeys.contains(e.name()) && byCanonical.containsKey(e.name())) {
                c.untouched.put(e.name(), byCanonical.get(e.name()));
            }
        }
        return c;
    }

    /** The fixtures' hashed weights (integer buffers 0, as the fixture's reference run had them). */
    static ModelCheckpoints hashed(java.util.Set<String> trainedKeys) {
        ModelCheckpoints c = new ModelCheckpoints();
        HashedWeights hashed = HashedWeights.create();
        for (ModelManifest.Entry e : c.manifest.entries().values()) {
            if (e.aliasOf() != null || trainedKeys.contains(e.name())) {
                continue;
            }
            TensorData tensor = e.isFloat() ? TensorData.of(DType.FLOAT32, e.shape(), hashed.littleEndianBytes(e.name()))
                    : TensorData.of(DType.INT64, e.shape(), ByteBuffer.allocate(8 * (int) Math.max(1, e.numel()))
                            .order(ByteOrder.LITTLE_ENDIAN));
            c.untouched.put(e.name(), tensor);
        }
        return c;
    }

    /**
     * The state_dict with the current trained values.
     *
     * @param trained canonical key → the network's array (shape may differ from the manifest's only by size-1 axes)
     */
    LinkedHashMap<String, TensorData> stateDict(Map<String, NDArray> trained) {
        LinkedHashMap<String, TensorData> out = new LinkedHashMap<>();
        for (ModelManifest.Entry e : manifest.entries().values()) {
            if (e.aliasOf() != null) {
                TensorData canonical = out.get(e.aliasOf());
                if (canonical != null) {
                    out.put(e.name(), canonical);
                }
                continue;
            }
            TensorData value = trainedValue(e, trained);
            if (value != null) {
                out.put(e.name(), value);
            } else if (untouched.containsKey(e.name())) {
                out.put(e.name(), untouched.get(e.name()));
            }
        }
        return out;
    }

    /**
     * The network key of a trained manifest entry: itself, or {@code ...sum_gamma} for {@code sum_gamma0/1} (the
     * network keeps the pair as one 2-vector); null when the network does not train it.
     */
    static String networkKey(String canonical, java.util.Set<String> networkKeys) {
        if (networkKeys.contains(canonical)) {
            return canonical;
        }
        if (canonical.endsWith("sum_gamma0") || canonical.endsWith("sum_gamma1")) {
            String pair = canonical.substring(0, canonical.length() - 1);
            return networkKeys.contains(pair) ? pair : null;
        }
        return null;
    }

    /** The manifest keys the network trains (sum_gamma pairs split into their two entries). */
    static java.util.Set<String> trainedKeys(java.util.Set<String> networkKeys) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (ModelManifest.Entry e : ModelManifest.load().entries().values()) {
            if (e.aliasOf() == null && networkKey(e.name(), networkKeys) != null) {
                out.add(e.name());
            }
        }
        return out;
    }

    private static TensorData trainedValue(ModelManifest.Entry e, Map<String, NDArray> trained) {
        String key = networkKey(e.name(), trained.keySet());
        if (key == null) {
            return null;
        }
        NDArray array = trained.get(key);
        if (!key.equals(e.name())) {
            float[] pair = array.toFloatArray();
            return TensorData.ofFloats(e.shape(), new float[] {pair[e.name().endsWith("0") ? 0 : 1]});
        }
        if (array.size() < 4096) {
            return TensorData.ofFloats(e.shape(), array.toFloatArray());
        }
        return TensorData.of(DType.FLOAT32, e.shape(), bytesOf(array));
    }

    /** Writes {@code {'net': state_dict}} in the legacy format, atomically. */
    void write(Path file, Map<String, NDArray> trained) {
        StateDict.save(file, stateDict(trained), true);
    }

    /**
     * The array's float32 values as little-endian bytes: a view of the tensor's own memory (little-endian on the x86-64
     * and arm64 machines libtorch ships for), valid while the training thread writes the file and changes nothing.
     * A copy would put the whole model (1.1 GB) and its Adam moments (2.2 GB) on the Java heap at every save.
     */
    static ByteBuffer bytesOf(NDArray array) {
        return array.toByteBuffer(true).order(ByteOrder.LITTLE_ENDIAN);
    }
}
