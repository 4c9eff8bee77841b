package org.learningsa.studio.ui;

import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.learningsa.studio.ui.task.TaskHandle;

/** Model, last inference time, the running task (stage, progress, elapsed time, Cancel), engine and device. */
final class StatusBar extends HBox {

    private final Label stage = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label elapsed = new Label();
    private final HBox taskBox;
    private final Timeline clock;
    private TaskHandle shown;

    StatusBar(MainViewModel main) {
        super(10);
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));
        // in a narrow window model, last run and engine give way (shortened, full text in the tooltip);
        // the device, the running stage and Cancel never do
        Label model = bound("modelStatus", main.modelStatusProperty(), true);
        Label inference = bound("inferenceStatus", main.inferenceStatusProperty(), true);
        Label engine = bound("engineStatus", main.engineStatusProperty(), true);
        Label device = bound("deviceStatus", main.deviceStatusProperty(), false);
        // a training run whose window was closed with "keep running" still shows here (Train → Training panel… shows it)
        Label training = bound("trainingStatus", main.trainingStatusProperty(), true);
        training.setGraphic(new FontIcon("mdi2s-school-outline"));
        training.visibleProperty().bind(main.trainingStatusProperty().isNotEmpty());
        training.managedProperty().bind(training.visibleProperty());

        stage.setId("taskStage");
        stage.setMinWidth(Region.USE_PREF_SIZE);
        progress.setId("taskProgress");
        progress.setPrefWidth(180);
        progress.setMinWidth(60);
        elapsed.setId("taskElapsed");
        elapsed.setMinWidth(50);
        Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop-circle-outline"));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("cancelButton");
        cancel.setTooltip(new Tooltip("Stop the alignment (Esc)"));
        cancel.setOnAction(e -> main.cancel());
        taskBox = new HBox(8, stage, progress, elapsed, cancel);
        taskBox.setId("taskBox");
        taskBox.setAlignment(Pos.CENTER_LEFT);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(model, new Separator(javafx.geometry.Orientation.VERTICAL), inference, training, spacer, taskBox,
                engine, new Separator(javafx.geometry.Orientation.VERTICAL), device);

        clock = new Timeline(new KeyFrame(Duration.millis(100), e -> tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        main.runningTaskProperty().addListener((obs, old, now) -> show(now));
        show(null);
    }

    private static Label bound(String id, javafx.beans.value.ObservableValue<String> text, boolean mayShorten) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        if (mayShorten) {
            label.setMinWidth(40);
            Tooltip full = new Tooltip();
            full.textProperty().bind(text);
            label.setTooltip(full);
        } else {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        return label;
    }

    private void show(TaskHandle handle) {
        shown = handle;
        stage.textProperty().unbind();
        progress.progressProperty().unbind();
        boolean active = handle != null;
        // the box stays in the layout with no width while idle, so its height (the progress bar's)
        // is always counted and the window does not jump when a run starts
        taskBox.setVisible(active);
        taskBox.setMinWidth(active ? Region.USE_PREF_SIZE : 0);
        taskBox.setPrefWidth(active ? Region.USE_COMPUTED_SIZE : 0);
        taskBox.setMaxWidth(active ? Region.USE_COMPUTED_SIZE : 0);
        if (active) {
            stage.textProperty().bind(handle.stageProperty());
            progress.progressProperty().bind(handle.progressProperty());
            tick();
            clock.play();
        } else {
            clock.stop();
        }
    }

    private void tick() {
        if (shown != null) {
            elapsed.setText(String.format(Locale.ROOT, "%.1f s", shown.elapsedSeconds()));
        }
    }
}
