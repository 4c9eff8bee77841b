package org.learningsa.studio.ui.style;

import javafx.stage.Stage;
import javafx.stage.Window;
import java.util.List;
import java.util.function.BiFunction;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.editing.CorrectedCorrespondence;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.ui.MainViewModel;
import org.learningsa.studio.ui.edit.EditViewModel;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Opens the style-transfer window on the main window's pair: its images, its alignment, the user's
 * points of the editor (the transfer reads the corrected correspondence), its notifications.
 */
public final class StyleWindows {

    private static FxTaskRunner runner;

    private StyleWindows() {
    }

    /** The view model of a window {@link #open} opened (for screenshot tools). */
    static StyleViewModel viewModelOf(Stage stage) {
        return (StyleViewModel) stage.getUserData();
    }

    /**
     * The window follows the main window: a new pair or a new alignment there re-renders here. When the
     * pair has not been aligned yet, the alignment is started, so the preview appears once it is done.
     */
    public static synchronized Stage open(Window owner, MainViewModel main, EditViewModel editor) {
        if (runner == null) {
            runner = new FxTaskRunner();
        }
        StyleViewModel viewModel = new StyleViewModel(runner, main.dialogs());
        viewModel.sourcePixelsProperty().bind(main.sourcePixelsProperty());
        viewModel.targetPixelsProperty().bind(main.targetPixelsProperty());
        viewModel.alignmentProperty().bind(main.alignmentProperty());
        // the editor's points, read with the style window's own readout; a new point or the trust toggle re-renders
        viewModel.setCorrespondences(editorCorrespondences(editor));
        javafx.beans.InvalidationListener pointsChanged = obs -> viewModel.correspondenceChanged();
        editor.pointsProperty().addListener(pointsChanged);
        editor.trustPointsProperty().addListener(pointsChanged);
        if (main.alignmentProperty().get() == null && main.sourcePathProperty().get() != null
                && main.targetPathProperty().get() != null) {
            main.run();
        }
        Stage stage = StyleView.open(owner, viewModel);
        stage.setUserData(viewModel);
        stage.setOnHidden(e -> {
            viewModel.sourcePixelsProperty().unbind();
            viewModel.targetPixelsProperty().unbind();
            viewModel.alignmentProperty().unbind();
            editor.pointsProperty().removeListener(pointsChanged);
            editor.trustPointsProperty().removeListener(pointsChanged);
        });
        return stage;
    }

    /**
     * The refined correspondence at a readout (the grid map until it is ready, or when switched off), through the
     * editor's current points (trusted alone when the editor says so and they allow it): what the style and
     * colorize windows read.
     */
    public static BiFunction<Alignment, Readout, Correspondence> editorCorrespondences(EditViewModel editor) {
        return (alignment, readout) -> {
            // the refined per-pixel map when the editor has it for this run and readout, else the grid map
            Correspondence network = editor.refinedMap().base(alignment, readout);
            List<UserPoint> points = editor.pointsProperty().get();
            if (points == null || points.isEmpty()) {
                return network;
            }
            boolean trust = editor.trustPointsProperty().get()
                    && CorrectedCorrespondence.canTrust(points, alignment.source(), alignment.target());
            return CorrectedCorrespondence.of(network, points, trust);
        };
    }
}
