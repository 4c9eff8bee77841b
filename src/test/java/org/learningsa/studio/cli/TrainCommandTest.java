package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.engine.HashedWeights;
import org.learningsa.studio.engine.ModelManifest;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;
import org.learningsa.studio.train.MetricsLog;
import org.learningsa.studio.train.StepMetrics;

/**
 * {@code lsa train} on the fine-tuning fixture against the reference's own train.py loop (3 steps on the hashed
 * weights: epoch 0 pairs 0 and 1, epoch 1 pair 0), and the same run interrupted after 2 steps and resumed.
 *
 * <p>Tolerances (the issue's, and why): the reference itself moves by float noise when only its thread count
 * changes (fixture noise.json: loss 3.3e-6 relative at step 3, 99.63 % of all trainable elements within 1e-6,
 * worst 1.3e-4). A port with different but correct float summation orders lands in the same band: losses within
 * 1e-4 relative, ≥ 99 % of the sampled elements within 1e-6 and none beyond 2.5e-4. A wrong gradient sign would move
 * an element by ~6e-5 per step (Adam's step is ≈ lr = 3e-5), i.e. fail the 1e-6 share at once; entries that training
 * must not touch are compared bit for bit.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainCommandTest {

    @TempDir
    static Path tmp;

    private Path fixture;
    private JsonNode expected;
    private Path oneGo;
    private Path resumed;
    private CliRun firstRun;
    private CliRun interrupted;
    private CliRun resumedRun;

    private String[] trainArgs(Path out, int maxSteps) {
        return FixtureTrainingRun.arguments(fixture, out, maxSteps);
    }

    @BeforeAll
    void trainOnceInOneGoAndOnceInterruptedAndResumed() throws IOException {
        fixture = FixtureTrainingRun.fixture().orElse(null);
        assumeTrue(fixture != null, "train fixture absent (../shared/fixtures/train or src/test/resources/train-fixture)");
        expected = new ObjectMapper().readTree(fixture.resolve("expected.json").toFile());
        FixtureTrainingRun.Result shared = FixtureTrainingRun.threeSteps(fixture);
        oneGo = shared.runDir();
        resumed = tmp.resolve("resumed");
        firstRun = new CliRun(shared.exitCode(), shared.out(), shared.err());
        System.out.println(firstRun.out());
        interrupted = CliRun.of(trainArgs(resumed, 2));
        resumedRun = CliRun.of("train", "--resume", resumed.toString(), "--max-steps", "3");
    }

    @Test
    void threeStepsReproduceTheReferenceLosses() {
        assertEquals(0, firstRun.exitCode(), firstRun.err());
        List<StepMetrics> steps = MetricsLog.steps(MetricsLog.read(oneGo.resolve("metrics.jsonl")));
        assertEquals(3, steps.size());
        String[] terms = {"loss", "loss_fused", "loss_level1", "loss_level2", "loss_level3", "loss_level4"};
        for (int i = 0; i < 3; i++) {
            JsonNode ref = expected.get("steps").get(i);
            StepMetrics m = steps.get(i);
            assertEquals(ref.get("step").asLong(), m.step());
            assertEquals(ref.get("epoch").asInt(), m.epoch());
            assertEquals(ref.get("pair").asInt(), m.pair());
            assertEquals(ref.get("lr").asDouble(), m.learningRate(), 0.0);
            double[] ours = {m.loss(), m.lossFused(), m.lossLevel1(), m.lossLevel2(), m.lossLevel3(), m.lossLevel4()};
            for (int t = 0; t < terms.length; t++) {
                double r = ref.get(terms[t]).asDouble();
                assertEquals(r, ours[t], 1e-4 * Math.abs(r), "step " + (i + 1) + " " + terms[t]);
            }
        }
    }

    @Test
    void finalStateHasTheReferenceKeysAndUntouchedEntriesAreBitIdentical() {
        assertEquals(0, firstRun.exitCode(), firstRun.err());
        ModelManifest manifest = ModelManifest.load();
        HashedWeights hashed = HashedWeights.create();
        try (StateDict sd = StateDict.load(oneGo.resolve("last.pt"))) {
            // keys, shapes and dtypes as the reference's final state_dict
            JsonNode keys = expected.get("keys");
            Set<String> expectedKeys = new TreeSet<>();
            keys.fieldNames().forEachRemaining(expectedKeys::add);
            assertEquals(expectedKeys, new TreeSet<>(sd.keys()));
            for (String key : expectedKeys) {
                TensorData t = sd.get(key);
                long[] shape = new long[keys.get(key).get("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = keys.get(key).get("shape").get(i).asLong();
                }
                assertArrayEquals(shape, t.shape(), key);
                assertEquals(keys.get(key).get("dtype").asText(), t.dtype().name().toLowerCase(java.util.Locale.ROOT), key);
            }
            Set<String> trainedByTheReference = new TreeSet<>();
            expected.get("grad_step1").fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    trainedByTheReference.add(e.getKey());
                }
            });
            for (ModelManifest.Entry e : manifest.entries().values()) {
                if (trainedByTheReference.contains(manifest.canonical(e.name()))) {
                    continue;
                }
                TensorData t = sd.get(e.name());
                if (e.isFloat()) {
                    assertArrayEquals(hashed.values(manifest.canonical(e.name())), t.toFloatArray(), e.name() + " changed");
                } else {
                    assertArrayEquals(new long[(int) Math.max(1, e.numel())], t.toLongArray(), e.name() + " changed");
                }
            }
        }
    }

    @Test
    void noSampledElementIsOffByMoreThanAWrongGradientSignWouldMoveIt() {
        SampleComparison c = compareSamples();
        assertTrue(c.worst() <= 2.5e-4, "worst difference " + c.worst() + " at " + c.worstAt());
        // a wrong sign or magnitude moves most elements by a good part of an Adam step (3e-5) per step
        assertTrue(c.shareWithin1e5() >= 0.99, "only " + c.shareWithin1e5() + " of the sampled elements within 1e-5");
    }

    /**
     * The fixture README's second criterion. Measured 2026-12-02: 2083 of 2094 samples (99.47 %) within 1e-6, the
     * 11 others in level 4's projections, off by at most 1.4e-5 (where the reference's own thread-count noise is
     * largest too, noise.json). With the backbone's batch norms folded into its convolutions the frozen features
     * differ from torch's in the last bits, and this share was 98.62 %: the trainer applies them as torch does.
     */
    @Test
    void atLeast99PercentOfTheSampledElementsAreWithin1e6() {
        SampleComparison c = compareSamples();
        assertTrue(c.share() >= 0.99, "only " + c.share() + " of the sampled elements within 1e-6");
    }

    private record SampleComparison(double share, double shareWithin1e5, double worst, String worstAt) {
    }

    private SampleComparison compareSamples() {
        assertEquals(0, firstRun.exitCode(), firstRun.err());
        try (StateDict sd = StateDict.load(oneGo.resolve("last.pt"))) {
            long within = 0;
            long within1e5 = 0;
            long total = 0;
            double worst = 0;
            String worstAt = "";
            Iterator<Map.Entry<String, JsonNode>> samples = expected.get("samples").fields();
            while (samples.hasNext()) {
                Map.Entry<String, JsonNode> s = samples.next();
                TensorData t = sd.get(s.getKey());
                for (int k = 0; k < s.getValue().get("idx").size(); k++) {
                    double d = Math.abs(t.getDouble(s.getValue().get("idx").get(k).asLong())
                            - s.getValue().get("val").get(k).asDouble());
                    total++;
                    within += d <= 1e-6 ? 1 : 0;
                    within1e5 += d <= 1e-5 ? 1 : 0;
                    if (d > worst) {
                        worst = d;
                        worstAt = s.getKey();
                    }
                }
            }
            double share = (double) within / total;
            System.out.printf(java.util.Locale.ROOT, "parity: %d of %d sampled elements within 1e-6 (%.4f %%), worst %.3g at %s%n",
                    within, total, 100 * share, worst, worstAt);
            return new SampleComparison(share, (double) within1e5 / total, worst, worstAt);
        }
    }

    @Test
    void resumedRunEndsBitForBitWhereTheUninterruptedRunEnds() throws IOException {
        assertEquals(0, interrupted.exitCode(), interrupted.err());
        assertEquals(0, resumedRun.exitCode(), resumedRun.err());
        assertEquals(-1L, Files.mismatch(oneGo.resolve("last.pt"), resumed.resolve("last.pt")), "last.pt differs");
        assertEquals(-1L, Files.mismatch(oneGo.resolve("state.pt"), resumed.resolve("state.pt")), "state.pt differs");
        List<StepMetrics> a = MetricsLog.steps(MetricsLog.read(oneGo.resolve("metrics.jsonl")));
        List<StepMetrics> b = MetricsLog.steps(MetricsLog.read(resumed.resolve("metrics.jsonl")));
        assertEquals(3, b.size(), "metrics.jsonl holds the whole run once");
        for (int i = 0; i < 3; i++) {
            assertEquals(withoutTime(a.get(i)), withoutTime(b.get(i)));
        }
    }

    private static List<Object> withoutTime(StepMetrics m) {
        return List.of(m.step(), m.epoch(), m.pair(), m.learningRate(), m.loss(), m.lossFused(), m.lossLevel1(),
                m.lossLevel2(), m.lossLevel3(), m.lossLevel4());
    }

    @Test
    void lastCheckpointLoadsInLsaMatch() throws IOException {
        assertEquals(0, firstRun.exitCode(), firstRun.err());
        Path json = tmp.resolve("match.json");
        CliRun match = CliRun.of("match", fixture.resolve("JPEGImages/leuvenA.jpg").toString(),
                fixture.resolve("JPEGImages/leuvenB.jpg").toString(), "--checkpoint", oneGo.resolve("last.pt").toString(),
                "--json", json.toString());
        assertEquals(0, match.exitCode(), match.err());
        assertTrue(Files.size(json) > 0);
    }

    @Test
    void pytorchLoadsLastAndStateAsItsOwn() throws Exception {
        assertEquals(0, firstRun.exitCode(), firstRun.err());
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import torch").start()
                .waitFor() == 0, "skipped: /usr/bin/python3 -c 'import torch' fails here (install python3-torch)");
        Path script = Path.of(getClass().getResource("/train-check/torch_load_check.py").toURI());
        Process p = new ProcessBuilder(python.toString(), script.toString(), oneGo.toString()).redirectError(
                ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        JsonNode r = new ObjectMapper().readTree(out.lines().reduce((x, y) -> y).orElse("{}"));
        assertEquals(1351, r.get("keys").asInt());
        assertTrue(r.get("legacy").asBoolean(), "last.pt is in train.py's legacy format");
        assertTrue(r.get("alias_shares_storage").asBoolean());
        assertEquals(45, r.get("optimizer_state_entries").asInt(), "state only for the 45 tensors with gradients");
        assertEquals(75, r.get("param_group_params").asInt());
        assertEquals(List.of("exp_avg", "exp_avg_sq", "step"), toList(r.get("slot_keys")));
        assertEquals(3.0, r.get("step").asDouble());
        assertTrue(r.get("milestones_is_counter").asBoolean());
        assertTrue(r.get("loaded_into_torch").asBoolean());
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
