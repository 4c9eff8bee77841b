package org.learningsa.studio.ui.train;

import java.io.File;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.SkippedPair;

/**
 * The training panel: data, start model and settings on the left; the live curves, what the data
 * folder holds and the past runs in tabs; Start / Cancel / Resume, the epoch's progress and the
 * status line at the bottom. Binds to {@link TrainingViewModel}.
 */
public final class TrainingView {

    private final TrainingViewModel viewModel;
    private final CurvesView curvesView;
    private final TableView<Map.Entry<String, Integer>> categoryTable = new TableView<>();
    private final TableView<SkippedPair> skippedTable = new TableView<>();
    private final FlowPane thumbnails = new FlowPane(8, 8);
    private final TableView<RunSummary> runTable = new TableView<>();
    private TabPane tabs;

    public TrainingView(TrainingViewModel viewModel) {
        this.viewModel = viewModel;
        this.curvesView = new CurvesView(viewModel.curves());
    }

    public Parent build() {
        VBox left = new VBox(6, titled("Data", dataSection()), titled("Start from", startSection()),
                titled("Settings", new SettingsForm(viewModel).build()));
        left.setPadding(new Insets(6));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(420);
        tabs = new TabPane(new Tab("Curves", curvesView.build()), new Tab("Data", dataTab()), new Tab("Runs", runsTab()));
        tabs.setId("trainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane body = new SplitPane(leftScroll, tabs);
        body.setDividerPositions(0.36);
        BorderPane root = new BorderPane(body);
        root.setBottom(runBar());
        viewModel.datasetProperty().addListener((obs, old, now) -> showDataset(now));
        viewModel.refreshRuns();
        return root;
    }

    private static TitledPane titled(String title, javafx.scene.Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setCollapsible(false);
        return pane;
    }

    private VBox dataSection() {
        ChoiceBox<Benchmark> benchmark = new ChoiceBox<>(FXCollections.observableArrayList(Benchmark.values()));
        benchmark.setId("trainBenchmark");
        benchmark.valueProperty().bindBidirectional(viewModel.benchmarkProperty());
        HBox folder = SettingsForm.folderField("trainDataFolder", viewModel.dataFolderProperty(),
                "dataset folder (LearningSA data/, SPair-71k, or pairs exported by the editor)");
        HBox csv = SettingsForm.fileField("trainCsv", viewModel.csvProperty(), "training CSV (empty: the benchmark's own)");
        Label status = new Label();
        status.setId("trainDataStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.dataStatusProperty());
        HBox benchmarkRow = new HBox(8, new Label("Layout"), benchmark);
        benchmarkRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, benchmarkRow, folder, csv, status);
        box.disableProperty().bind(viewModel.runningProperty());
        return box;
    }

    private VBox startSection() {
        ComboBox<TrainingViewModel.StartModel> model = new ComboBox<>(viewModel.startModels());
        model.setId("trainStartModel");
        model.valueProperty().bindBidirectional(viewModel.startModelProperty());
        model.setPromptText("a checkpoint, or the hashed test weights");
        model.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(model, Priority.ALWAYS);
        Button choose = new Button("File…");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Start from a LearningSA checkpoint");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PyTorch checkpoint", "*.pt", "*.pth"));
            File chosen = chooser.showOpenDialog(choose.getScene().getWindow());
            if (chosen != null) {
                viewModel.chooseStartCheckpoint(chosen.toPath());
            }
        });
        Label note = new Label("Official checkpoints, earlier runs' last.pt, or any file. The hashed weights only test the pipeline.");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #5f6368; -fx-font-size: 0.9em;");
        VBox box = new VBox(4, new HBox(6, model, choose), note);
        box.disableProperty().bind(viewModel.runningProperty());
        return box;
    }

    private HBox runBar() {
        Button start = new Button("Start", new FontIcon("mdi2p-play"));
        start.setId("trainStart");
        start.disableProperty().bind(viewModel.runningProperty());
        start.setOnAction(e -> viewModel.start());
        Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop"));
        cancel.setId("trainCancel");
        cancel.setTooltip(new Tooltip("finishes the current step, saves last.pt and state.pt, then stops"));
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        Button resume = new Button("Resume", new FontIcon("mdi2r-restart"));
        resume.setId("trainResume");
        resume.setTooltip(new Tooltip("continues the run shown in the curves from its state.pt (up to Max steps when set)"));
        resume.disableProperty().bind(viewModel.runningProperty().or(viewModel.curves().runProperty().isNull()));
        resume.setOnAction(e -> viewModel.resumeShown());
        ProgressBar epoch = new ProgressBar();
        epoch.setId("trainEpochProgress");
        epoch.setPrefWidth(180);
        epoch.setMinWidth(Region.USE_PREF_SIZE);
        epoch.setTooltip(new Tooltip("progress through the current epoch"));
        epoch.progressProperty().bind(viewModel.epochProgressProperty());
        Label status = new Label();
        status.setId("trainStatus");
        // a long status (a folder's advice) wraps instead of being cut off
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.textProperty().bind(viewModel.statusProperty());
        Label message = new Label();
        message.setId("trainMessage");
        message.setStyle("-fx-text-fill: #5f6368;");
        message.textProperty().bind(viewModel.messageProperty());
        VBox texts = new VBox(2, status, message);
        HBox bar = new HBox(8, start, cancel, resume, epoch, texts);
        for (Button b : new Button[] {start, cancel, resume}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        HBox.setHgrow(texts, Priority.ALWAYS);
        return bar;
    }

    private SplitPane dataTab() {
        categoryTable.setId("trainCategories");
        categoryTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Map.Entry<String, Integer>, String> name = new TableColumn<>("category");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        TableColumn<Map.Entry<String, Integer>, Number> count = new TableColumn<>("pairs");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        categoryTable.getColumns().add(name);
        categoryTable.getColumns().add(count);
        skippedTable.setId("trainSkipped");
        skippedTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        skippedTable.setPlaceholder(new Label("no row skipped"));
        TableColumn<SkippedPair, String> where = new TableColumn<>("skipped row");
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where()));
        TableColumn<SkippedPair, String> why = new TableColumn<>("why");
        why.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        skippedTable.getColumns().add(where);
        skippedTable.getColumns().add(why);
        thumbnails.setId("trainThumbnails");
        thumbnails.setPadding(new Insets(6));
        ScrollPane thumbScroll = new ScrollPane(thumbnails);
        thumbScroll.setFitToWidth(true);
        SplitPane tables = new SplitPane(categoryTable, skippedTable);
        SplitPane split = new SplitPane(tables, thumbScroll);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        return split;
    }

    private void showDataset(DatasetSummary summary) {
        categoryTable.getItems().clear();
        skippedTable.getItems().clear();
        thumbnails.getChildren().clear();
        if (summary == null) {
            return;
        }
        categoryTable.getItems().setAll(summary.categories().entrySet());
        skippedTable.getItems().setAll(summary.skipped());
        summary.examples().forEach(pair -> thumbnails.getChildren().add(new PairThumbnail(pair, 360, 170)));
    }

    private BorderPane runsTab() {
        runTable.setId("trainRuns");
        runTable.setItems(viewModel.runs());
        runTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runTable.setPlaceholder(new Label("no runs under " + viewModel.runsRoot()));
        TableColumn<RunSummary, String> folder = new TableColumn<>("run folder");
        folder.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<RunSummary, String> from = new TableColumn<>("start model");
        from.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().startModel()));
        TableColumn<RunSummary, String> data = new TableColumn<>("dataset");
        data.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().dataset()));
        TableColumn<RunSummary, Number> steps = new TableColumn<>("steps");
        steps.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().steps()));
        TableColumn<RunSummary, String> best = new TableColumn<>("best val PCK@0.1");
        best.setCellValueFactory(c -> new ReadOnlyStringWrapper(Double.isNaN(c.getValue().bestValidationPck()) ? "–"
                : String.format(Locale.ROOT, "%.1f %%", 100 * c.getValue().bestValidationPck())));
        TableColumn<RunSummary, String> resumable = new TableColumn<>("resumable");
        resumable.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().resumable() ? "yes" : "no"));
        runTable.getColumns().add(folder);
        runTable.getColumns().add(from);
        runTable.getColumns().add(data);
        runTable.getColumns().add(steps);
        runTable.getColumns().add(best);
        runTable.getColumns().add(resumable);
        // one selected run: its curves; two: the second overlaid on the first
        runTable.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<RunSummary>) c -> {
            var selected = runTable.getSelectionModel().getSelectedItems();
            if (!selected.isEmpty()) {
                viewModel.showRuns(selected.get(0).folder(), selected.size() > 1 ? selected.get(1).folder() : null);
            }
        });
        Button refresh = new Button("Refresh", new FontIcon("mdi2r-refresh"));
        refresh.setOnAction(e -> viewModel.refreshRuns());
        Button open = new Button("Show a run folder…");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A run folder (with metrics.jsonl), e.g. one that lsa train writes in a terminal");
            File chosen = chooser.showDialog(open.getScene().getWindow());
            if (chosen != null) {
                viewModel.showRuns(chosen.toPath(), null);
                tabs.getSelectionModel().select(0);
            }
        });
        Label hint = new Label("Select a run to see its curves; Ctrl+click a second one to overlay it.");
        HBox bar = new HBox(8, refresh, open, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        BorderPane pane = new BorderPane(runTable);
        pane.setTop(bar);
        return pane;
    }

    CurvesView curvesView() {
        return curvesView;
    }

    TabPane tabs() {
        return tabs;
    }
}
