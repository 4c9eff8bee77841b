package org.learningsa.studio.ui.eval;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.SkippedPair;
import org.learningsa.studio.eval.EvaluationSettings;
import org.learningsa.studio.eval.PairResult;
import org.learningsa.studio.eval.ThresholdKind;

/**
 * The evaluation window: pick a dataset folder and benchmark, run in the background with progress
 * and Cancel, read PCK per α and per category as a chart and a table, click a pair to see its
 * ground-truth and predicted keypoints with their errors.
 */
public final class EvaluationView {

    /** The α whose correctness colours the pair view at first (the paper's headline α are 0.05 and 0.10). */
    private static final double SHOWN_ALPHA = 0.10;

    /** The window's size when it opens; every name and legend must read whole at this size. */
    static final double DEFAULT_WIDTH = 1200;
    static final double DEFAULT_HEIGHT = 800;

    private final EvaluationViewModel viewModel;
    private final EvaluationSummary summary = new EvaluationSummary();
    private final TableView<PairResult> pairTable = new TableView<>();
    private final TableColumn<PairResult, String> pairColumn = new TableColumn<>("pair");
    private final TableView<SkippedPair> skippedTable = new TableView<>();
    private final PairKeypointCanvas pairCanvas = new PairKeypointCanvas();
    private final ChoiceBox<Double> shownAlpha = new ChoiceBox<>();

    public EvaluationView(EvaluationViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Opens the view in its own window. */
    public static Stage open(Window owner, EvaluationViewModel viewModel) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Evaluate on a dataset");
        stage.setScene(new Scene(new EvaluationView(viewModel).build(), DEFAULT_WIDTH, DEFAULT_HEIGHT));
        stage.setOnHidden(e -> viewModel.cancel());
        stage.show();
        return stage;
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.setTop(new VBox(6, settingsRow(), modelRow(), runRow(), progressRow()));
        BorderPane.setMargin(root.getTop(), new Insets(8));
        SplitPane results = new SplitPane(summary.build(viewModel.alphas()), pairsPane());
        results.setDividerPositions(0.42);
        root.setCenter(results);
        viewModel.reportProperty().addListener((obs, old, now) -> summary.show(now));
        viewModel.selectedPairProperty().addListener((obs, old, now) ->
                pairCanvas.show(now, viewModel.runSettings(), shownAlpha.getValue()));
        shownAlpha.valueProperty().addListener((obs, old, now) ->
                pairCanvas.show(viewModel.selectedPairProperty().get(), viewModel.runSettings(), now));
        return root;
    }

    private HBox settingsRow() {
        TextField folder = new TextField();
        folder.setId("evalFolder");
        folder.setPromptText("dataset folder (LearningSA data/, or SPair-71k)");
        folder.setPrefColumnCount(40);
        folder.setText(viewModel.dataFolderProperty().get() == null ? "" : viewModel.dataFolderProperty().get().toString());
        viewModel.dataFolderProperty().addListener((obs, old, now) -> folder.setText(now == null ? "" : now.toString()));
        folder.setOnAction(e -> viewModel.dataFolderProperty().set(folder.getText().isBlank() ? null : Path.of(folder.getText().trim())));
        folder.focusedProperty().addListener((obs, old, focused) -> {
            if (!focused && !folder.getText().isBlank()) {
                viewModel.dataFolderProperty().set(Path.of(folder.getText().trim()));
            }
        });
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Dataset folder");
            File chosen = chooser.showDialog(browse.getScene().getWindow());
            if (chosen != null) {
                viewModel.dataFolderProperty().set(chosen.toPath());
            }
        });
        ChoiceBox<Benchmark> benchmark = new ChoiceBox<>(FXCollections.observableArrayList(Benchmark.values()));
        benchmark.setId("evalBenchmark");
        benchmark.valueProperty().bindBidirectional(viewModel.benchmarkProperty());
        ChoiceBox<ThresholdKind> threshold = new ChoiceBox<>(FXCollections.observableArrayList(ThresholdKind.values()));
        threshold.valueProperty().bindBidirectional(viewModel.thresholdProperty());
        threshold.setTooltip(new Tooltip("image-size: 288 frame, L = 288 (PF-PASCAL in the paper); bbox: original pixels, "
                + "L = object size (PF-WILLOW: extent of the target keypoints; SPair: target box)"));
        ChoiceBox<Mapping> mapping = new ChoiceBox<>(FXCollections.observableArrayList(Mapping.values()));
        mapping.valueProperty().bindBidirectional(viewModel.mappingProperty());
        mapping.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Mapping value) {
                return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public Mapping fromString(String text) {
                return Mapping.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        mapping.setTooltip(new Tooltip("paper: the reference's keypoint transfer (reproduces published numbers); "
                + "exact: the geometric inverse of resize and padding"));
        HBox row = new HBox(8, label("Folder"), folder, browse, label("Benchmark"), benchmark,
                label("Threshold"), threshold, label("Mapping"), mapping);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(folder, Priority.ALWAYS);
        keepPreferredWidths(row);
        return row;
    }

    private HBox modelRow() {
        Label model = new Label();
        model.setId("evalModel");
        model.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip modelTip = new Tooltip();
        modelTip.textProperty().bind(viewModel.checkpointProperty().map(Path::toString).orElse("no checkpoint: the weight-free "
                + "default aligner, for trying the evaluation; PCK of the paper needs a LearningSA checkpoint"));
        model.setTooltip(modelTip);
        model.textProperty().bind(viewModel.checkpointProperty().map(p -> "Model: LearningSA " + p.getFileName())
                .orElse("Model: weight-free default aligner (not the paper's model)"));
        Button choose = new Button("Checkpoint…");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("LearningSA checkpoint");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PyTorch checkpoint", "*.pt", "*.pth"));
            File chosen = chooser.showOpenDialog(choose.getScene().getWindow());
            if (chosen != null) {
                viewModel.checkpointProperty().set(chosen.toPath());
            }
        });
        Button clear = new Button("Default aligner");
        clear.setOnAction(e -> viewModel.checkpointProperty().set(null));
        HBox row = new HBox(8, model, choose, clear);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(model, Priority.ALWAYS);
        keepPreferredWidths(row);
        return row;
    }

    /** Limit, Run, Cancel, Save and Open pair: a row of their own, so the model's name above keeps its room. */
    private HBox runRow() {
        Spinner<Integer> limit = new Spinner<>(0, 100_000, 0, 10);
        limit.setEditable(true);
        limit.setPrefWidth(100);
        limit.valueProperty().addListener((obs, old, now) -> viewModel.limitProperty().set(now == null ? 0 : now));
        limit.setTooltip(new Tooltip("evaluate only the first N pairs (0 = all)"));
        Button run = new Button("Run");
        run.setId("evalRun");
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.runningProperty());
        run.setOnAction(e -> viewModel.run());
        Button cancel = new Button("Cancel");
        cancel.setId("evalCancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        Button save = new Button("Save report…");
        save.disableProperty().bind(viewModel.reportProperty().isNull());
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the PCK report");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON report", "*.json"));
            org.learningsa.studio.ui.StudioPreferences preferences = org.learningsa.studio.ui.StudioPreferences.forApp();
            chooser.setInitialDirectory(preferences.saveFolder().toFile());
            chooser.setInitialFileName("pck-report.json");
            File chosen = chooser.showSaveDialog(save.getScene().getWindow());
            if (chosen != null) {
                preferences.rememberSave(chosen.toPath());
                viewModel.saveReport(chosen.toPath());
            }
        });
        HBox row = new HBox(8, label("Limit"), limit, run, cancel, save);
        if (viewModel.canOpenPairs()) {
            Button openPair = new Button("Open pair in main window");
            openPair.setId("evalOpenPair");
            openPair.disableProperty().bind(viewModel.selectedPairProperty().isNull());
            openPair.setOnAction(e -> viewModel.openSelectedInMainWindow());
            row.getChildren().add(openPair);
        }
        row.setAlignment(Pos.CENTER_LEFT);
        keepPreferredWidths(row);
        return row;
    }

    private HBox progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("evalProgress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(viewModel.progressProperty());
        Label status = new Label();
        status.setId("evalStatus");
        status.textProperty().bind(viewModel.statusProperty());
        status.setWrapText(true);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, bar, status);
        HBox.setHgrow(status, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private SplitPane pairsPane() {
        pairTable.setId("evalPairs");
        pairTable.setItems(viewModel.pairs());
        pairTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pairColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(shortName(c.getValue())));
        FittedColumns.withTooltips(pairColumn, name -> name);
        TableColumn<PairResult, String> category = new TableColumn<>("category");
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().pair().category()));
        FittedColumns.withTooltips(category, name -> name);
        // each new row widens the column to its name, so no pair is shown as "2009_00…"
        viewModel.pairs().addListener((javafx.collections.ListChangeListener<PairResult>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && viewModel.pairs().isEmpty()) {
                    FittedColumns.reset(pairColumn);
                    FittedColumns.reset(category);
                }
                change.getAddedSubList().forEach(r -> {
                    FittedColumns.fit(pairColumn, shortName(r));
                    FittedColumns.fit(category, r.pair().category());
                });
            }
        });
        TableColumn<PairResult, Number> points = new TableColumn<>("points");
        points.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().evaluatedPoints()));
        pairTable.getColumns().add(pairColumn);
        pairTable.getColumns().add(category);
        pairTable.getColumns().add(points);
        List<Double> alphas = viewModel.alphas();
        for (int a = 0; a < alphas.size(); a++) {
            int index = a;
            TableColumn<PairResult, String> column = new TableColumn<>("@" + EvaluationSettings.alphaKey(alphas.get(a)));
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(index < c.getValue().pck().length
                    ? EvaluationSummary.percent(c.getValue().pck()[index]) : ""));
            pairTable.getColumns().add(column);
        }
        FittedColumns.fitHeaders(pairTable);
        pairTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedPairProperty().set(now));
        skippedTable.setItems(viewModel.skipped());
        skippedTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SkippedPair, String> skippedWhere = new TableColumn<>("where");
        skippedWhere.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where()));
        TableColumn<SkippedPair, String> reason = new TableColumn<>("why skipped");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        skippedTable.getColumns().add(skippedWhere);
        skippedTable.getColumns().add(reason);
        Tab pairsTab = new Tab("Pairs", pairTable);
        Tab skippedTab = new Tab("Skipped", skippedTable);
        skippedTab.textProperty().bind(javafx.beans.binding.Bindings.size(viewModel.skipped()).asString("Skipped (%d)"));
        TabPane tabs = new TabPane(pairsTab, skippedTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pairCanvas.setId("evalPairView");
        shownAlpha.setId("evalShownAlpha");
        shownAlpha.getItems().setAll(viewModel.alphas());
        shownAlpha.setValue(SHOWN_ALPHA);
        shownAlpha.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double alpha) {
                return alpha == null ? "" : "α " + EvaluationSettings.alphaKey(alpha);
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("α", "").trim());
            }
        });
        shownAlpha.setTooltip(new Tooltip("the α whose threshold circle and colours the pair view shows"));
        HBox pairBar = new HBox(8, label("Pair view at"), shownAlpha);
        pairBar.setAlignment(Pos.CENTER_LEFT);
        pairBar.setPadding(new Insets(2, 4, 2, 4));
        Label legend = new Label();
        legend.setId("evalLegend");
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE);
        legend.setPadding(new Insets(2, 4, 2, 4));
        legend.textProperty().bind(pairCanvas.legendProperty());
        BorderPane pairPane = new BorderPane(pairCanvas);
        pairPane.setTop(pairBar);
        pairPane.setBottom(legend);
        SplitPane split = new SplitPane(tabs, pairPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        return split;
    }

    /** Buttons and choice boxes keep their preferred width, so a narrow window never truncates them. */
    private static void keepPreferredWidths(HBox row) {
        row.getChildren().stream()
                .filter(n -> n instanceof Button || n instanceof ChoiceBox || n instanceof Spinner)
                .forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String shortName(PairResult r) {
        return Path.of(r.pair().sourceName()).getFileName() + " → " + Path.of(r.pair().targetName()).getFileName();
    }
}
