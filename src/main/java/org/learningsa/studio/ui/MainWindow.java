package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.learningsa.studio.core.AppInfo;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.FxDialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.dialog.NotificationArea;
import org.learningsa.studio.export.figure.MatchFigureContent;
import org.learningsa.studio.ui.figure.ExportFigureDialog;
import org.learningsa.studio.ui.figure.ExportFigureViewModel;
import org.learningsa.studio.ui.figure.ViewFigureContent;
import org.learningsa.studio.ui.pair.DisplayPanel;
import org.learningsa.studio.ui.pair.DisplayViewModel;
import org.learningsa.studio.ui.pair.InspectorPanel;
import org.learningsa.studio.ui.pair.InspectorViewModel;
import org.learningsa.studio.ui.pair.PairView;
import org.learningsa.studio.ui.task.TaskRunner;
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
    private final ExportFigureViewModel figureModel;
    private final ExportFigureDialog figureDialog;

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
        this.figureModel = new ExportFigureViewModel(tasks, dialogs, preferences);
        this.figureDialog = new ExportFigureDialog(figureModel, dialogs, main.preferences()::saveFolder,
                main.preferences()::rememberSave);
        this.editor = new org.learningsa.studio.ui.edit.EditViewModel(tasks, dialogs,
                new org.learningsa.studio.editing.PointsAutosave());
        editor.files().useFoldersOf(preferences);
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
        org.learningsa.studio.ui.pair.ReferencePointsLayer.install(pairView, main.referencePointsProperty());
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
        sidebarScroll.setId("sidebar");
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
        // a training run going on asks first: stop and save, or let it finish in the background (ui.train)
        window.setOnCloseRequest(e -> {
            if (!org.learningsa.studio.ui.train.TrainingWindows.mayCloseApp(window)) {
                e.consume();
            }
        });
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
        keepSidebarWidth(body, sidebarScroll, Math.max(260, prefs.getDouble("layout.sidebarWidth", 340)));
        main.startEngine();
    }

    /**
     * Keeps the sidebar at its width in pixels while the window resizes (a split pane keeps ratios,
     * so a window shrunk and grown back left a wider sidebar); only the images grow and shrink. The
     * width changes only when the user drags the divider. When the window is too narrow for it, the
     * split pane narrows the sidebar for the moment; the wanted width comes back with the room.
     */
    private static void keepSidebarWidth(SplitPane body, ScrollPane sidebar, double initialWidth) {
        double[] wanted = {initialWidth};
        Runnable apply = () -> {
            double width = body.getWidth();
            if (width > 0) {
                body.setDividerPositions(Math.max(0.2, 1 - wanted[0] / width));
            }
        };
        body.widthProperty().addListener(obs -> apply.run());
        double[] atPress = {Double.NaN};
        body.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> atPress[0] = body.getDividerPositions()[0]);
        body.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (!Double.isNaN(atPress[0]) && atPress[0] != body.getDividerPositions()[0]) {
                wanted[0] = sidebar.getWidth();
            }
            atPress[0] = Double.NaN;
        });
        apply.run();
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

    /** File → Export figure…: the dialog with a live preview of the figure as it will be written. */
    /** The File → Export figure… dialog (tests press its buttons). */
    ExportFigureDialog figureDialog() {
        return figureDialog;
    }

    void showExportFigure() {
        if (!refreshFigureContent()) {
            return;
        }
        figureDialog.show(stage);
    }

    /**
     * Writes the current view as a figure to {@code file} with the dialog's remembered settings, without
     * the dialog: the same renderer as {@code lsa match --figure}, never a screen grab.
     */
    public void exportView(Path file) {
        if (refreshFigureContent()) {
            figureModel.export(file);
        }
    }

    /** Gives the export model what the view shows now; false (and a notification) when there is nothing yet. */
    private boolean refreshFigureContent() {
        MatchFigureContent content = ViewFigureContent.of(display.alignmentProperty().get(),
                main.sourcePixelsProperty().get(), main.targetPixelsProperty().get(),
                display.visibleMatchesProperty().get(), display.readoutProperty().get(), display.topNProperty().get(),
                inspector.inspectionProperty().get());
        if (content == null) {
            main.dialogs().notify(Notification.warning("Nothing to export yet",
                    "Run the alignment first: a figure shows the pair with its matches."));
            return false;
        }
        // the editor's points, labelled or not, for "keypoint labels"
        content = content.withLabels(editor.pointsProperty().get().stream()
                .map(p -> new MatchFigureContent.LabelledPoint(p.label(), p.source(), p.target())).toList());
        // the dense panels show the map the editor applies (the refined one once it is there), as View → Dense flow
        org.learningsa.studio.align.Correspondence applied = editViewModel().appliedProperty().get();
        content = content.withDense(new org.learningsa.studio.export.figure.DenseFigureImages(applied != null ? applied
                : new org.learningsa.studio.align.NetworkCorrespondence(display.alignmentProperty().get(),
                display.readoutProperty().get()), main.sourcePixelsProperty().get(), main.targetPixelsProperty().get()));
        figureModel.baseStyleProperty().set(ViewFigureContent.style(display.colorMapProperty().get()));
        figureModel.contentProperty().set(content);
        return true;
    }

    /** The figure export dialog's model (tests drive it). */
    public ExportFigureViewModel figureModel() {
        return figureModel;
    }

    private static String stem(Path file) {
        String name = file == null ? "image" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * A row of a batch run (File → Open batch results…) as the current pair, with the main window's model: its
     * transferred keypoints go to the editor unless the pair has an autosave (the user's review of it).
     */
    public void openBatchRow(org.learningsa.studio.batch.BatchResults.Row row) {
        if (row.points() != null) {
            editor.files().offerForPair(row.source(), row.target(), row.points());
        }
        ModelChoice model = main.selectedModelProperty().get();
        main.openPair(new PairToOpen(row.source(), row.target(), model == null ? ModelChoice.weightFreeDefault() : model,
                null, null));
        if (stage() != null) {
            stage().toFront();
        }
    }

    void showAbout() {
        main.dialogs().showText("About " + AppInfo.NAME, AboutText.header(),
                AboutText.body(main.engineStatusProperty().get(), main.deviceStatusProperty().get()));
    }

    void showShortcuts() {
        main.dialogs().showMarkdown("Keyboard shortcuts", "Keyboard shortcuts", MainMenus.SHORTCUTS);
    }

    void close() {
        // File → Quit closes without a close request: ask about a running training here too
        if (stage != null && org.learningsa.studio.ui.train.TrainingWindows.mayCloseApp(stage)) {
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
