package org.learningsa.studio.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;

/**
 * Weights from a file are copied into native memory and checked on the way (issue 11): a tensor holding NaN or
 * infinity is refused naming it (it used to load and give "324 matches (0 mutual)"), and a checkpoint truncated
 * after it was opened fails cleanly instead of killing the JVM with SIGBUS inside libtorch; the native arrays
 * never point into the mapped file, so replacing the file afterwards cannot touch them.
 */
class UntrustedWeightsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        EngineRuntime.start(DeviceChoice.CPU);
    }

    private Path save(String name, float[] values) {
        LinkedHashMap<String, TensorData> net = new LinkedHashMap<>();
        net.put("ok", TensorData.ofFloats(new long[] {2}, new float[] {1, 2}));
        net.put("layer.weight", TensorData.ofFloats(new long[] {values.length}, values));
        Path file = dir.resolve(name);
        StateDict.save(file, net, false);
        return file;
    }

    @Test
    void refusesATensorHoldingNanOrInfinityNamingIt() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            Path file = save("diverged.pt", new float[] {0.5f, 1.5f, bad, 2f});
            try (StateDictWeights source = new StateDictWeights(StateDict.load(file));
                 NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                assertArrayEquals(new float[] {1, 2}, source.load("ok", manager, false).toFloatArray());
                UserFacingException error = assertThrows(UserFacingException.class,
                        () -> source.load("layer.weight", manager, false));
                assertTrue(error.getMessage().contains("tensor layer.weight holds " + bad + " at element 2 of 4"),
                        error.getMessage());
            }
        }
    }

    @Test
    void arraysDoNotDependOnTheFileAfterLoadingAndATruncatedFileFailsCleanly() throws IOException {
        float[] values = new float[1 << 20];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 1000;
        }
        Path file = save("big.pt", values);
        try (StateDictWeights source = new StateDictWeights(StateDict.load(file));
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray loaded = source.load("layer.weight", manager, false);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(4096);
            }
            // the loaded array is a copy: reading it after the file shrank is fine (it used to be SIGBUS)
            assertTrue(loaded.sum().getFloat() > 0);
            UserFacingException error = assertThrows(UserFacingException.class,
                    () -> source.load("layer.weight", manager, false));
            assertTrue(error.getMessage().contains("changed while it was being read"), error.getMessage());
        }
    }
}
