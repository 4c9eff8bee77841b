package org.learningsa.studio.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sine position encodings against the reference's {@code constants.npz} samples: 1e-4 × max|ref| like every
 * intermediate (float32 sin/cos of the same arguments differ by an ulp or two, about 1e-7).
 */
class PositionEncodingTest {

    @Test
    void matchesReferenceSamplesOnAllFourLevels() {
        Path file = ParityFixtures.anyDir().map(d -> d.resolve("constants.npz")).filter(Files::isRegularFile).orElse(null);
        Assumptions.assumeTrue(file != null, "constants.npz not found");
        NpzArchive constants = NpzArchive.read(file);
        ParityReport report = new ParityReport();
        int[] channels = {256, 512, 1024, 2048};
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (int k = 1; k <= 4; k++) {
                NDArray pos = PositionEncoding.create(manager, channels[k - 1]);
                long[] selected = constants.get("pos" + k + "_sel_index").toLongArray();
                float[] actual = new float[selected.length * 400];
                for (int i = 0; i < selected.length; i++) {
                    System.arraycopy(pos.get(selected[i]).toFloatArray(), 0, actual, i * 400, 400);
                }
                report.intermediate("pos" + k + "_sel", actual, constants.floats("pos" + k + "_sel"));
                report.intermediate("pos" + k + "_chmean", pos.mean(new int[] {1}).toFloatArray(),
                        constants.floats("pos" + k + "_chmean"));
            }
        }
        System.out.println(report.summary());
        assertTrue(report.failures().isEmpty(), report.failures().toString());
    }
}
