package org.learningsa.studio.ui.eval;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
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
import org.learningsa.studio.eval.EvaluationReport;
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

    private final EvaluationViewModel viewModel;
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 100, 10));
    private final TableView<CategoryRow> categoryTable = new TableView<>();
    private final TableView<PairResult> pairTable = new TableView<>();
    private final TableView<SkippedPair> skippedTable = new TableView<>();
    private final PairKeypointCanvas pairCanvas = new PairKeypointCanvas();
    private final ChoiceBox<Double> shownAlpha = new ChoiceBox<>();

    /** A line of the category table: "all" first, then each category. */
    record CategoryRow(String name, int pairs, double[] pck) {
    }

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
        stage.setScene(new Scene(new EvaluationView(viewModel).build(), 1200, 800));
        stage.setOnHidden(e -> viewModel.cancel());
        stage.show();
        return stage;
    }

    public Parent build() {
        BorderPane root = new BorderPane();
        root.setTop(new VBox(6, settingsRow(), modelRow(), progressRow()));
        BorderPane.setMargin(root.getTop(), new Insets(8));
        SplitPane results = new SplitPane(summaryPane(), pairsPane());
        results.setDividerPositions(0.45);
        root.setCenter(results);
        viewModel.reportProperty().addListener((obs, old, now) -> showReport(now));
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
        HBox row = new HBox(8, model, choose, clear, label("Limit"), limit, run, cancel, save);
        if (viewModel.canOpenPairs()) {
            Button openPair = new Button("Open pair in main window");
            openPair.setId("evalOpenPair");
            openPair.disableProperty().bind(viewModel.selectedPairProperty().isNull());
            openPair.setOnAction(e -> viewModel.openSelectedInMainWindow());
            row.getChildren().add(openPair);
        }
        row.setAlignment(Pos.CENTER_LEFT);
        model.setMinWidth(120);
        HBox.setHgrow(model, Priority.ALWAYS);
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
        HBox row = new HBox(8, bar, status);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox summaryPane() {
        chart.setId("evalChart");
        chart.setTitle("PCK (%) per category, mean over pairs");
        chart.setAnimated(false);
        chart.getYAxis().setLabel("PCK %");
        categoryTable.setId("evalCategories");
        categoryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CategoryRow, String> name = new TableColumn<>("category");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<CategoryRow, Number> count = new TableColumn<>("pairs");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pairs()));
        categoryTable.getColumns().add(name);
        categoryTable.getColumns().add(count);
        List<Double> alphas = viewModel.alphas();
        for (int a = 0; a < alphas.size(); a++) {
            int index = a;
            TableColumn<CategoryRow, String> column = new TableColumn<>("@" + EvaluationSettings.alphaKey(alphas.get(a)));
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(percent(c.getValue().pck()[index])));
            categoryTable.getColumns().add(column);
        }
        Label convention = new Label();
        convention.setWrapText(true);
        convention.setStyle("-fx-font-size: 0.85em;");
        viewModel.reportProperty().addListener((obs, old, now) ->
                convention.setText(now == null ? "" : now.settings().conventionInWords()));
        VBox box = new VBox(6, chart, categoryTable, convention);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox.setVgrow(categoryTable, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        return box;
    }

    private SplitPane pairsPane() {
        pairTable.setId("evalPairs");
        pairTable.setItems(viewModel.pairs());
        pairTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PairResult, String> where = new TableColumn<>("pair");
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(shortName(c.getValue())));
        TableColumn<PairResult, String> category = new TableColumn<>("category");
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().pair().category()));
        TableColumn<PairResult, Number> points = new TableColumn<>("points");
        points.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().evaluatedPoints()));
        pairTable.getColumns().add(where);
        pairTable.getColumns().add(category);
        pairTable.getColumns().add(points);
        List<Double> alphas = viewModel.alphas();
        for (int a = 0; a < alphas.size(); a++) {
            int index = a;
            TableColumn<PairResult, String> column = new TableColumn<>("@" + EvaluationSettings.alphaKey(alphas.get(a)));
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(index < c.getValue().pck().length
                    ? percent(c.getValue().pck()[index]) : ""));
            pairTable.getColumns().add(column);
        }
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
        BorderPane pairPane = new BorderPane(pairCanvas);
        pairPane.setTop(pairBar);
        SplitPane split = new SplitPane(tabs, pairPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        return split;
    }

    private void showReport(EvaluationReport report) {
        chart.getData().clear();
        categoryTable.getItems().clear();
        if (report == null || report.results().isEmpty()) {
            return;
        }
        List<Double> alphas = report.settings().alphas();
        Map<String, EvaluationReport.GroupPck> categories = report.perCategory();
        categoryTable.getItems().add(new CategoryRow("all", report.results().size(), report.pck()));
        categories.forEach((name, group) -> categoryTable.getItems().add(new CategoryRow(name, group.count(), group.pck())));
        report.perDomain().forEach((name, group) ->
                categoryTable.getItems().add(new CategoryRow("domain " + name, group.count(), group.pck())));
        for (int a = 0; a < alphas.size(); a++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName("α " + EvaluationSettings.alphaKey(alphas.get(a)));
            for (CategoryRow row : categoryTable.getItems()) {
                series.getData().add(new XYChart.Data<>(row.name(), 100 * row.pck()[a]));
            }
            chart.getData().add(series);
        }
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

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }
}
