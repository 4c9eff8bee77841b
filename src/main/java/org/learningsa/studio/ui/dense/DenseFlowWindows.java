package org.learningsa.studio.ui.dense;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.dense.FlowImages;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.FxDialogService;
import org.learningsa.studio.ui.dialog.NotificationArea;
import org.learningsa.studio.ui.task.TaskRunner;
import org.learningsa.studio.ui.view.FxImages;

/** Opens the dense-flow window: four panels of one direction, a direction switch and the colour wheel legend. */
public final class DenseFlowWindows {

    private static final double PANEL_WIDTH = 460;

    private DenseFlowWindows() {
    }

    public static Stage open(Window owner, Correspondence correspondence, RgbImage source, RgbImage target,
                             TaskRunner tasks) {
        Stage window = new Stage();
        NotificationArea notifications = new NotificationArea();
        FxDialogService dialogs = new FxDialogService(() -> window, notifications);
        DenseFlowViewModel viewModel = new DenseFlowViewModel(correspondence, source, target, tasks, dialogs);
        ImageView flow = view();
        ImageView confidence = view();
        ImageView warped = view();
        ImageView difference = view();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(titled("Flow (colour = direction, saturation = length)", flow), 0, 0);
        grid.add(titled("Confidence (white = forward-backward consistent)", confidence), 1, 0);
        grid.add(titled("Other image warped onto this one", warped), 0, 1);
        grid.add(titled("|warped − this image| (bright = alignment fails)", difference), 1, 1);
        ComboBox<Direction> direction = new ComboBox<>();
        direction.getItems().addAll(Direction.SOURCE_TO_TARGET, Direction.TARGET_TO_SOURCE);
        direction.setConverter(new StringConverter<>() {
            @Override
            public String toString(Direction d) {
                return d == Direction.SOURCE_TO_TARGET ? "source → target (at the source's pixels)"
                        : "target → source (at the target's pixels)";
            }

            @Override
            public Direction fromString(String text) {
                return null;
            }
        });
        direction.valueProperty().bindBidirectional(viewModel.directionProperty());
        direction.setId("denseFlowDirection");
        ImageView legend = new ImageView(FxImages.toFxImage(FlowImages.legend(64)));
        Label status = new Label("Making the pictures…");
        viewModel.panelsProperty().addListener((obs, old, now) -> {
            status.setText(now == null ? "Making the pictures…" : correspondence.description());
            flow.setImage(now == null ? null : FxImages.toFxImage(now.flowColours()));
            confidence.setImage(now == null ? null : FxImages.toFxImage(now.confidence()));
            warped.setImage(now == null ? null : FxImages.toFxImage(now.warped()));
            difference.setImage(now == null ? null : FxImages.toFxImage(now.difference()));
        });
        Label directionLabel = new Label("Direction:");
        directionLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox top = new HBox(12, directionLabel, direction, legend,
                new Label("right red · down yellow · left cyan · up violet · white still"));
        top.setAlignment(Pos.CENTER_LEFT);
        BorderPane layout = new BorderPane(grid, top, null, status, null);
        layout.setPadding(new Insets(10));
        StackPane root = new StackPane(layout, notifications);
        StackPane.setAlignment(notifications, Pos.TOP_RIGHT);
        if (owner != null) {
            window.initOwner(owner);
        }
        window.setTitle("Dense flow — " + correspondence.source().displayName() + " → "
                + correspondence.target().displayName());
        window.setScene(new Scene(root, 2 * PANEL_WIDTH + 40, 860));
        window.show();
        viewModel.compute();
        return window;
    }

    private static ImageView view() {
        ImageView view = new ImageView();
        view.setPreserveRatio(true);
        view.setFitWidth(PANEL_WIDTH);
        view.setSmooth(true);
        return view;
    }

    private static VBox titled(String title, ImageView view) {
        return new VBox(4, new Label(title), view);
    }
}
