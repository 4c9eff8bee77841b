package org.learningsa.studio.ui.eval;

import javafx.application.Platform;
import org.learningsa.studio.eval.AlignerPairMatcher;
import org.learningsa.studio.ui.AlignerCatalog;
import org.learningsa.studio.ui.ModelChoice;
import org.learningsa.studio.ui.task.FxTaskRunner;

/** Wires the evaluation view model for the app: worker threads, the JavaFX thread, the main window's models. */
public final class EvaluationWindows {

    private static FxTaskRunner runner;

    private EvaluationWindows() {
    }

    /**
     * A view model that runs on the app's evaluation worker and takes its models from {@code models}, the
     * main window's catalog (one model registry per app): a checkpoint the main window loaded is not loaded
     * again, and one loaded for an evaluation stays for the main window.
     */
    public static synchronized EvaluationViewModel newViewModel(AlignerCatalog models) {
        if (runner == null) {
            runner = new FxTaskRunner();
        }
        return new EvaluationViewModel(runner, sharedModels(models), Platform::runLater);
    }

    /** Opens the model of a run through the shared catalog; closing the matcher leaves the model loaded. */
    public static EvaluationViewModel.MatcherFactory sharedModels(AlignerCatalog models) {
        return (checkpoint, progress, cancel) -> AlignerPairMatcher.shared(models.load(
                checkpoint == null ? ModelChoice.weightFreeDefault() : ModelChoice.checkpoint(checkpoint), progress, cancel));
    }
}
