package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.torch.PyDict;
import org.learningsa.studio.torch.TorchWriter;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/**
 * Checkpoints of earlier training runs are models the user made: after a restart the selector lists them,
 * newest run first, named as while the run went, a run from the hashed weights says so, and the last choice
 * comes back. Run folders are written as {@code lsa train} lays them out (the checkpoints are never loaded).
 */
class RunModelsAfterRestartTest {

    @Test
    void runCheckpointsAreListedNewestFirstAfterARestartAndTheLastChoiceIsRestored(@TempDir Path runs) throws Exception {
        List<SamplePair> samples = SamplePairs.installed();
        assumeTrue(!samples.isEmpty(), "needs the sample pairs in assets/samples");
        Path older = run(runs.resolve("run-20261201-100000"), false, 0, 1_000);
        Path newer = run(runs.resolve("run-20261202-100000"), true, 1, 2_000);
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/runsrestart"));
        preferences.clear();

        MainViewModel first = app(runs, preferences);
        List<String> labels = first.models().stream().map(ModelChoice::label).toList();
        assertEquals(List.of("Weight-free default (not semantic)",
                "Run run-20261202-100000 · last (epoch 1) · from hashed test weights (untrained, not semantic)",
                "Run run-20261202-100000 · epoch 0 · from hashed test weights (untrained, not semantic)",
                "Run run-20261201-100000 · last (epoch 0)",
                "Run run-20261201-100000 · epoch 0",
                "Hashed test weights (testing aid: untrained, not semantic)"), labels);
        first.selectedModelProperty().set(first.models().get(3));
        preferences.flush();

        MainViewModel restarted = app(runs, preferences);
        assertEquals(older.resolve("last.pt"), restarted.selectedModelProperty().get().checkpoint(), "the last choice is restored");
        restarted.refreshModels();
        assertEquals(6, restarted.models().size(), "Look for checkpoints again lists them too");
        assertTrue(ModelChoice.checkpoint(newer.resolve("last.pt")).label().contains("from hashed test weights"),
                "a run's last.pt opened as a file says it started from untrained weights");
    }

    private static MainViewModel app(Path runs, StudioPreferences preferences) {
        StudioAlignerCatalog catalog = new StudioAlignerCatalog(new ModelRegistry(() -> null, List.of()), runs);
        return new MainViewModel(SamplePairs.installed(), catalog, new ImmediateTaskRunner(), new RecordingDialogService(), preferences);
    }

    /** A run folder: metrics up to {@code lastEpoch}, last.pt and epoch_000.pt, state.pt with the run's settings. */
    private static Path run(Path folder, boolean hashedWeights, int lastEpoch, long modifiedSeconds) throws Exception {
        Files.createDirectories(folder);
        StringBuilder metrics = new StringBuilder();
        for (int epoch = 0; epoch <= lastEpoch; epoch++) {
            metrics.append("{\"kind\":\"step\",\"step\":").append(epoch + 1).append(",\"epoch\":").append(epoch)
                    .append(",\"pair\":0,\"loss\":1.0,\"lr\":3e-5}\n");
        }
        Files.writeString(folder.resolve("metrics.jsonl"), metrics);
        Files.writeString(folder.resolve("last.pt"), "not loaded by this test");
        Files.writeString(folder.resolve("epoch_000.pt"), "not loaded by this test");
        PyDict settings = PyDict.dict();
        settings.put("benchmark", "pf-pascal");
        settings.put("hashed_weights", hashedWeights);
        PyDict root = PyDict.dict();
        root.put("format", "lsa-train-state");
        root.put("settings", settings);
        TorchWriter.writeZip(folder.resolve("state.pt"), root);
        Files.setLastModifiedTime(folder.resolve("metrics.jsonl"), FileTime.fromMillis(modifiedSeconds * 1000));
        return folder.toAbsolutePath().normalize();
    }
}
