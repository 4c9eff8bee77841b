package org.learningsa.studio.ui.train;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.learningsa.studio.train.TrainingService;
import org.learningsa.studio.ui.MainViewModel;
import org.learningsa.studio.ui.ModelChoice;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Wires the training panel for the app: one view model per app (closing the window with "keep
 * running" and opening it again shows the same run), the trainer on its own worker, run checkpoints
 * into the main window's model selector, and the question on closing while a run goes.
 */
public final class TrainingWindows {

    private static FxTaskRunner runner;
    private static TrainingViewModel viewModel;
    private static Stage stage;
    private static RunCloseGuard.Question question = RunCloseGuard.DIALOG;

    private TrainingWindows() {
    }

    /** The app's training view model, created on first use and tied to {@code main}'s model list. */
    public static synchronized TrainingViewModel viewModel(MainViewModel main) {
        if (viewModel == null) {
            runner = new FxTaskRunner();
            viewModel = new TrainingViewModel(runner, TrainingEngine.of(new TrainingService()), Platform::runLater,
                    RunFolders.runsRoot(), new StateFileSettings());
            viewModel.setCheckpointSink(main::offerCheckpoint);
            TrainingFormMemory.attach(viewModel, main.preferences());
            main.trainingStatusProperty().bind(runSign(viewModel));
        }
        viewModel.offerModels(startModels(main.models()));
        ModelChoice selected = main.selectedModelProperty().get();
        if (viewModel.startModelProperty().get() == null && selected != null && selected.checkpoint() != null) {
            viewModel.startModels().stream().filter(m -> selected.checkpoint().equals(m.checkpoint())).findFirst()
                    .ifPresent(viewModel.startModelProperty()::set);
        }
        return viewModel;
    }

    /** "Training run-…: epoch 2, step 40 …" while a run goes, "" otherwise: the main window's sign of it. */
    static javafx.beans.binding.StringBinding runSign(TrainingViewModel model) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> !model.runningProperty().get() ? ""
                : "Training " + (model.activeRunProperty().get() == null ? "" : model.activeRunProperty().get().getFileName())
                        + ": " + model.statusProperty().get(),
                model.runningProperty(), model.activeRunProperty(), model.statusProperty());
    }

    static List<TrainingViewModel.StartModel> startModels(List<ModelChoice> models) {
        return models.stream().filter(m -> m.checkpoint() != null)
                .map(m -> TrainingViewModel.StartModel.checkpoint(m.checkpoint(), m.label())).toList();
    }

    /** Training → Training panel…: opens the panel, or brings it to the front. */
    public static void open(Window owner, MainViewModel main) {
        TrainingViewModel model = viewModel(main);
        if (stage != null) {
            stage.show();
            stage.toFront();
            return;
        }
        stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Train LearningSA on a dataset");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(new TrainingView(model).build(), Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight())));
        stage.setOnCloseRequest(e -> {
            if (!RunCloseGuard.mayClose(model, question, stage, "the training window")) {
                e.consume();
            }
        });
        stage.show();
    }

    /**
     * Asked by the main window before the app closes. When a run goes and the user lets it finish (or stops
     * it, which still saves), the app stays alive without windows until the run has ended, then exits.
     *
     * @return false when the user chose not to close
     */
    public static synchronized boolean mayCloseApp(Window owner) {
        if (viewModel == null || !viewModel.runningProperty().get()) {
            return true;
        }
        if (!RunCloseGuard.mayClose(viewModel, question, owner, "the app")) {
            return false;
        }
        Platform.setImplicitExit(false);
        if (stage != null) {
            stage.hide();
        }
        viewModel.runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                Platform.exit();
            }
        });
        return true;
    }

    /** For tests: answer the close question without a dialog. */
    static synchronized void answerCloseWith(RunCloseGuard.Question answer) {
        question = answer;
    }
}
