package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.ui.pair.DisplayViewModel;

/** The menu bar and the toolbar of the main window, with the keyboard shortcuts. */
final class MainMenus {

    /** Help → Keyboard shortcuts: a Markdown table (keys, what they do), shown in aligned columns. */
    static final String SHORTCUTS = """
            | Keys | Does |
            |---|---|
            | Ctrl+O | open the source image |
            | Ctrl+Shift+O | open the target image |
            | Ctrl+Shift+X | swap source and target |
            | Ctrl+R or F5 | run the alignment (in the background) |
            | Esc | cancel the running alignment |
            | Ctrl+K | open a checkpoint |
            | Ctrl+E | export a figure (PNG, SVG, PDF) |
            | Ctrl+M | morph between the images |
            | Ctrl+0 | fit both images |
            | Ctrl+1 | actual size (1:1) |
            | Ctrl++ / Ctrl+- | zoom in / out |
            | Ctrl+L | link zoom and pan of the two images |
            | 0 | fused readout |
            | 1 … 4 | readout of level 1 … 4 |
            | Ctrl+G | show the 20×20 cell grid |
            | Ctrl+J | show the per-scale strip |
            | Ctrl+Q | quit |
            """ + org.learningsa.studio.ui.edit.EditMenus.SHORTCUTS + """

            Mouse: wheel or pinch zooms, drag pans, a click picks a point and shows its match.
            Drop one image on a side to open it there, two to open both.

            """ + org.learningsa.studio.ui.edit.EditMenus.MOUSE;

    private final MainWindow window;
    private final MainViewModel main;
    private final DisplayViewModel display;
    private final org.learningsa.studio.ui.edit.EditMenus edits;

    MainMenus(MainWindow window) {
        this.window = window;
        this.main = window.mainViewModel();
        this.display = window.displayViewModel();
        this.edits = new org.learningsa.studio.ui.edit.EditMenus(window.editViewModel());
    }

    MenuBar menuBar() {
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), modelMenu(), evaluateMenu(), trainMenu(), viewMenu(), helpMenu());
        bar.setId("menuBar");
        return bar;
    }

    private Menu fileMenu() {
        MenuItem openSource = item("Open source…", "Shortcut+O", "mdi2f-folder-open-outline", main::chooseSource);
        openSource.setId("openSourceItem");
        MenuItem openTarget = item("Open target…", "Shortcut+Shift+O", null, main::chooseTarget);
        Menu recentSource = new Menu("Recent as source");
        Menu recentTarget = new Menu("Recent as target");
        recentSource.setOnShowing(e -> fillRecent(recentSource, main::openSource));
        recentTarget.setOnShowing(e -> fillRecent(recentTarget, main::openTarget));
        fillRecent(recentSource, main::openSource);
        fillRecent(recentTarget, main::openTarget);
        main.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> {
            fillRecent(recentSource, main::openSource);
            fillRecent(recentTarget, main::openTarget);
        });
        Menu samples = new Menu("Sample pairs");
        samples.setId("samplesMenu");
        for (SamplePair pair : main.samplePairs()) {
            MenuItem sample = new MenuItem(pair.label());
            sample.setOnAction(e -> main.openSample(pair));
            samples.getItems().add(sample);
        }
        MenuItem export = item("Export figure…", "Shortcut+E", "mdi2i-image-move", window::showExportFigure);
        export.setId("exportItem");
        MenuItem batchResults = item("Open batch results…", null, null, () ->
                org.learningsa.studio.ui.batch.BatchResultsWindows.chooseAndOpen(window.stage(), main.dialogs(),
                        main.initialFolder(), window::openBatchRow));
        batchResults.setId("openBatchResultsItem");
        MenuItem quit = item("Quit", "Shortcut+Q", null, window::close);
        Menu file = new Menu("_File");
        file.getItems().addAll(openSource, openTarget, recentSource, recentTarget, samples, batchResults,
                new SeparatorMenuItem(), export, new SeparatorMenuItem());
        file.getItems().addAll(edits.fileItems());
        file.getItems().addAll(new SeparatorMenuItem(), quit);
        return file;
    }

    private void fillRecent(Menu menu, Consumer<Path> open) {
        menu.getItems().clear();
        for (Path file : main.recentFiles()) {
            MenuItem entry = new MenuItem(file.getFileName() + "  —  " + file.getParent());
            entry.setMnemonicParsing(false);
            entry.setOnAction(e -> open.accept(file));
            menu.getItems().add(entry);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(no recent files)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    private Menu editMenu() {
        MenuItem swap = item("Swap source and target", "Shortcut+Shift+X", "mdi2s-swap-horizontal", main::swap);
        MenuItem style = item("Style transfer…", null, "mdi2p-palette-outline",
                () -> org.learningsa.studio.ui.style.StyleWindows.open(window.stage(), main, window.editViewModel()));
        style.setId("styleTransferItem");
        MenuItem colorize = item("Colorize…", null, "mdi2f-format-color-fill",
                () -> org.learningsa.studio.ui.colorize.ColorizeWindows.open(window.stage(), main, window.editViewModel()));
        colorize.setId("colorizeItem");
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(edits.editItems());
        edit.getItems().addAll(new SeparatorMenuItem(), swap, new SeparatorMenuItem(), style, colorize);
        return edit;
    }

    private Menu modelMenu() {
        MenuItem run = item("Run", "Shortcut+R", "mdi2p-play", main::run);
        run.setId("runItem");
        run.disableProperty().bind(main.runningProperty());
        MenuItem runF5 = item("Run (F5)", "F5", null, main::run);
        runF5.setVisible(false);
        MenuItem cancel = item("Cancel", "Esc", "mdi2s-stop", main::cancel);
        cancel.disableProperty().bind(main.runningProperty().not());
        MenuItem open = item("Open checkpoint…", "Shortcut+K", "mdi2f-file-download-outline", main::chooseCheckpoint);
        open.setId("openCheckpointItem");
        MenuItem refresh = item("Look for checkpoints again", null, null, main::refreshModels);
        Menu model = new Menu("_Model");
        model.getItems().addAll(run, runF5, cancel, new SeparatorMenuItem(), open, refresh);
        return model;
    }

    private Menu viewMenu() {
        MenuItem fit = item("Fit", "Shortcut+0", "mdi2f-fit-to-page-outline", () -> window.pairView().fit());
        MenuItem actual = item("Actual size (1:1)", "Shortcut+1", null, () -> window.pairView().actualSize());
        MenuItem zoomIn = item("Zoom in", "Shortcut+Plus", null, () -> window.pairView().zoom(1.25));
        MenuItem zoomInEquals = item("Zoom in", "Shortcut+Equals", null, () -> window.pairView().zoom(1.25));
        zoomInEquals.setVisible(false);
        MenuItem zoomOut = item("Zoom out", "Shortcut+Minus", null, () -> window.pairView().zoom(1 / 1.25));
        CheckMenuItem link = check("Link zoom and pan", "Shortcut+L", display.linkViewsProperty());
        Menu readouts = new Menu("Readout");
        ToggleGroup group = new ToggleGroup();
        for (Readout readout : Readout.values()) {
            RadioMenuItem choice = new RadioMenuItem(readout == Readout.FUSED ? "Fused" : "Level " + readout.level());
            choice.setToggleGroup(group);
            choice.setAccelerator(KeyCombination.keyCombination(String.valueOf(readout.level())));
            choice.setSelected(display.readoutProperty().get() == readout);
            choice.setOnAction(e -> display.readoutProperty().set(readout));
            display.readoutProperty().addListener((obs, old, now) -> choice.setSelected(now == readout));
            readouts.getItems().add(choice);
        }
        CheckMenuItem refined = check("Refined per-pixel map (morph, style, colorize)", null,
                window.editViewModel().refinedMap().enabledProperty());
        refined.setId("refinedMapItem");
        CheckMenuItem lines = check("Show lines", null, display.showLinesProperty());
        CheckMenuItem points = check("Show points", null, display.showPointsProperty());
        CheckMenuItem grid = check("Show 20×20 cell grid", "Shortcut+G", display.showCellGridProperty());
        CheckMenuItem strip = new CheckMenuItem("Show per-scale strip");
        strip.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
        strip.setSelected(main.preferences().getBoolean("layout.showStrip", true));
        strip.selectedProperty().addListener((obs, old, now) -> window.strip().setVisible(now));
        Menu view = new Menu("_View");
        view.getItems().addAll(fit, actual, zoomIn, zoomInEquals, zoomOut, link, new SeparatorMenuItem(), readouts,
                refined, lines, points, grid, strip);
        view.getItems().addAll(new SeparatorMenuItem(), morphItem(), denseFlowItem());
        return view;
    }

    /**
     * View → Dense flow…: the per-pixel map the applications read (refined, or the grid until it is ready) as
     * flow colours, confidence, the other image warped onto this one and the difference, either direction.
     */
    private MenuItem denseFlowItem() {
        MenuItem dense = item("Dense flow…", null, null, () -> {
            org.learningsa.studio.align.Alignment alignment = main.alignmentProperty().get();
            if (alignment == null || main.sourcePixelsProperty().get() == null
                    || main.targetPixelsProperty().get() == null) {
                main.dialogs().notify(org.learningsa.studio.ui.dialog.Notification.info("Nothing to show yet",
                        "Open a pair and press Run first: the dense flow follows the alignment."));
                return;
            }
            org.learningsa.studio.align.Correspondence applied = window.editViewModel().appliedProperty().get();
            org.learningsa.studio.ui.dense.DenseFlowWindows.open(window.stage(), applied != null ? applied
                    : new org.learningsa.studio.align.NetworkCorrespondence(alignment, display.readoutProperty().get()),
                    main.sourcePixelsProperty().get(), main.targetPixelsProperty().get(), main.tasks());
        });
        dense.setId("denseFlowItem");
        return dense;
    }

    /**
     * View → Morph between the images…: the morph window on the current readout with the user's points (issue 15,
     * ui.morph). The window keeps the correspondence it was opened with; reopen it after editing.
     */
    private MenuItem morphItem() {
        MenuItem morph = item("Morph between the images…", "Shortcut+M", "mdi2a-animation-play-outline", () -> {
            org.learningsa.studio.align.Alignment alignment = main.alignmentProperty().get();
            if (alignment == null || main.sourcePixelsProperty().get() == null || main.targetPixelsProperty().get() == null) {
                main.dialogs().notify(org.learningsa.studio.ui.dialog.Notification.info("Nothing to morph yet",
                        "Open a pair and press Run first: the morph follows the alignment."));
                return;
            }
            // the editor's applied correspondence (refined or grid map + the user's points) when there is one
            org.learningsa.studio.align.Correspondence corrected = window.editViewModel().appliedProperty().get();
            org.learningsa.studio.ui.morph.MorphWindows.open(window.stage(), corrected != null ? corrected
                    : new org.learningsa.studio.align.NetworkCorrespondence(alignment, display.readoutProperty().get()),
                    main.sourcePixelsProperty().get(), main.targetPixelsProperty().get(), main.tasks());
        });
        morph.setId("morphItem");
        return morph;
    }

    /** Evaluate → Evaluate on a dataset…: the evaluation window (issue 7, ui.eval). */
    private Menu evaluateMenu() {
        MenuItem onDataset = item("Evaluate on a dataset…", null, "mdi2c-chart-bar", () -> {
            org.learningsa.studio.ui.eval.EvaluationViewModel evaluation = org.learningsa.studio.ui.eval.EvaluationWindows.newViewModel(main.catalog());
            ModelChoice selected = main.selectedModelProperty().get();
            evaluation.checkpointProperty().set(selected == null ? null : selected.checkpoint());
            evaluation.setPairOpener(pair -> {
                main.openPair(pair);
                window.stage().toFront();
            });
            org.learningsa.studio.ui.eval.EvaluationView.open(window.stage(), evaluation);
        });
        onDataset.setId("evaluateDatasetItem");
        Menu evaluate = new Menu("E_valuate");
        evaluate.getItems().add(onDataset);
        return evaluate;
    }

    /** Train → Training panel…: fine-tuning runs (issue 13, ui.train). */
    private Menu trainMenu() {
        MenuItem panel = item("Training panel…", null, "mdi2s-school-outline",
                () -> org.learningsa.studio.ui.train.TrainingWindows.open(window.stage(), main));
        panel.setId("trainingPanelItem");
        Menu train = new Menu("_Train");
        train.getItems().add(panel);
        return train;
    }

    private Menu helpMenu() {
        MenuItem shortcuts = item("Keyboard shortcuts", null, null, window::showShortcuts);
        MenuItem about = item("About LearningSA Studio", null, "mdi2i-information-outline", window::showAbout);
        about.setId("aboutItem");
        Menu help = new Menu("_Help");
        help.getItems().addAll(shortcuts, about);
        return help;
    }

    ToolBar toolBar() {
        Button openSource = button("openSourceButton", "mdi2i-image-plus", "Open the source image (Ctrl+O)", main::chooseSource);
        Button openTarget = button("openTargetButton", "mdi2i-image-plus-outline", "Open the target image (Ctrl+Shift+O)",
                main::chooseTarget);
        Button swap = button("swapButton", "mdi2s-swap-horizontal", "Swap source and target (Ctrl+Shift+X)", main::swap);
        MenuButton samples = new MenuButton("Samples", new FontIcon("mdi2i-image-multiple-outline"));
        samples.setId("samplesButton");
        samples.setTooltip(new Tooltip("Open a sample pair shipped with the app"));
        for (SamplePair pair : main.samplePairs()) {
            MenuItem sample = new MenuItem(pair.label());
            sample.setOnAction(e -> main.openSample(pair));
            samples.getItems().add(sample);
        }

        ComboBox<ModelChoice> model = modelSelector();
        model.setTooltip(new Tooltip("The model that aligns the pair: the weight-free default or a LearningSA checkpoint"));
        Button openCheckpoint = button("openCheckpointButton", "mdi2f-file-download-outline", "Open checkpoint… (Ctrl+K)",
                main::chooseCheckpoint);
        Button run = button("runButton", "mdi2p-play", "Align the pair in the background (Ctrl+R)", main::run);
        run.setText("Run");
        run.disableProperty().bind(main.runningProperty());
        run.setDefaultButton(false);

        Button fit = button("fitButton", "mdi2f-fit-to-page-outline", "Fit both images (Ctrl+0)", () -> window.pairView().fit());
        Button actual = button("actualSizeButton", "mdi2n-numeric-1-box-outline", "Actual size, 1:1 (Ctrl+1)",
                () -> window.pairView().actualSize());
        ToggleButton link = new ToggleButton(null, new FontIcon("mdi2l-link-variant"));
        link.setId("linkButton");
        link.setTooltip(new Tooltip("Link zoom and pan of the two images (Ctrl+L)"));
        link.selectedProperty().bindBidirectional(display.linkViewsProperty());
        Button export = button("exportButton", "mdi2i-image-move", "Export a figure: PNG, SVG or PDF (Ctrl+E)",
                window::showExportFigure);
        export.disableProperty().bind(Bindings.isNull(main.sourcePathProperty()));

        ToolBar bar = new ToolBar(openSource, openTarget, swap, samples, new Separator(), model, openCheckpoint, run,
                new Separator(), fit, actual, link, new Separator(), export, new Separator(), edits.toolbarToggle());
        bar.setId("toolBar");
        return bar;
    }

    /** The models, then "Open checkpoint…", which asks for a file and leaves the selection as it was. */
    private ComboBox<ModelChoice> modelSelector() {
        ModelChoice openEntry = new ModelChoice("open-checkpoint", "Open checkpoint…", null);
        javafx.collections.ObservableList<ModelChoice> entries = javafx.collections.FXCollections.observableArrayList();
        ComboBox<ModelChoice> model = new ComboBox<>(entries);
        model.setId("modelChoice");
        model.setPrefWidth(320);
        boolean[] syncing = {false};
        Runnable refill = () -> {
            syncing[0] = true;
            entries.setAll(main.models());
            entries.add(openEntry);
            // replacing the items clears the box's own selection (a run adding epoch_001.pt after the selected
            // last.pt left it empty while the status bar named the model): show the model again
            model.setValue(main.selectedModelProperty().get());
            syncing[0] = false;
        };
        main.models().addListener((javafx.collections.ListChangeListener<ModelChoice>) c -> refill.run());
        refill.run();
        main.selectedModelProperty().addListener((obs, old, now) -> {
            syncing[0] = true;
            model.setValue(now);
            syncing[0] = false;
        });
        model.valueProperty().addListener((obs, old, now) -> {
            if (syncing[0] || now == null) {
                return;
            }
            if (now == openEntry) {
                // show the current model again, then ask (after this event, so the popup has closed)
                javafx.application.Platform.runLater(() -> {
                    syncing[0] = true;
                    model.setValue(main.selectedModelProperty().get());
                    syncing[0] = false;
                    main.chooseCheckpoint();
                });
            } else {
                main.selectedModelProperty().set(now);
            }
        });
        return model;
    }

    private static Button button(String id, String icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private static MenuItem item(String text, String accelerator, String icon, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        if (icon != null) {
            item.setGraphic(new FontIcon(icon));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static CheckMenuItem check(String text, String accelerator, javafx.beans.property.BooleanProperty property) {
        CheckMenuItem item = new CheckMenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.selectedProperty().bindBidirectional(property);
        return item;
    }
}
