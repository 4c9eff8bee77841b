package org.learningsa.studio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The readout after the transformers, fed with the reference's own correlations and level weights: every
 * output must match the fixture under the README §4 protocol (1e-4 on stable elements, equal kernel argmax
 * where the margin is ≥ 1e-5, intermediates within 1e-4 × max|ref|).
 */
class MultiScaleMatcherTest {

    @Test
    void readoutFromReferenceCorrelationsMatchesFixturesForBothPairs() {
        Path dir = ParityFixtures.fullDir().orElse(null);
        Assumptions.assumeTrue(dir != null, "parity fixtures with corr1..4 not found under lsa.fixtures");
        for (String pair : ParityFixtures.PAIRS) {
            NpzArchive expected = ParityFixtures.expected(dir, pair);
            NetworkOutputs outputs;
            try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu())) {
                List<NDArray> corr = new ArrayList<>();
                for (int level = 1; level <= 4; level++) {
                    corr.add(manager.create(expected.floats("corr" + level), new Shape(400, 400)));
                }
                NDArray cams = manager.create(expected.floats("cams"), new Shape(4, 400));
                outputs = new MultiScaleMatcher().matchCorrelations(corr, cams);
            }
            ParityReport report = new ParityReport();
            for (String name : NetworkOutputs.OUTPUT_NAMES) {
                assertEquals(java.util.Arrays.toString(expected.shape(name)), java.util.Arrays.toString(outputs.shape(name)), name);
                report.output(name, outputs.get(name), expected);
            }
            for (String stage : NetworkOutputs.STAGES) {
                report.argmax(stage, outputs.get("gauss_argmax_" + stage), expected);
                report.intermediate("sam_pmax_" + stage, outputs.get("sam_pmax_" + stage), expected.floats("sam_pmax_" + stage));
            }
            for (String name : List.of("corr_fused", "pre_sam_S2T", "pre_sam_T2S")) {
                report.intermediate(name, outputs.get(name), expected.floats(name));
            }
            System.out.println(pair + " (matcher from reference correlations)\n" + report.summary());
            assertTrue(report.failures().isEmpty(), pair + ": " + report.failures());
        }
    }

    @Test
    void featureEntryPointGivesWeightsSummingToOneAndIdenticalImagesMatchThemselves() {
        java.util.Random random = new java.util.Random(7);
        List<float[]> levels = new ArrayList<>();
        for (int c : new int[] {8, 16}) {
            float[] f = new float[c * 400];
            for (int i = 0; i < f.length; i++) {
                f[i] = random.nextFloat();
            }
            levels.add(f);
        }
        NetworkOutputs out = new MultiScaleMatcher().matchArrays(levels, levels, new float[] {1f, 1f});
        float[] cams = out.get("cams");
        for (int t = 0; t < 400; t++) {
            assertEquals(1f, cams[t] + cams[400 + t], 1e-5f, "level weights sum to 1 (up to the 1e-6 eps)");
        }
        float[] argmax = out.get("gauss_argmax_S2T");
        for (int s = 0; s < 400; s++) {
            assertEquals(s, (int) argmax[s], "a cell's best match in the same image is itself");
        }
    }
}
