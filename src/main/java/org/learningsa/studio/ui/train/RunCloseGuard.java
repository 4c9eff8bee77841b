package org.learningsa.studio.ui.train;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * What happens to a running training when its window (or the app) closes: the user chooses to stop
 * it (it finishes the current step and saves) or to let it run to its end in the background; or not to
 * close after all.
 */
public final class RunCloseGuard {

    public enum Choice { STOP_AND_SAVE, KEEP_RUNNING, DO_NOT_CLOSE }

    /** Asks the user; tests answer without a dialog. */
    @FunctionalInterface
    public interface Question {
        Choice ask(Window owner, String what, String runName);
    }

    /** The question as a dialog with three buttons (a nested event loop: the JavaFX thread keeps running). */
    public static final Question DIALOG = (owner, what, runName) -> {
        ButtonType stop = new ButtonType("Stop and save", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep running", ButtonBar.ButtonData.OTHER);
        ButtonType stay = new ButtonType("Don't close", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", stop, keep, stay);
        alert.initOwner(owner);
        alert.setTitle("Training is running");
        alert.setHeaderText("The run " + runName + " is still going.");
        alert.setContentText("Stop and save: the current step finishes, last.pt and state.pt are written, and the run "
                + "can be resumed later.\nKeep running: " + what + " closes and the run goes on in the background until it ends.");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == stay) {
            return Choice.DO_NOT_CLOSE;
        }
        return answer.get() == stop ? Choice.STOP_AND_SAVE : Choice.KEEP_RUNNING;
    };

    private RunCloseGuard() {
    }

    /**
     * Decides whether a window may close while {@code viewModel} may be training: true at once when no run
     * goes; else asks, cancels the run when asked to, and returns false only for "don't close".
     */
    public static boolean mayClose(TrainingViewModel viewModel, Question question, Window owner, String what) {
        if (!viewModel.runningProperty().get()) {
            return true;
        }
        java.nio.file.Path run = viewModel.activeRunProperty().get();
        Choice choice = question.ask(owner, what, run == null ? "" : run.getFileName().toString());
        if (choice == Choice.STOP_AND_SAVE) {
            viewModel.cancel();
        }
        return choice != Choice.DO_NOT_CLOSE;
    }
}
