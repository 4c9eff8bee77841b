package org.learningsa.studio.ui.morph;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.FxDialogService;
import org.learningsa.studio.ui.dialog.NotificationArea;
import org.learningsa.studio.ui.task.TaskRunner;

/** Opens the morph window for a correspondence, with its own notifications and the app's background tasks. */
public final class MorphWindows {

    private MorphWindows() {
    }

    public static Stage open(Window owner, Correspondence correspondence, RgbImage source, RgbImage target,
                             TaskRunner tasks) {
        Stage window = new Stage();
        NotificationArea notifications = new NotificationArea();
        FxDialogService dialogs = new FxDialogService(() -> window, notifications);
        MorphViewModel viewModel = new MorphViewModel(correspondence, source, target, tasks, dialogs);
        MorphView view = new MorphView(viewModel, () -> MorphExportDialog.show(window, viewModel, dialogs));
        StackPane root = new StackPane(view.root(), notifications);
        StackPane.setAlignment(notifications, Pos.TOP_RIGHT);
        if (owner != null) {
            window.initOwner(owner);
        }
        window.setTitle("Morph — " + correspondence.source().displayName() + " → "
                + correspondence.target().displayName() + " (" + correspondence.description() + ")");
        Scene scene = new Scene(root, 1040, 840);
        // the app's stylesheet: without it a notification card ("Export cancelled") had no background
        scene.getStylesheets().add(org.learningsa.studio.ui.MainWindow.class.getResource("studio.css").toExternalForm());
        window.setScene(scene);
        window.setOnHidden(e -> view.close());
        window.show();
        viewModel.prepare();
        return window;
    }
}
