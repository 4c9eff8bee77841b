package org.learningsa.studio.ui.style;

import javafx.stage.Stage;
import javafx.stage.Window;
import org.learningsa.studio.ui.MainViewModel;
import org.learningsa.studio.ui.task.FxTaskRunner;

/** Opens the style-transfer window on the main window's pair: its images, its alignment, its notifications. */
public final class StyleWindows {

    private static FxTaskRunner runner;

    private StyleWindows() {
    }

    /**
     * The window follows the main window: a new pair or a new alignment there re-renders here. When the
     * pair has not been aligned yet, the alignment is started, so the preview appears once it is done.
     */
    public static synchronized Stage open(Window owner, MainViewModel main) {
        if (runner == null) {
            runner = new FxTaskRunner();
        }
        StyleViewModel viewModel = new StyleViewModel(runner, main.dialogs());
        viewModel.sourcePixelsProperty().bind(main.sourcePixelsProperty());
        viewModel.targetPixelsProperty().bind(main.targetPixelsProperty());
        viewModel.alignmentProperty().bind(main.alignmentProperty());
        if (main.alignmentProperty().get() == null && main.sourcePathProperty().get() != null
                && main.targetPathProperty().get() != null) {
            main.run();
        }
        Stage stage = StyleView.open(owner, viewModel);
        stage.setOnHidden(e -> {
            viewModel.sourcePixelsProperty().unbind();
            viewModel.targetPixelsProperty().unbind();
            viewModel.alignmentProperty().unbind();
        });
        return stage;
    }
}
