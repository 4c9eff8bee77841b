package org.learningsa.studio.ui.morph;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.apps.Morph;
import org.learningsa.studio.apps.MorphEasing;
import org.learningsa.studio.apps.MorphPoints;
import org.learningsa.studio.ui.task.TaskHandle;
import org.learningsa.studio.ui.view.FxImages;

/**
 * The morph window: source, halfway morph (Liao et al.'s halfway view, t = 0.5) and target along the top; the
 * live morph in the middle, drawn off the JavaFX thread ({@link MorphPreview}); a time slider, play / pause,
 * once / loop / ping-pong, frames, fps, easing, the matched points moving, and Export with progress and Cancel.
 */
public final class MorphView {

    private static final double THUMBNAIL_HEIGHT = 150;

    private final MorphViewModel viewModel;
    private final StackPane stage = new StackPane();
    private final ImageView morphImage = new ImageView();
    private final Canvas points = new Canvas();
    private final Label timeLabel = new Label();
    private final BorderPane root = new BorderPane();
    private MorphPreview preview;
    private final AnimationTimer player;

    public MorphView(MorphViewModel viewModel, Runnable onExport) {
        this.viewModel = viewModel;
        root.setId("morphView");
        root.setTop(thumbnails());
        morphImage.setId("morphImage");
        morphImage.setPreserveRatio(true);
        morphImage.setSmooth(true);
        points.setId("morphPoints");
        points.setMouseTransparent(true);
        stage.getChildren().addAll(morphImage, points);
        stage.setMinSize(200, 200);
        stage.setStyle("-fx-background-color: #202020;");
        // the picture scales with the window; the points layer follows the picture's displayed size
        morphImage.fitWidthProperty().bind(stage.widthProperty().subtract(8));
        morphImage.fitHeightProperty().bind(stage.heightProperty().subtract(8));
        root.setCenter(stage);
        root.setBottom(controls(onExport));
        player = new AnimationTimer() {
            private long last = -1;
            private double carried;

            @Override
            public void handle(long now) {
                if (last < 0) {
                    last = now;
                    return;
                }
                carried += (now - last) / 1e9;
                last = now;
                double frameSeconds = 1 / Math.max(1, viewModel.fpsProperty().get());
                // at most a few frames per pulse: a stalled window does not race to catch up
                for (int i = 0; i < 3 && carried >= frameSeconds && viewModel.playingProperty().get(); i++) {
                    carried -= frameSeconds;
                    viewModel.step();
                }
                carried = Math.min(carried, frameSeconds);
            }

            @Override
            public void stop() {
                super.stop();
                last = -1;
                carried = 0;
            }
        };
        viewModel.playingProperty().addListener((obs, was, now) -> {
            if (now) {
                player.start();
            } else {
                player.stop();
            }
        });
        viewModel.morphProperty().addListener((obs, old, morph) -> attach(morph));
        viewModel.timeBinding().addListener((obs, old, t) -> redraw());
        viewModel.showPointsProperty().addListener((obs, old, show) -> drawPoints());
        morphImage.boundsInParentProperty().addListener((obs, old, now) -> drawPoints());
        timeLabel.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "t = %.2f   frame %d / %d", viewModel.timeBinding().get(), viewModel.frameIndex() + 1,
                viewModel.framesProperty().get()), viewModel.timeBinding(), viewModel.framesProperty()));
        attach(viewModel.morphProperty().get());
    }

    public Parent root() {
        return root;
    }

    /** Stops playback and the render thread. */
    public void close() {
        viewModel.playingProperty().set(false);
        player.stop();
        if (preview != null) {
            preview.close();
        }
    }

    /** The render thread's view (tests read which frame is on screen). */
    MorphPreview preview() {
        return preview;
    }

    private void attach(Morph morph) {
        if (preview != null) {
            preview.close();
            preview = null;
        }
        if (morph == null) {
            morphImage.setImage(null);
            return;
        }
        preview = new MorphPreview(morph);
        morphImage.setImage(preview.image());
        redraw();
    }

    private void redraw() {
        if (preview != null) {
            preview.request(viewModel.timeBinding().get());
        }
        drawPoints();
    }

    private void drawPoints() {
        Image image = morphImage.getImage();
        GraphicsContext g = points.getGraphicsContext2D();
        points.setWidth(stage.getWidth());
        points.setHeight(stage.getHeight());
        g.clearRect(0, 0, points.getWidth(), points.getHeight());
        if (image == null || !viewModel.showPointsProperty().get()) {
            return;
        }
        var bounds = morphImage.getBoundsInParent();
        double scale = bounds.getWidth() / image.getWidth();
        double t = viewModel.timeBinding().get();
        for (MorphPoints.Trajectory trajectory : viewModel.trajectories()) {
            PixelPoint p = trajectory.at(t);
            double x = bounds.getMinX() + (p.x() + 0.5) * scale;
            double y = bounds.getMinY() + (p.y() + 0.5) * scale;
            g.setFill(Color.hsb(120 * trajectory.confidence(), 0.9, 1.0));
            g.setStroke(Color.BLACK);
            g.fillOval(x - 4, y - 4, 8, 8);
            g.strokeOval(x - 4, y - 4, 8, 8);
        }
    }

    private Parent thumbnails() {
        ImageView source = thumbnail("morphSourceImage");
        source.setImage(FxImages.toFxImage(viewModel.sourcePixels()));
        ImageView halfway = thumbnail("morphHalfwayImage");
        halfway.imageProperty().bind(Bindings.createObjectBinding(() -> viewModel.halfwayProperty().get() == null ? null
                : FxImages.toFxImage(viewModel.halfwayProperty().get()), viewModel.halfwayProperty()));
        ImageView target = thumbnail("morphTargetImage");
        target.setImage(FxImages.toFxImage(viewModel.targetPixels()));
        HBox row = new HBox(16, captioned(source, "Source"), captioned(halfway, "Halfway (t = 0.5)"),
                captioned(target, "Target"));
        row.setAlignment(Pos.CENTER);
        row.setPadding(new Insets(8));
        return row;
    }

    private static ImageView thumbnail(String id) {
        ImageView view = new ImageView();
        view.setId(id);
        view.setFitHeight(THUMBNAIL_HEIGHT);
        view.setFitWidth(THUMBNAIL_HEIGHT * 1.6);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        return view;
    }

    private static Parent captioned(ImageView view, String caption) {
        VBox box = new VBox(4, view, new Label(caption));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Parent controls(Runnable onExport) {
        Button play = new Button();
        play.setId("morphPlayButton");
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                viewModel.playingProperty().get() ? "mdi2p-pause" : "mdi2p-play"), viewModel.playingProperty()));
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setOnAction(e -> viewModel.togglePlaying());
        Slider slider = new Slider(0, 1, viewModel.positionProperty().get());
        slider.setId("morphTimeSlider");
        slider.valueProperty().bindBidirectional(viewModel.positionProperty());
        // dragging the slider pauses playback, as in any player
        slider.setOnMousePressed(e -> viewModel.playingProperty().set(false));
        HBox.setHgrow(slider, Priority.ALWAYS);
        timeLabel.setId("morphTimeLabel");
        timeLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox timeline = new HBox(8, play, slider, timeLabel);
        timeline.setAlignment(Pos.CENTER_LEFT);

        ChoiceBox<MorphViewModel.PlayMode> mode = new ChoiceBox<>();
        mode.setId("morphPlayMode");
        mode.getItems().addAll(MorphViewModel.PlayMode.values());
        mode.valueProperty().bindBidirectional(viewModel.playModeProperty());
        Spinner<Integer> frames = new Spinner<>(2, 1000, viewModel.framesProperty().get(), 5);
        frames.setId("morphFrames");
        frames.setEditable(true);
        frames.setPrefWidth(90);
        frames.valueProperty().addListener((obs, old, now) -> viewModel.framesProperty().set(now));
        // the export dialog sets the frames too: the field follows, so it never says 20 while the player has 150
        viewModel.framesProperty().addListener((obs, old, now) -> frames.getValueFactory().setValue(now.intValue()));
        Spinner<Double> fps = new Spinner<>(1.0, 100.0, viewModel.fpsProperty().get(), 1.0);
        fps.setId("morphFps");
        fps.setEditable(true);
        fps.setPrefWidth(90);
        fps.valueProperty().addListener((obs, old, now) -> viewModel.fpsProperty().set(now));
        viewModel.fpsProperty().addListener((obs, old, now) -> fps.getValueFactory().setValue(now.doubleValue()));
        ChoiceBox<MorphEasing> easing = new ChoiceBox<>();
        easing.setId("morphEasing");
        easing.getItems().addAll(MorphEasing.values());
        easing.valueProperty().bindBidirectional(viewModel.easingProperty());
        CheckBox showPoints = new CheckBox("Show moving points");
        showPoints.setId("morphShowPoints");
        showPoints.selectedProperty().bindBidirectional(viewModel.showPointsProperty());
        Button export = new Button("Export…", new FontIcon("mdi2e-export"));
        export.setId("morphExportButton");
        export.disableProperty().bind(viewModel.morphProperty().isNull().or(viewModel.exportTaskProperty().isNotNull()));
        export.setOnAction(e -> onExport.run());
        HBox settings = new HBox(8, new Label("Playback"), mode, new Label("Frames"), frames, new Label("fps"), fps,
                new Label("Easing"), easing, showPoints, new Region(), export);
        HBox.setHgrow(settings.getChildren().get(settings.getChildren().size() - 2), Priority.ALWAYS);
        settings.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("morphExportProgress");
        progress.setPrefWidth(240);
        Label stageLabel = new Label();
        Button cancel = new Button("Cancel");
        cancel.setId("morphExportCancel");
        cancel.setOnAction(e -> viewModel.cancelExport());
        HBox exporting = new HBox(8, new Label("Exporting"), progress, stageLabel, cancel);
        exporting.setAlignment(Pos.CENTER_LEFT);
        exporting.visibleProperty().bind(viewModel.exportTaskProperty().isNotNull());
        exporting.managedProperty().bind(exporting.visibleProperty());
        viewModel.exportTaskProperty().addListener((obs, old, task) -> bindProgress(task, progress, stageLabel));

        Label status = new Label();
        status.setId("morphStatus");
        status.textProperty().bind(viewModel.statusProperty());
        VBox box = new VBox(8, timeline, settings, exporting, status);
        box.setPadding(new Insets(8));
        return box;
    }

    private static void bindProgress(TaskHandle task, ProgressBar progress, Label stage) {
        progress.progressProperty().unbind();
        stage.textProperty().unbind();
        if (task != null) {
            progress.progressProperty().bind(task.progressProperty());
            stage.textProperty().bind(task.stageProperty());
        }
    }
}
