package org.learningsa.studio.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.learningsa.studio.core.AppInfo;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.FxDialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.dialog.NotificationArea;
import org.learningsa.studio.ui.pair.DisplayPanel;
import org.learningsa.studio.ui.pair.DisplayViewModel;
import org.learningsa.studio.ui.pair.InspectorPanel;
import org.learningsa.studio.ui.pair.InspectorViewModel;
import org.learningsa.studio.ui.pair.PairView;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskRunner;
import org.learningsa.studio.ui.view.FxImages;
import org.learningsa.studio.ui.view.ScaleStrip;

/**
 * The main window: menu bar and toolbar ({@link MainMenus}), the pair with its overlay, the
 * per-scale strip, the display controls and the inspector, and the status bar. It wires the view
 * models together; the views only bind to them.
 */
public final class MainWindow {

    private final MainViewModel main;
    private final DisplayViewModel display;
    private final InspectorViewModel inspector;
    private final org.learningsa.studio.ui.edit.EditViewModel editor;
    private final NotificationArea notifications = new NotificationArea();
    private Stage stage;
    private PairView pairView;
    private ScaleStrip strip;

    /**
     * @param dialogDecorator wraps the window's dialog service (tests answer file choosers with it); identity in the app
     */
    public MainWindow(List<SamplePair> samples, AlignerCatalog catalog, TaskRunner tasks, StudioPreferences preferences,
            UnaryOperator<DialogService> dialogDecorator) {
        DialogService dialogs = dialogDecorator.apply(new FxDialogService(() -> stage, notifications));
        this.main = new MainViewModel(samples, catalog, tasks, dialogs, preferences);
        this.display = new DisplayViewModel(preferences);
        this.inspector = new InspectorViewModel();
        display.alignmentProperty().bind(main.alignmentProperty());
        inspector.alignmentProperty().bind(main.alignmentProperty());
        inspector.readoutProperty().bind(display.readoutProperty());
        this.editor = new org.learningsa.studio.ui.edit.EditViewModel(tasks, dialogs,
                new org.learningsa.studio.editing.PointsAutosave());
        bindEditor();
    }

    /** The point editor reads the pair and the run; the matches shown follow its corrected correspondence. */
    private void bindEditor() {
        editor.alignmentProperty().bind(main.alignmentProperty());
        editor.readoutProperty().bind(display.readoutProperty());
        editor.sourcePixelsProperty().bind(main.sourcePixelsProperty());
        editor.targetPixelsProperty().bind(main.targetPixelsProperty());
        editor.files().sourcePathProperty().bind(main.sourcePathProperty());
        editor.files().targetPathProperty().bind(main.targetPathProperty());
        editor.correctedProperty().addListener((obs, old, now) -> display.matchCorrectionProperty().set(
                matches -> matches == null ? null : org.learningsa.studio.editing.CorrectedMatches.apply(matches, now)));
    }

    public void show(Stage window) {
        this.stage = window;
        pairView = new PairView(main, display, inspector, notifications);
        org.learningsa.studio.ui.edit.EditLayer.install(pairView, editor, inspector);
        strip = new ScaleStrip(display.readoutProperty()::set);
        bindStrip();

        StudioPreferences prefs = main.preferences();
        // the strip sits under the pair behind a divider, so it can be made as large as wanted
        SplitPane work = new SplitPane(pairView);
        work.setOrientation(Orientation.VERTICAL);
        double stripDivider = prefs.getDouble("layout.stripDivider", 0.76);
        Runnable showStrip = () -> {
            if (strip.isVisible() && !work.getItems().contains(strip)) {
                work.getItems().add(strip);
                work.setDividerPositions(prefs.getDouble("layout.stripDivider", stripDivider));
            } else if (!strip.isVisible() && work.getItems().contains(strip)) {
                prefs.putDouble("layout.stripDivider", work.getDividerPositions()[0]);
                work.getItems().remove(strip);
            }
        };
        strip.setVisible(prefs.getBoolean("layout.showStrip", true));
        strip.visibleProperty().addListener((obs, old, now) -> {
            prefs.putBoolean("layout.showStrip", now);
            showStrip.run();
        });
        showStrip.run();

        TitledPane displayPane = new TitledPane("Display", new DisplayPanel(display));
        TitledPane inspectorPane = new TitledPane("Inspector", new InspectorPanel(inspector));
        TitledPane editPane = new TitledPane("Edit points",
                new org.learningsa.studio.ui.edit.EditPanel(editor, display.filteredNetworkMatchesProperty()));
        editPane.setId("editPane");
        VBox sidebar = new VBox(displayPane, inspectorPane, editPane);
        ScrollPane sidebarScroll = new ScrollPane(sidebar);
        sidebarScroll.setFitToWidth(true);
        sidebarScroll.setMinWidth(260);
        sidebarScroll.setPrefWidth(340);

        SplitPane body = new SplitPane(work, sidebarScroll);
        body.setOrientation(Orientation.HORIZONTAL);

        MainMenus menus = new MainMenus(this);
        BorderPane root = new BorderPane();
        root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        root.setCenter(body);
        root.setBottom(new StatusBar(main));

        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource("studio.css").toExternalForm());
        window.setTitle(AppInfo.NAME);
        window.setScene(scene);
        WindowPlacement placement = new WindowPlacement(prefs.node());
        placement.restore(window);
        window.setOnHidden(e -> {
            placement.save(window);
            // widths in pixels: a ratio saved during the first layout pass would drift from run to run
            prefs.putDouble("layout.sidebarWidth", sidebarScroll.getWidth());
            prefs.putDouble("layout.pairDivider", pairView.split().getDividerPositions()[0]);
            if (work.getItems().contains(strip)) {
                prefs.putDouble("layout.stripDivider", work.getDividerPositions()[0]);
            }
            prefs.flush();
            main.cancel();
        });
        window.show();
        placeSidebar(body, Math.max(260, prefs.getDouble("layout.sidebarWidth", 340)));
        main.startEngine();
    }

    /**
     * Gives the sidebar its remembered width in pixels. The window takes its restored size over the
     * first layout passes, so the width is applied on each of them, then left to the user.
     */
    private static void placeSidebar(SplitPane body, double sidebarWidth) {
        javafx.beans.value.ChangeListener<Number> apply = (obs, old, width) -> {
            if (width.doubleValue() > 2 * sidebarWidth) {
                body.setDividerPositions(1 - sidebarWidth / width.doubleValue());
            }
        };
        body.widthProperty().addListener(apply);
        apply.changed(body.widthProperty(), 0, body.getWidth());
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        settle.setOnFinished(e -> body.widthProperty().removeListener(apply));
        settle.play();
    }

    private void bindStrip() {
        Runnable images = () -> strip.setImages(pairView.sourceImage(), pairView.targetImage());
        pairView.sourcePane().imageProperty().addListener(obs -> images.run());
        pairView.targetPane().imageProperty().addListener(obs -> images.run());
        Runnable data = () -> strip.setData(display.alignmentProperty().get(), display.matchesPerReadoutProperty().get(),
                display.colorMapProperty().get(), display.showLevelWeightsProperty().get(), display.readoutProperty().get());
        for (var input : List.of(display.matchesPerReadoutProperty(), display.colorMapProperty(),
                display.showLevelWeightsProperty(), display.readoutProperty())) {
            input.addListener(obs -> data.run());
        }
        images.run();
        data.run();
    }

    /** File → Export view as PNG: the pair with its overlay as shown, written atomically in the background. */
    void exportView() {
        Path source = main.sourcePathProperty().get();
        Path target = main.targetPathProperty().get();
        String suggested = (source == null ? "view" : stem(source) + "-" + stem(target)) + "-"
                + display.readoutProperty().get().label().replace(" ", "") + ".png";
        main.dialogs().chooseFileToSave("Export view as PNG", main.initialFolder(), suggested, "PNG image", List.of("*.png"))
                .ifPresent(this::exportView);
    }

    /** Writes the current view to {@code file} (snapshot now, encoding and writing on a worker). */
    public void exportView(Path file) {
        WritableImage snapshot = pairView.snapshot(null, null);
        BufferedImage pixels = FxImages.toBufferedImage(snapshot);
        main.tasks().submit(BackgroundTask.of("Exporting " + file.getFileName(), (progress, cancel) -> {
            FxImages.writePngAtomically(pixels, file);
            return file;
        }).onSuccess(written -> main.dialogs().notify(Notification.info("Exported", "The view was saved as " + written + ".")))
          .onFailure(error -> main.dialogs().notify(Notification.error("Export failed", error))));
    }

    private static String stem(Path file) {
        String name = file == null ? "image" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    void showAbout() {
        main.dialogs().showText("About " + AppInfo.NAME, AboutText.header(),
                AboutText.body(main.engineStatusProperty().get(), main.deviceStatusProperty().get()));
    }

    void showShortcuts() {
        main.dialogs().showText("Keyboard shortcuts", "Keyboard shortcuts", MainMenus.SHORTCUTS);
    }

    void close() {
        if (stage != null) {
            stage.close();
        }
    }

    public MainViewModel mainViewModel() {
        return main;
    }

    public DisplayViewModel displayViewModel() {
        return display;
    }

    public InspectorViewModel inspectorViewModel() {
        return inspector;
    }

    public org.learningsa.studio.ui.edit.EditViewModel editViewModel() {
        return editor;
    }

    PairView pairView() {
        return pairView;
    }

    ScaleStrip strip() {
        return strip;
    }

    Stage stage() {
        return stage;
    }
}
