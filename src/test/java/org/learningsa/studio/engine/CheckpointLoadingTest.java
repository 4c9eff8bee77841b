package org.learningsa.studio.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;

/** Loading weights from torch checkpoints: strict key checking and a full legacy-format checkpoint. */
class CheckpointLoadingTest {

    /** A source that hides some keys of the hashed weights and may add a prefix. */
    private record FilteredSource(WeightSource inner, Set<String> hidden, String prefix) implements WeightSource {
        @Override
        public String description() {
            return "test.pt";
        }

        @Override
        public Set<String> keys() {
            return inner.keys().stream().filter(k -> !hidden.contains(k)).map(k -> prefix + k)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }

        @Override
        public long[] shape(String key) {
            return inner.shape(key.substring(prefix.length()));
        }

        @Override
        public NDArray load(String key, NDManager manager, boolean writable) {
            return inner.load(key.substring(prefix.length()), manager, writable);
        }
    }

    @Test
    void refusesACheckpointMissingAUsedKeyAndNamesIt() {
        EngineRuntime.start(DeviceChoice.CPU);
        String missing = "tokens_to_token2_1.attention1.attn.attn_gamma";
        // the canonical key and its alias both gone: the backbone tensor is really absent
        Set<String> hidden = Set.of(missing, "feature_extraction.model.layer3.5.bn2.running_var",
                "feature_extraction.layer3.0.5.bn2.running_var");
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> LearningSaWeights.load(new FilteredSource(HashedWeights.create(), hidden, ""), Device.cpu()));
        assertTrue(e.getMessage().contains("test.pt") && e.getMessage().contains(missing)
                && e.getMessage().contains("feature_extraction.model.layer3.5.bn2.running_var")
                && e.getMessage().contains("2 tensor(s)"), e.getMessage());
    }

    @Test
    void acceptsModulePrefixAndAliasOnlyBackboneKeys() {
        EngineRuntime.start(DeviceChoice.CPU);
        // only the feature_extraction.layerN.* aliases carry the backbone, all keys under "module."
        Set<String> canonicalBackbone = ModelManifest.load().entries().keySet().stream()
                .filter(k -> k.startsWith("feature_extraction.model.")).collect(Collectors.toSet());
        try (LearningSaWeights weights = LearningSaWeights.load(
                new FilteredSource(HashedWeights.create(), canonicalBackbone, "module."), Device.cpu())) {
            float[] expected = HashedWeights.create().values("feature_extraction.model.layer4.2.conv3.weight");
            float[] actual = weights.get("feature_extraction.model.layer4.2.conv3.weight").toFloatArray();
            assertTrue(java.util.Arrays.equals(expected, actual), "alias key resolved to the canonical tensor");
        }
    }

    @Test
    void legacyCheckpointWithTheFullManifestKeySetLoadsAndReproducesTheFixture(@TempDir Path dir) {
        Path fixtures = ParityFixtures.anyDir().orElse(null);
        Assumptions.assumeTrue(fixtures != null, "parity fixtures not found");
        EngineRuntime.start(DeviceChoice.CPU);
        Path checkpoint = dir.resolve("hashed_legacy.pt");
        writeHashedLegacyCheckpoint(checkpoint);
        NpzArchive inputs = ParityFixtures.inputs(fixtures, "p1_motorcycle");
        NpzArchive expected = ParityFixtures.expected(fixtures, "p1_motorcycle");
        NetworkOutputs outputs;
        try (LearningSaNetwork network = new LearningSaNetwork(LearningSaWeights.fromCheckpoint(checkpoint, Device.cpu()))) {
            outputs = network.forward(inputs.floats("source"), inputs.floats("target"), ProgressListener.NONE, CancelToken.NEVER);
        }
        ParityReport report = new ParityReport();
        for (String name : NetworkOutputs.OUTPUT_NAMES) {
            report.output(name, outputs.get(name), expected);
        }
        System.out.println("legacy checkpoint, p1_motorcycle\n" + report.summary());
        assertTrue(report.failures().isEmpty(), report.failures().toString());
    }

    /** All 1351 manifest keys in state_dict order, aliases sharing their canonical storage, legacy format. */
    static void writeHashedLegacyCheckpoint(Path file) {
        HashedCheckpointFiles.writeLegacy(file);
    }
}
