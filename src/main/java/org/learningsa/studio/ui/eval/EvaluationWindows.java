package org.learningsa.studio.ui.eval;

import javafx.application.Platform;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.eval.EvaluationModels;
import org.learningsa.studio.ui.task.FxTaskRunner;

/** Wires the evaluation view model for the app: worker threads, the JavaFX thread, the real models. */
public final class EvaluationWindows {

    private static FxTaskRunner runner;

    private EvaluationWindows() {
    }

    /** A view model that runs on the app's evaluation worker and opens checkpoints (or the default aligner). */
    public static synchronized EvaluationViewModel newViewModel() {
        if (runner == null) {
            runner = new FxTaskRunner();
        }
        return new EvaluationViewModel(runner, checkpoint -> EvaluationModels.open(checkpoint, false, DeviceChoice.AUTO),
                Platform::runLater);
    }
}
