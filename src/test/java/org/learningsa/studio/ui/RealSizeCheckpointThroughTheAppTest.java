package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.BenchmarkFolders;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;
import org.learningsa.studio.engine.HashedCheckpointFiles;
import org.learningsa.studio.ui.eval.EvaluationViewModel;
import org.learningsa.studio.ui.eval.EvaluationWindows;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real-size (1.3 GB, legacy format) LearningSA checkpoint with the fixtures' hashed weights, through the
 * app's path: the model registry finds it in a weights/ folder, the main view model loads it on a worker
 * (the JavaFX thread keeps answering), aligns a sample pair, and the model is loaded once per session:
 * switching to the default and back, another pair, and an evaluation run all re-use it. View-model level
 * (no window: the JavaFX toolkit runs headless for the worker's callbacks), about a minute on two CPU cores.
 */
@Tag("large")
@ExtendWith(ApplicationExtension.class)
class RealSizeCheckpointThroughTheAppTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the toolkit only: the view models deliver results on the JavaFX thread
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void aCheckpointInWeightsIsLoadedOnceInTheBackgroundAndSharedByTheMainWindowAndTheEvaluation() throws Exception {
        List<SamplePair> samples = SamplePairs.installed();
        assumeTrue(samples.size() >= 2, "needs the sample pairs in assets/samples");
        Path weights = Files.createDirectories(dir.resolve("weights"));
        Path checkpoint = weights.resolve("best_checkpoint_pascal.pt");
        long start = System.nanoTime();
        HashedCheckpointFiles.writeLegacy(checkpoint);
        double writeSeconds = secondsSince(start);
        EngineRuntime.start(DeviceChoice.CPU);

        ModelRegistry registry = new ModelRegistry(Device::cpu, List.of(weights));
        StudioPreferences preferences = new StudioPreferences(
                Preferences.userRoot().node("org/learningsa/studio/test/realsize"));
        preferences.clear();
        RecordingDialogService dialogs = new RecordingDialogService();
        try (StudioAlignerCatalog catalog = new StudioAlignerCatalog(registry); FxTaskRunner tasks = new FxTaskRunner()) {
            MainViewModel main = onFx(() -> new MainViewModel(samples, catalog, tasks, dialogs, preferences));
            ModelChoice found = onFx(() -> main.models().stream().filter(m -> !m.isDefault()).findFirst().orElseThrow());
            assertEquals(checkpoint.toAbsolutePath().normalize(), found.checkpoint(), "found in weights/");

            // the opening sample pair is decoded on a worker before it becomes the pair (a failed open changes nothing)
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> main.sourcePathProperty().get() != null && main.targetPathProperty().get() != null);
            // select it and run: the 1.3 GB load and the inference happen on a worker
            start = System.nanoTime();
            onFx(() -> {
                main.selectedModelProperty().set(found);
                main.run();
                return null;
            });
            double slowestFxAnswer = 0;
            while (onFx(() -> main.alignmentProperty().get()) == null) {
                assertTrue(secondsSince(start) < 600, "no alignment after 10 minutes; notifications: " + dialogs.notifications);
                long asked = System.nanoTime();
                onFx(() -> main.runningProperty().get());
                slowestFxAnswer = Math.max(slowestFxAnswer, secondsSince(asked));
                Thread.sleep(100);
            }
            double firstRunSeconds = secondsSince(start);
            Alignment first = onFx(() -> main.alignmentProperty().get());
            assertEquals("LearningSA (best_checkpoint_pascal.pt)", first.modelName());
            assertTrue(first.semantic(), "a checkpoint's alignment is labelled semantic (the registry cannot tell trained "
                    + "weights from these hashed ones)");
            assertEquals("Model: LearningSA (best_checkpoint_pascal.pt)", onFx(() -> main.modelStatusProperty().get()));
            assertTrue(onFx(() -> main.inferenceStatusProperty().get()).contains("best_checkpoint_pascal.pt"));
            assertEquals(1, registry.checkpointLoads());
            // 2 s: generous for a busy shared machine; a blocked JavaFX thread would take the whole load (tens of seconds)
            assertTrue(slowestFxAnswer < 2.0, "the JavaFX thread answered within " + slowestFxAnswer + " s during the load");

            // to the default and back: the checkpoint is not read again
            onFx(() -> {
                main.selectedModelProperty().set(ModelChoice.weightFreeDefault());
                main.run();
                return null;
            });
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> {
                Alignment now = main.alignmentProperty().get();
                return now != null && !now.semantic();
            });
            start = System.nanoTime();
            Aligner again = catalog.load(found, ProgressListener.NONE, CancelToken.NEVER);
            double switchBackSeconds = secondsSince(start);
            assertSame(registry.aligner(checkpoint), again);
            assertTrue(switchBackSeconds < 0.5, "switching back took " + switchBackSeconds + " s");
            onFx(() -> {
                main.selectedModelProperty().set(found);
                main.openSample(samples.get(1));
                return null;
            });
            // the new pair is decoded on a worker first; Run aligns it once it is the pair
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> main.sourcePathProperty().get() != null
                    && main.sourcePathProperty().get().getFileName().equals(samples.get(1).source().getFileName()));
            onFx(() -> {
                main.run();
                return null;
            });
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> {
                Alignment now = main.alignmentProperty().get();
                return now != null && now.semantic() && now.source().path().getFileName().equals(samples.get(1).source().getFileName());
            });
            assertEquals(1, registry.checkpointLoads(), "another pair with the same model: no reload");

            // the evaluation view asks the same catalog
            BenchmarkFolders.writePascal(dir.resolve("pascal"), 1);
            EvaluationViewModel evaluation = new EvaluationViewModel(new ImmediateTaskRunner(),
                    EvaluationWindows.sharedModels(catalog), Runnable::run);
            evaluation.dataFolderProperty().set(dir.resolve("pascal"));
            evaluation.benchmarkProperty().set(Benchmark.PF_PASCAL);
            evaluation.checkpointProperty().set(checkpoint);
            start = System.nanoTime();
            evaluation.run();
            double evaluationSeconds = secondsSince(start);
            assertNotNull(evaluation.reportProperty().get(), evaluation.statusProperty().get());
            assertEquals("LearningSA (best_checkpoint_pascal.pt)", evaluation.reportProperty().get().modelName());
            assertEquals(2, evaluation.reportProperty().get().images().encoded(), "1 pair, 2 images");
            assertEquals(1, registry.checkpointLoads(), "the evaluation re-used the main window's model");

            // a training run replaces its last.pt under the same name: the next use reads the new file
            Files.setLastModifiedTime(checkpoint, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(checkpoint).toMillis() + 10_000));
            Aligner reloaded = catalog.load(found, ProgressListener.NONE, CancelToken.NEVER);
            assertEquals(2, registry.checkpointLoads(), "a checkpoint rewritten since it was loaded is read again");
            assertTrue(reloaded != again, "the stale network is replaced");
            assertSame(reloaded, registry.aligner(checkpoint), "and kept while the file stays the same");

            System.out.printf(Locale.ROOT, "real-size checkpoint (%d bytes): written in %.1f s; select + load + first pair "
                            + "%.1f s (slowest JavaFX answer %.2f s); switch back %.4f s; evaluation of 1 pair %.1f s; "
                            + "checkpoint loads %d%n", Files.size(checkpoint), writeSeconds, firstRunSeconds, slowestFxAnswer,
                    switchBackSeconds, evaluationSeconds, registry.checkpointLoads());
        }
    }
}
