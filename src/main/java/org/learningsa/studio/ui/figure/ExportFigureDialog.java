package org.learningsa.studio.ui.figure;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.learningsa.studio.export.figure.Background;
import org.learningsa.studio.export.figure.FigureFormat;
import org.learningsa.studio.export.figure.FigureLayout;
import org.learningsa.studio.export.figure.FigureSize;
import org.learningsa.studio.export.figure.MatchFigure;
import org.learningsa.studio.ui.dialog.DialogService;

/**
 * File → Export figure…: the settings on the right, on the left a live preview of exactly the figure
 * that will be written (drawn by the same renderer, from smaller copies of the images), and Export…,
 * which asks for a PNG, SVG or PDF name and writes it in the background.
 */
public final class ExportFigureDialog {

    private final ExportFigureViewModel model;
    private final DialogService dialogs;
    private final Supplier<Path> initialFolder;
    /** Told each chosen file, so the next save dialog starts in its folder. */
    private final java.util.function.Consumer<Path> rememberSave;
    private final FigurePreview preview = new FigurePreview();
    private final ImageView previewView = new ImageView();
    private final StackPane previewPane = new StackPane(previewView);
    /** Spinners bind through these adapters; held here so the bidirectional bindings are not collected. */
    private final List<ObjectProperty<?>> adapters = new java.util.ArrayList<>();
    private Stage stage;

    public ExportFigureDialog(ExportFigureViewModel model, DialogService dialogs, Supplier<Path> initialFolder,
                              java.util.function.Consumer<Path> rememberSave) {
        this.model = model;
        this.dialogs = dialogs;
        this.initialFolder = initialFolder;
        this.rememberSave = rememberSave;
    }

    /** Opens the dialog (or brings it to the front). */
    public Stage show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Export figure");
            BorderPane root = new BorderPane();
            root.setId("exportFigureDialog");
            root.setCenter(previewArea());
            root.setRight(settingsArea());
            root.setBottom(buttonBar());
            Scene scene = new Scene(root, 1120, 680);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
            stage.setOnHidden(e -> model.rememberSettings());
        }
        stage.show();
        stage.toFront();
        refreshPreview();
        return stage;
    }

    public ImageView previewView() {
        return previewView;
    }

    /** The Export… button: asks where to write, then exports in the background. */
    public void export() {
        FigureFormat format = model.formatProperty().get();
        dialogs.chooseFileToSave("Export figure", initialFolder.get(), model.suggestedName(),
                        "Figures (PDF, SVG, PNG)", List.of("*." + format.extension(), "*.pdf", "*.svg", "*.png"))
                .map(file -> withExtension(file, format))
                .ifPresent(file -> {
                    rememberSave.accept(file);
                    model.export(file);
                });
    }

    /** A name typed without a known extension gets the current format's. */
    public static Path withExtension(Path file, FigureFormat format) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (FigureFormat known : FigureFormat.values()) {
            if (name.endsWith("." + known.extension())) {
                return file;
            }
        }
        return file.resolveSibling(file.getFileName() + "." + format.extension());
    }

    private Region previewArea() {
        previewView.setId("figurePreview");
        previewView.setPreserveRatio(true);
        previewView.setSmooth(true);
        previewPane.setId("figurePreviewPane");
        previewPane.setStyle("-fx-background-color: #9a9a9a;");
        previewPane.setPadding(new Insets(16));
        previewPane.setMinSize(200, 150);
        previewView.fitWidthProperty().bind(previewPane.widthProperty().subtract(32));
        previewView.fitHeightProperty().bind(previewPane.heightProperty().subtract(32));
        model.previewFigureProperty().addListener(obs -> refreshPreview());
        model.backgroundProperty().addListener(obs -> refreshPreview());
        previewPane.widthProperty().addListener(obs -> refreshPreview());
        return previewPane;
    }

    private void refreshPreview() {
        MatchFigure figure = model.previewFigureProperty().get();
        if (figure == null || previewPane.getWidth() <= 0) {
            return;
        }
        // pixels for the pane's width (at least 72 dpi, so small figures stay legible), never more than 200 dpi
        double inches = figure.widthPt() / FigureSize.POINTS_PER_INCH;
        int dpi = (int) Math.max(72, Math.min(200, Math.round((previewPane.getWidth() - 32) / inches)));
        preview.request(figure, dpi, model.backgroundProperty().get(), previewView::setImage);
    }

    private Region settingsArea() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;

        ChoiceBox<FigureLayout> layout = choice("figureLayout", FigureLayout.values(), model.layoutProperty(),
                l -> l == FigureLayout.SIDE ? "side by side" : "stacked");
        grid.addRow(row++, new Label("Layout"), layout);

        Spinner<Double> width = doubleSpinner("figureWidth", FigureSize.MIN_WIDTH_MM / FigureSize.MM_PER_INCH,
                FigureSize.MAX_WIDTH_MM, 1, model.widthProperty());
        ChoiceBox<LengthUnit> unit = choice("figureUnit", LengthUnit.values(), model.unitProperty(), LengthUnit::toString);
        width.setPrefWidth(110);
        grid.addRow(row++, new Label("Width"), new HBox(6, width, unit));
        Button one = new Button("One column");
        one.setId("oneColumn");
        one.setTooltip(new Tooltip("83 mm (3.25 in), a column of a two-column paper"));
        one.setOnAction(e -> model.oneColumn());
        Button two = new Button("Two columns");
        two.setId("twoColumns");
        two.setTooltip(new Tooltip("175 mm (6.9 in), the text width of a two-column paper"));
        two.setOnAction(e -> model.twoColumns());
        grid.addRow(row++, new Label(""), new HBox(6, one, two));

        Spinner<Integer> dpi = new Spinner<>(FigureSize.MIN_DPI, FigureSize.MAX_DPI, model.dpiProperty().get(), 50);
        dpi.setId("figureDpi");
        dpi.setEditable(true);
        dpi.setPrefWidth(110);
        ObjectProperty<Integer> dpiAdapter = model.dpiProperty().asObject();
        adapters.add(dpiAdapter);
        dpi.getValueFactory().valueProperty().bindBidirectional(dpiAdapter);
        grid.addRow(row++, new Label("DPI (PNG)"), dpi);

        ChoiceBox<Background> background = choice("figureBackground", Background.values(), model.backgroundProperty(),
                b -> b == Background.WHITE ? "white" : "transparent");
        grid.addRow(row++, new Label("Background"), background);
        Spinner<Double> line = doubleSpinner("figureLineWidth", 0.1, 20, 0.1, model.lineWidthProperty());
        Spinner<Double> point = doubleSpinner("figurePointSize", 0, 40, 0.25, model.pointSizeProperty());
        line.setPrefWidth(110);
        point.setPrefWidth(110);
        grid.addRow(row++, new Label("Line width (pt)"), line);
        grid.addRow(row++, new Label("Point size (pt)"), point);

        CheckBox scales = check("figureScales", "Per-scale panels (the five readouts)", model.scalesProperty());
        CheckBox heatmap = availableCheck("figureHeatmap", model.heatmapProperty(), model.heatmapAvailableProperty());
        // a disabled box still shows the remembered choice; say why it draws nothing
        heatmap.textProperty().bind(javafx.beans.binding.Bindings.when(model.heatmapAvailableProperty())
                .then("Heatmap of the inspected point").otherwise("Heatmap (click a point in the pair first)"));
        CheckBox labels = availableCheck("figureLabels", model.labelsProperty(), model.labelsAvailableProperty());
        labels.textProperty().bind(javafx.beans.binding.Bindings.when(model.labelsAvailableProperty())
                .then("Keypoint labels (edited points)").otherwise("Keypoint labels (no labelled points yet)"));
        CheckBox caption = check("figureCaption", "Caption", model.captionProperty());
        grid.add(scales, 0, row++, 2, 1);
        grid.add(heatmap, 0, row++, 2, 1);
        grid.add(labels, 0, row++, 2, 1);
        for (org.learningsa.studio.export.figure.DensePanel panel : org.learningsa.studio.export.figure.DensePanel.values()) {
            CheckBox box = availableCheck("figureDense-" + panel.key(), model.denseProperty(panel),
                    model.denseAvailableProperty());
            box.textProperty().bind(javafx.beans.binding.Bindings.when(model.denseAvailableProperty())
                    .then(denseText(panel)).otherwise(denseText(panel) + " (run the alignment first)"));
            grid.add(box, 0, row++, 2, 1);
        }
        grid.add(caption, 0, row++, 2, 1);

        TextArea captionText = new TextArea();
        captionText.setId("figureCaptionText");
        captionText.setWrapText(true);
        captionText.setPrefRowCount(5);
        captionText.setPrefColumnCount(26);
        captionText.textProperty().bindBidirectional(model.captionShownProperty());
        captionText.disableProperty().bind(model.captionProperty().not());
        grid.add(captionText, 0, row++, 2, 1);
        Button resetCaption = new Button("Use the generated caption");
        resetCaption.setId("resetCaption");
        resetCaption.setOnAction(e -> model.resetCaption());
        resetCaption.disableProperty().bind(model.captionProperty().not()
                .or(model.captionShownProperty().isEqualTo(model.generatedCaptionProperty())));
        Button resetAll = new Button("Defaults");
        resetAll.setId("resetFigureSettings");
        resetAll.setOnAction(e -> model.resetAll());
        grid.add(new HBox(6, resetCaption, resetAll), 0, row++, 2, 1);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(380);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private Region buttonBar() {
        Label size = new Label();
        size.setId("figureSize");
        size.textProperty().bind(model.sizeTextProperty());
        size.setMinWidth(Region.USE_PREF_SIZE);
        Label problem = new Label();
        problem.setId("figureProblem");
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.textProperty().bind(model.problemProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.exportingProperty());
        Button export = new Button("Export…");
        export.setId("exportFigure");
        export.setDefaultButton(true);
        export.disableProperty().bind(model.figureProperty().isNull().or(model.exportingProperty()));
        export.setOnAction(e -> export());
        Button close = new Button("Close");
        close.setId("closeFigure");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, new VBox(2, size, problem), spacer, busy, export, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 12, 10, 12));
        return bar;
    }

    private <T> ChoiceBox<T> choice(String id, T[] values, ObjectProperty<T> property,
                                    java.util.function.Function<T, String> label) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private Spinner<Double> doubleSpinner(String id, double min, double max, double step,
                                          javafx.beans.property.DoubleProperty property) {
        Spinner<Double> spinner = new Spinner<>();
        spinner.setId(id);
        spinner.setEditable(true);
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, property.get(), step);
        spinner.setValueFactory(factory);
        ObjectProperty<Double> adapter = property.asObject();
        adapters.add(adapter);
        factory.valueProperty().bindBidirectional(adapter);
        return spinner;
    }

    /**
     * A box for something the figure can only draw when it is there (a picked point, labelled points): while it
     * is not, the box is disabled and shown unticked (a ticked box that draws nothing misled), and the user's
     * choice is kept for when it is.
     */
    static CheckBox availableCheck(String id, javafx.beans.property.BooleanProperty choice,
            javafx.beans.value.ObservableBooleanValue available) {
        CheckBox box = new CheckBox();
        box.setId(id);
        Runnable show = () -> box.setSelected(choice.get() && available.get());
        choice.addListener(obs -> show.run());
        available.addListener(obs -> show.run());
        show.run();
        box.disableProperty().bind(javafx.beans.binding.Bindings.not(available));
        box.setOnAction(e -> choice.set(box.isSelected()));
        return box;
    }

    /** The box's text: what the panel shows, under the pair, from the map the editor applies. */
    private static String denseText(org.learningsa.studio.export.figure.DensePanel panel) {
        return switch (panel) {
            case FLOW -> "Dense flow panel (colour wheel + legend)";
            case CONFIDENCE -> "Dense confidence panel";
            case WARPED -> "Target warped onto source panel";
            case DIFFERENCE -> "Difference to the source panel";
        };
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    /** Stops the preview worker (the window is closing). */
    public void dispose() {
        preview.close();
    }
}
