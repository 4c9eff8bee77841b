package org.learningsa.studio.ui.colorize;

import javafx.stage.Stage;
import javafx.stage.Window;
import org.learningsa.studio.ui.MainViewModel;
import org.learningsa.studio.ui.edit.EditViewModel;
import org.learningsa.studio.ui.style.StyleWindows;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Opens the colorization window on the main window's pair: its images, its alignment, the editor's points
 * (the colorization reads the corrected correspondence, so a point added there re-colours live).
 */
public final class ColorizeWindows {

    private static FxTaskRunner runner;

    private ColorizeWindows() {
    }

    /**
     * The window follows the main window: a new pair or a new alignment there re-colours here. When the pair
     * has not been aligned yet, the alignment is started, so the result appears once it is done.
     */
    public static synchronized Stage open(Window owner, MainViewModel main, EditViewModel editor) {
        if (runner == null) {
            runner = new FxTaskRunner();
        }
        ColorizeViewModel viewModel = new ColorizeViewModel(runner, main.dialogs());
        viewModel.sourcePixelsProperty().bind(main.sourcePixelsProperty());
        viewModel.targetPixelsProperty().bind(main.targetPixelsProperty());
        viewModel.alignmentProperty().bind(main.alignmentProperty());
        viewModel.setCorrespondences(StyleWindows.editorCorrespondences(editor));
        javafx.beans.InvalidationListener pointsChanged = obs -> viewModel.correspondenceChanged();
        editor.pointsProperty().addListener(pointsChanged);
        editor.trustPointsProperty().addListener(pointsChanged);
        if (main.alignmentProperty().get() == null && main.sourcePathProperty().get() != null
                && main.targetPathProperty().get() != null) {
            main.run();
        }
        Stage stage = ColorizeView.open(owner, viewModel);
        stage.setOnHidden(e -> {
            viewModel.sourcePixelsProperty().unbind();
            viewModel.targetPixelsProperty().unbind();
            viewModel.alignmentProperty().unbind();
            editor.pointsProperty().removeListener(pointsChanged);
            editor.trustPointsProperty().removeListener(pointsChanged);
        });
        return stage;
    }
}
