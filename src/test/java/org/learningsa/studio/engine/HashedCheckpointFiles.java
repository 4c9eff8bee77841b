package org.learningsa.studio.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learningsa.studio.torch.DType;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;

/** Writes real-size LearningSA checkpoints with the fixtures' hashed weights, for tests of the loading paths. */
public final class HashedCheckpointFiles {

    private HashedCheckpointFiles() {
    }

    /**
     * All 1351 manifest keys in state_dict order, aliases sharing their canonical storage, in the legacy
     * (pre-1.6, non-zip) format under {'net': sd} as LearningSA saves it: about 1.3 GB.
     */
    public static void writeLegacy(Path file) {
        HashedWeights hashed = HashedWeights.create();
        ModelManifest manifest = ModelManifest.load();
        Map<String, TensorData> canonical = new LinkedHashMap<>();
        LinkedHashMap<String, TensorData> stateDict = new LinkedHashMap<>();
        java.util.List<ByteBuffer> buffers = new java.util.ArrayList<>();
        for (ModelManifest.Entry e : manifest.entries().values()) {
            if (e.aliasOf() != null) {
                stateDict.put(e.name(), canonical.get(e.aliasOf()));
                continue;
            }
            TensorData tensor;
            if (e.isFloat()) {
                ByteBuffer values = hashed.littleEndianBytes(e.name());
                buffers.add(values);
                tensor = TensorData.of(DType.FLOAT32, e.shape(), values);
            } else {
                tensor = TensorData.of(DType.INT64, e.shape(), ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN));
            }
            canonical.put(e.name(), tensor);
            stateDict.put(e.name(), tensor);
        }
        StateDict.save(file, stateDict, true);
        // the 1.3 GB of direct buffers are freed now rather than whenever the GC gets to them
        buffers.forEach(NativeArrays::release);
        try {
            long size = Files.size(file);
            assertTrue(size > 1_302_000_000L && size < 1_400_000_000L, "aliases stored once: " + size + " bytes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
