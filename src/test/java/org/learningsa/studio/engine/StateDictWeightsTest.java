package org.learningsa.studio.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.torch.DType;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;

/**
 * Tensors from checkpoint files reach the native side with their exact values (tolerance 0: no arithmetic is
 * involved) in every path: zero-copy from the mapped zip file, copies for legacy storages and writable requests,
 * and dtype conversion (float64 → float32, one rounding, compared against Java's own cast).
 */
class StateDictWeightsTest {

    @Test
    void zipLegacyWritableAndFloat64TensorsLoadExactly(@TempDir Path dir) {
        EngineRuntime.start(DeviceChoice.CPU);
        float[] values = new float[3 * 1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i * 0.37) * 3f;
        }
        ByteBuffer doubles = ByteBuffer.allocate(5 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 5; i++) {
            doubles.putDouble(i * 8, 0.1 * i + 1e-9);
        }
        LinkedHashMap<String, TensorData> sd = new LinkedHashMap<>();
        sd.put("w", TensorData.ofFloats(new long[] {3, 1000}, values));
        sd.put("d", TensorData.of(DType.FLOAT64, new long[] {5}, doubles));
        float[] expectedDoubles = new float[5];
        for (int i = 0; i < 5; i++) {
            expectedDoubles[i] = (float) (0.1 * i + 1e-9);
        }
        for (boolean legacy : new boolean[] {false, true}) {
            Path file = dir.resolve(legacy ? "legacy.pt" : "zip.pt");
            StateDict.save(file, sd, legacy);
            try (StateDictWeights source = new StateDictWeights(StateDict.load(file));
                    NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                for (boolean writable : new boolean[] {false, true}) {
                    NDArray w = source.load("w", manager, writable);
                    assertArrayEquals(values, w.toFloatArray(), 0f, file + " writable=" + writable);
                    // a real op on the (possibly mapped) memory
                    assertArrayEquals(w.sum(new int[] {1}).toFloatArray(),
                            manager.create(values).reshape(3, 1000).sum(new int[] {1}).toFloatArray(), 0f);
                    if (writable) {
                        w.muli(2f);
                    }
                    assertArrayEquals(expectedDoubles, source.load("d", manager, writable).toFloatArray(), 0f);
                }
            }
        }
    }
}
