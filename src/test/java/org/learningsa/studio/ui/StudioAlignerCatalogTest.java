package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.DeviceChoice;

/** What the model selector offers and how a rejected checkpoint explains itself. */
class StudioAlignerCatalogTest {

    @Test
    void offersTheDefaultFirstAndSkipsFilesThatAreNotLearningSaCheckpoints(@TempDir Path weights) throws Exception {
        Files.write(weights.resolve("garbage.pt"), new byte[] {0x13, 0x37, 0, 1});
        try (StudioAlignerCatalog catalog = new StudioAlignerCatalog(new ModelRegistry(
                () -> { throw new AssertionError("listing models must not start the engine"); }, List.of(weights)))) {
            List<ModelChoice> models = catalog.available();
            assertEquals(List.of(ModelChoice.weightFreeDefault(), ModelChoice.hashedWeights()), models,
                    "the default first, the hashed test weights (a testing aid, as the CLI's --hashed-weights) last");
        }
    }

    @Test
    @org.junit.jupiter.api.Tag("slow") // builds the network (about 17 s with the engine's start on the 2-core machine)
    void theHashedTestWeightsRunTheUntrainedNetworkAndSaySo() {
        try (StudioAlignerCatalog catalog = new StudioAlignerCatalog(new ModelRegistry(DeviceChoice.CPU))) {
            org.learningsa.studio.align.Aligner aligner = catalog.load(ModelChoice.hashedWeights(), ProgressListener.NONE, CancelToken.NEVER);
            assertEquals(ModelRegistry.HASHED_WEIGHTS_NAME, aligner.name());
            assertTrue(ModelChoice.hashedWeights().label().contains("untrained, not semantic"));
        }
    }

    @Test
    void aCorruptCheckpointNamesTheFileTheProblemAndWhatToDo(@TempDir Path dir) throws Exception {
        Path garbage = Files.write(dir.resolve("corrupt.pt"), "not a checkpoint".getBytes());
        try (StudioAlignerCatalog catalog = new StudioAlignerCatalog(new ModelRegistry(DeviceChoice.CPU))) {
            UserFacingException error = assertThrows(UserFacingException.class,
                    () -> catalog.load(ModelChoice.checkpoint(garbage), ProgressListener.NONE, CancelToken.NEVER));
            assertTrue(error.getMessage().contains("corrupt.pt"), error.getMessage());
            // the reader's own finding, as lsa match and lsa inspect print it (issue 10, defects 5 and 6)
            assertTrue(error.getMessage().contains("not a torch.save file"), error.getMessage());
            assertTrue(!error.getMessage().contains("interrupted download"), error.getMessage());
            assertTrue(error.getMessage().contains("best_checkpoint_pascal.pt"), "says what to do: " + error.getMessage());
        }
    }

    @Test
    void aReadableCheckpointOfAnotherModelIsRejectedWithItsName(@TempDir Path dir) {
        Path other = dir.resolve("resnet.pt");
        java.util.LinkedHashMap<String, org.learningsa.studio.torch.TensorData> weights = new java.util.LinkedHashMap<>();
        weights.put("fc.weight", org.learningsa.studio.torch.TensorData.ofFloats(new long[] {2}, new float[] {1, 2}));
        org.learningsa.studio.torch.StateDict.save(other, weights, false);
        try (StudioAlignerCatalog catalog = new StudioAlignerCatalog(new ModelRegistry(DeviceChoice.CPU))) {
            UserFacingException error = assertThrows(UserFacingException.class,
                    () -> catalog.load(ModelChoice.checkpoint(other), ProgressListener.NONE, CancelToken.NEVER));
            assertTrue(error.getMessage().contains("resnet.pt") && error.getMessage().contains("of another network, not LearningSA's"),
                    error.getMessage());
        }
    }

    @Test
    void aMissingCheckpointSaysSo(@TempDir Path dir) {
        try (StudioAlignerCatalog catalog = new StudioAlignerCatalog(new ModelRegistry(DeviceChoice.CPU))) {
            UserFacingException error = assertThrows(UserFacingException.class, () -> catalog.load(
                    ModelChoice.checkpoint(dir.resolve("gone.pt")), ProgressListener.NONE, CancelToken.NEVER));
            assertTrue(error.getMessage().contains("gone.pt") && error.getMessage().contains("does not exist"),
                    error.getMessage());
        }
    }
}
