package org.learningsa.studio.ui;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.learningsa.studio.core.AppInfo;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;

/** The main window: menu bar, toolbar, the source and target side by side, a status bar. */
public final class MainWindow {

    private final MainViewModel viewModel;

    public MainWindow(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public void show(Stage stage) {
        BorderPane root = new BorderPane();
        root.setTop(new VBox(menuBar(stage), toolBar()));
        root.setCenter(imagePanes());
        root.setBottom(statusBar());
        stage.setTitle(AppInfo.NAME);
        stage.setScene(new Scene(root));
        WindowPlacement placement = new WindowPlacement(WindowPlacement.appPreferences());
        placement.restore(stage);
        placement.rememberOnClose(stage);
        stage.show();
        warmUpEngine();
    }

    private MenuBar menuBar(Stage stage) {
        Menu file = new Menu("_File");
        Menu samples = new Menu("Sample pairs");
        for (SamplePair pair : viewModel.samplePairs()) {
            MenuItem item = new MenuItem(pair.label());
            item.setOnAction(e -> viewModel.openSample(pair));
            samples.getItems().add(item);
        }
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> stage.close());
        file.getItems().addAll(samples, quit);
        Menu edit = new Menu("_Edit");
        MenuItem swap = new MenuItem("Swap source and target");
        swap.setOnAction(e -> viewModel.swap());
        edit.getItems().add(swap);
        return new MenuBar(file, edit, evaluateMenu(stage));
    }

    /** Evaluate → Evaluate on a dataset… (the evaluation window of issue 7). */
    private static Menu evaluateMenu(Stage stage) {
        Menu evaluate = new Menu("E_valuate");
        MenuItem onDataset = new MenuItem("Evaluate on a dataset…");
        onDataset.setOnAction(e -> org.learningsa.studio.ui.eval.EvaluationView.open(stage,
                org.learningsa.studio.ui.eval.EvaluationWindows.newViewModel()));
        evaluate.getItems().add(onDataset);
        return evaluate;
    }

    private ToolBar toolBar() {
        Button swap = new Button(null, new FontIcon("mdi2s-swap-horizontal"));
        swap.setId("swapButton");
        swap.setTooltip(new Tooltip("Swap source and target"));
        swap.setOnAction(e -> viewModel.swap());
        return new ToolBar(swap, new Separator());
    }

    private SplitPane imagePanes() {
        SplitPane split = new SplitPane(imagePane("sourceView", viewModel.sourcePathProperty()),
                imagePane("targetView", viewModel.targetPathProperty()));
        split.setDividerPositions(0.5);
        return split;
    }

    private StackPane imagePane(String id, ObjectProperty<Path> path) {
        ImageView view = new ImageView();
        view.setId(id);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane pane = new StackPane(view);
        pane.setMinSize(100, 100);
        pane.setStyle("-fx-background-color: #202124;");
        view.fitWidthProperty().bind(pane.widthProperty().subtract(8));
        view.fitHeightProperty().bind(pane.heightProperty().subtract(8));
        path.addListener((obs, old, now) -> view.setImage(now == null ? null : new Image(now.toUri().toString(), true)));
        if (path.get() != null) {
            view.setImage(new Image(path.get().toUri().toString(), true));
        }
        return pane;
    }

    private HBox statusBar() {
        Label engine = new Label();
        engine.setId("engineStatus");
        engine.textProperty().bind(viewModel.engineStatusProperty());
        Label device = new Label();
        device.setId("deviceStatus");
        device.textProperty().bind(viewModel.deviceStatusProperty());
        Label model = new Label();
        model.setId("modelStatus");
        model.textProperty().bind(viewModel.modelStatusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(16, model, spacer, engine, device);
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    /** Starts DJL on a worker thread so the first run does not pay for it and the window never waits. */
    private void warmUpEngine() {
        Task<EngineRuntime> start = new Task<>() {
            @Override
            protected EngineRuntime call() {
                return EngineRuntime.start(DeviceChoice.AUTO);
            }
        };
        start.setOnSucceeded(e -> {
            EngineRuntime runtime = start.getValue();
            viewModel.engineStatusProperty().set("Engine: " + runtime.engineDescription());
            viewModel.deviceStatusProperty().set("Device: " + runtime.deviceDescription()
                    + runtime.fallbackMessage().map(m -> " — " + m).orElse(""));
        });
        start.setOnFailed(e -> viewModel.engineStatusProperty().set("Engine: unavailable — " + start.getException().getMessage()));
        Thread thread = new Thread(start, "engine-start");
        thread.setDaemon(true);
        thread.start();
    }
}
