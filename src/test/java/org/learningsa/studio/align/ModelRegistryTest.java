package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;

/** Finding and recognising checkpoints by their keys (tiny files with the right key names; nothing is loaded). */
class ModelRegistryTest {

    @TempDir
    Path weights;

    private void checkpoint(String name, String... keys) {
        LinkedHashMap<String, TensorData> stateDict = new LinkedHashMap<>();
        for (String key : keys) {
            stateDict.put(key, TensorData.ofFloats(new long[] {1}, new float[] {1f}));
        }
        StateDict.save(weights.resolve(name), stateDict, false);
    }

    @Test
    void listsLearningSaCheckpointsBestFirstAndIgnoresOtherFiles() throws Exception {
        checkpoint("my_finetune.pt", ModelRegistry.SIGNATURE_KEYS.toArray(String[]::new));
        checkpoint("best_checkpoint_willow.pt", "module.g_f", "module.tokens_to_token4_1.attention1.attn.proj.weight");
        checkpoint("best_checkpoint_pascal.pt", ModelRegistry.SIGNATURE_KEYS.toArray(String[]::new));
        checkpoint("resnet.pt", "conv1.weight", "fc.weight");
        Files.writeString(weights.resolve("notes.pt"), "not a torch file");
        Files.writeString(weights.resolve("README.md"), "put checkpoints here");

        try (ModelRegistry registry = new ModelRegistry(Device::cpu, List.of(weights, weights.resolve("absent")))) {
            List<String> names = registry.checkpoints().stream().map(c -> c.file().getFileName().toString()).toList();
            assertEquals(List.of("best_checkpoint_pascal.pt", "best_checkpoint_willow.pt", "my_finetune.pt"), names);
            assertEquals("LearningSA (best_checkpoint_pascal.pt)", registry.bestCheckpoint().orElseThrow().displayName());
            assertFalse(registry.isLearningSaCheckpoint(weights.resolve("resnet.pt")));
            assertFalse(registry.isLoaded(weights.resolve("best_checkpoint_pascal.pt")));
        }
    }

    @Test
    void withoutCheckpointsTheDefaultAlignerIsTheBest() {
        try (ModelRegistry registry = new ModelRegistry(Device::cpu, List.of(weights))) {
            Aligner best = registry.bestAligner();
            assertFalse(best.semantic());
            assertSame(best, registry.defaultAligner(), "the default aligner is created once");
        }
    }

    @Test
    void refusesFilesThatAreNotLearningSaCheckpoints() throws Exception {
        checkpoint("resnet.pt", "conv1.weight");
        try (ModelRegistry registry = new ModelRegistry(Device::cpu, List.of(weights))) {
            UserFacingException wrong = assertThrows(UserFacingException.class,
                    () -> registry.aligner(weights.resolve("resnet.pt")));
            assertTrue(wrong.getMessage().contains("resnet.pt") && wrong.getMessage().contains("not LearningSA's"));
            UserFacingException missing = assertThrows(UserFacingException.class,
                    () -> registry.aligner(weights.resolve("gone.pt")));
            assertTrue(missing.getMessage().contains("gone.pt"));
        }
    }

    @Test
    void aHostileFileInASearchedFolderIsSkippedQuicklyWithItsReason() throws Exception {
        checkpoint("best_checkpoint_pascal.pt", ModelRegistry.SIGNATURE_KEYS.toArray(String[]::new));
        // a 40-level tuple DAG used as a dict key: before issue 11 the search hashed it for minutes
        StringBuilder ops = new StringBuilder("\u0080\u0002})q\u0000");
        ops.append("0h\u0000h\u0000\u0086q\u0000".repeat(40)).append("Ns.");
        java.nio.file.Path hostile = weights.resolve("aaa_hostile.pt");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(hostile))) {
            byte[] pickle = ops.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry("archive/data.pkl");
            entry.setMethod(java.util.zip.ZipEntry.STORED);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(pickle);
            entry.setCrc(crc.getValue());
            entry.setSize(pickle.length);
            zip.putNextEntry(entry);
            zip.write(pickle);
            zip.closeEntry();
        }
        try (ModelRegistry registry = new ModelRegistry(Device::cpu, List.of(weights))) {
            List<ModelRegistry.CheckpointInfo> found = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(5), registry::checkpoints);
            assertEquals(1, found.size(), found.toString());
            String reason = registry.rejectedFiles().get(hostile.toAbsolutePath().normalize());
            assertTrue(reason != null && reason.contains("expands to"), String.valueOf(reason));
        }
    }
}
