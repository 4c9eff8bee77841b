package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.BenchmarkFolders;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.eval.EvaluationViewModel;
import org.learningsa.studio.ui.eval.EvaluationWindows;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/**
 * The evaluation view takes its models from the main window's catalog (in the app: one model registry per
 * session), so a checkpoint the main window loaded is not loaded again for an evaluation, nor the other way
 * round, and an evaluation never closes the shared model. The catalog here counts checkpoint reads the way
 * the registry does (once per file); RealSizeCheckpointThroughTheAppTest does the same with the real registry.
 */
class EvaluationSharesTheAppModelsTest {

    @TempDir
    Path dir;

    /** A model that can be closed, as LearningSaAligner can; it counts its runs and its closes. */
    static final class ClosableAligner extends SyntheticAligner implements AutoCloseable {
        int closes;

        @Override
        public void close() {
            closes++;
        }
    }

    /** Loads each checkpoint once and counts the loads and the requests. */
    static final class CountingCatalog implements AlignerCatalog {
        final Map<Path, ClosableAligner> loaded = new HashMap<>();
        final List<ModelChoice> requests = new ArrayList<>();
        int checkpointLoads;
        final ClosableAligner defaultAligner = new ClosableAligner();

        @Override
        public List<ModelChoice> available() {
            return List.of(ModelChoice.weightFreeDefault());
        }

        @Override
        public Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel) {
            requests.add(choice);
            if (choice.isDefault()) {
                return defaultAligner;
            }
            return loaded.computeIfAbsent(choice.checkpoint(), file -> {
                checkpointLoads++;
                return new ClosableAligner();
            });
        }
    }

    @Test
    void aCheckpointLoadedByTheMainWindowIsReusedByEveryEvaluationRunAndNeverClosed() throws Exception {
        assumeTrue(SamplePairs.installed().size() >= 2, "needs the sample pairs in assets/samples");
        Path checkpoint = Files.writeString(dir.resolve("best_checkpoint_pascal.pt"), "a model file");
        CountingCatalog catalog = new CountingCatalog();
        StudioPreferences preferences = new StudioPreferences(
                Preferences.userRoot().node("org/learningsa/studio/test/evalshares"));
        preferences.clear();
        MainViewModel main = new MainViewModel(SamplePairs.installed(), catalog, new ImmediateTaskRunner(),
                new RecordingDialogService(), preferences);
        main.openCheckpoint(checkpoint);
        main.run();
        assertNotNull(main.alignmentProperty().get());
        assertEquals(1, catalog.checkpointLoads);

        BenchmarkFolders.writePascal(dir.resolve("pascal"), 2);
        EvaluationViewModel evaluation = new EvaluationViewModel(new ImmediateTaskRunner(),
                EvaluationWindows.sharedModels(main.catalog()), Runnable::run);
        evaluation.dataFolderProperty().set(dir.resolve("pascal"));
        evaluation.benchmarkProperty().set(Benchmark.PF_PASCAL);
        evaluation.checkpointProperty().set(main.selectedModelProperty().get().checkpoint());
        evaluation.run();
        evaluation.run();
        ClosableAligner shared = catalog.loaded.get(checkpoint.toAbsolutePath().normalize());
        assertNotNull(evaluation.reportProperty().get(), evaluation.statusProperty().get());
        assertEquals(2, evaluation.pairs().size(), evaluation.statusProperty().get());
        assertEquals(1, catalog.checkpointLoads, "two evaluation runs after the main window: still one load");
        assertEquals(1 + 2 + 2, shared.runs.get(), "the main window's pair and 2 × 2 evaluation pairs ran on the same model");
        assertEquals(0, shared.closes, "the evaluation leaves the shared model open");
        assertTrue(catalog.requests.stream().allMatch(c -> c.checkpoint() != null), catalog.requests.toString());

        evaluation.checkpointProperty().set(null);
        evaluation.run();
        assertEquals(2, catalog.defaultAligner.runs.get(), "no checkpoint: the shared weight-free default");
        assertEquals(0, catalog.defaultAligner.closes);
    }
}
