package org.learningsa.studio.ui.style;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.style.PatchSettings;
import org.learningsa.studio.apps.style.StyleMethod;
import org.learningsa.studio.apps.style.StyleSettings;
import org.learningsa.studio.ui.view.ViewLink;
import org.learningsa.studio.ui.view.ZoomableImagePane;

/**
 * Exemplar, input and result side by side (the paper's order), zoom and pan linked, with the controls
 * above: method, swap roles, readout, strength (live), the confidence mask, export; then the method's own
 * settings (patches: patch size, prior, coherence, with the full-size render's progress, and under More the
 * structure, uniformity, iterations, levels, seed and Defaults; colour: window, smoothness, texture).
 */
public final class StyleView {

    private final StyleViewModel viewModel;
    private final SimpleBooleanProperty linked = new SimpleBooleanProperty(true);
    private ZoomableImagePane inputPane;
    private ZoomableImagePane exemplarPane;
    private ZoomableImagePane resultPane;
    /** Shows the patch method's further settings (collapsed at first: most users never need them). */
    private final ToggleButton more = new ToggleButton("More");

    public StyleView(StyleViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Opens the view in its own window. */
    public static Stage open(Window owner, StyleViewModel viewModel) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Style transfer");
        // wide enough for three images side by side, but never larger than the screen
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(new StyleView(viewModel).build(), Math.min(1380, screen.getWidth()),
                Math.min(720, screen.getHeight())));
        stage.show();
        return stage;
    }

    public Parent build() {
        exemplarPane = new ZoomableImagePane("styleExemplarImage");
        inputPane = new ZoomableImagePane("styleInputImage");
        resultPane = new ZoomableImagePane("styleResultImage");
        ThreeImageControls.show(exemplarPane, viewModel.exemplarProperty().get());
        ThreeImageControls.show(inputPane, viewModel.inputProperty().get());
        viewModel.exemplarProperty().addListener((obs, old, now) -> ThreeImageControls.show(exemplarPane, now));
        viewModel.inputProperty().addListener((obs, old, now) -> ThreeImageControls.show(inputPane, now));
        viewModel.resultProperty().addListener((obs, old, now) -> showResult());
        viewModel.maskProperty().addListener((obs, old, now) -> showResult());
        viewModel.showMaskProperty().addListener((obs, old, now) -> showResult());
        ViewLink.link(inputPane, exemplarPane, linked);
        ViewLink.link(inputPane, resultPane, linked);

        GridPane panes = new GridPane();
        panes.setHgap(6);
        panes.setVgap(4);
        panes.setPadding(new Insets(6));
        Label resultCaption = new Label();
        resultCaption.textProperty().bind(Bindings.when(viewModel.showMaskProperty())
                .then("Confidence (yellow = trusted, blue = global fallback)").otherwise("Result"));
        Node[] captions = {new Label("Exemplar"), new Label("Input"), resultCaption};
        ZoomableImagePane[] all = {exemplarPane, inputPane, resultPane};
        for (int i = 0; i < 3; i++) {
            panes.add(captions[i], i, 0);
            panes.add(all[i], i, 1);
            GridPane.setHgrow(all[i], Priority.ALWAYS);
            GridPane.setVgrow(all[i], Priority.ALWAYS);
            all[i].setMinSize(120, 120);
            all[i].setPrefSize(440, 560);
        }
        for (int i = 0; i < 3; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            panes.getColumnConstraints().add(column);
        }

        Label status = new Label();
        status.setId("styleStatus");
        status.textProperty().bind(viewModel.statusProperty());
        HBox statusRow = new HBox(status);
        statusRow.setPadding(new Insets(4, 8, 6, 8));

        BorderPane root = new BorderPane(panes);
        Label methodLabel = new Label("Method");
        HBox methodRow = new HBox(8, methodLabel, methodSelector(), settingsRow(), patchRow());
        methodRow.setAlignment(Pos.CENTER_LEFT);
        methodRow.setPadding(new Insets(0, 8, 0, 8));
        root.setTop(new VBox(4, controlRow(), methodRow, morePatchRow()));
        root.setBottom(statusRow);
        return root;
    }

    private ComboBox<StyleMethod> methodSelector() {
        ComboBox<StyleMethod> method = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                StyleMethod.values()));
        method.setId("styleMethod");
        method.setTooltip(new Tooltip("Patches: the result is made of the exemplar's own patches (strokes, texture). "
                + "Colour only: the input keeps its texture and takes the exemplar's colours"));
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(StyleMethod value) {
                return value == null ? "" : value.label();
            }

            @Override
            public StyleMethod fromString(String text) {
                for (StyleMethod m : StyleMethod.values()) {
                    if (m.label().equals(text)) {
                        return m;
                    }
                }
                return StyleMethod.PATCHES;
            }
        });
        method.valueProperty().bindBidirectional(viewModel.methodProperty());
        method.setMinWidth(Region.USE_PREF_SIZE);
        return method;
    }

    private HBox controlRow() {
        Button swap = new Button("Swap roles", new FontIcon("mdi2s-swap-horizontal"));
        swap.setId("styleSwap");
        swap.setTooltip(new Tooltip("Make the exemplar the input and the input the exemplar"));
        swap.setOnAction(e -> viewModel.swapRoles());

        ComboBox<Readout> readout = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Readout.values()));
        readout.setId("styleReadout");
        readout.setConverter(new StringConverter<>() {
            @Override
            public String toString(Readout value) {
                return value == null ? "" : value.label() + " readout";
            }

            @Override
            public Readout fromString(String text) {
                return Readout.parse(text.replace(" readout", ""));
            }
        });
        readout.valueProperty().bindBidirectional(viewModel.readoutProperty());

        Slider strength = slider("styleStrength", 0, 1, viewModel.strengthProperty());
        strength.setPrefWidth(260);
        Label strengthValue = ThreeImageControls.value("styleStrengthValue", viewModel.strengthProperty(), "%.2f");

        HBox row = new HBox(8, swap, readout, new Label("Strength"), strength, strengthValue);
        row.getChildren().addAll(ThreeImageControls.maskLinkFitAndExports("style", viewModel.showMaskProperty(), linked,
                List.of(exemplarPane, inputPane, resultPane), viewModel::chooseExport, viewModel::chooseExportTriptych,
                viewModel.resultProperty()));
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 8, 0, 8));
        return row;
    }

    private HBox settingsRow() {
        Slider window = slider("styleWindow", StyleSettings.MIN_WINDOW, StyleSettings.MAX_WINDOW, viewModel.windowProperty());
        window.setTooltip(new Tooltip("Size of the local colour window: small follows the exemplar's regions, "
                + "large approaches one global transfer"));
        Slider smoothness = slider("styleSmoothness", 0, 20, viewModel.smoothnessProperty());
        smoothness.setTooltip(new Tooltip("Larger keeps the input's own contrast and only shifts its colours"));
        Slider texture = slider("styleTexture", 0, 1, viewModel.textureProperty());
        texture.setTooltip(new Tooltip("Add the exemplar's fine detail (brush strokes) where the matches are confident"));
        HBox row = new HBox(8, new Label("Window"), window, ThreeImageControls.value("styleWindowValue", viewModel.windowProperty(), "%.2f"),
                new Label("Smoothness"), smoothness, ThreeImageControls.value("styleSmoothnessValue", viewModel.smoothnessProperty(), "%.1f"),
                new Label("Texture detail"), texture, ThreeImageControls.value("styleTextureValue", viewModel.textureProperty(), "%.2f"));
        row.setAlignment(Pos.CENTER_LEFT);
        showFor(row, StyleMethod.COLOUR);
        return row;
    }

    private HBox patchRow() {
        Slider patchSize = new Slider(3, 15, viewModel.patchSizeProperty().get());
        patchSize.setId("stylePatchSize");
        patchSize.setPrefWidth(140);
        patchSize.setMajorTickUnit(2);
        patchSize.setMinorTickCount(0);
        patchSize.setSnapToTicks(true);
        patchSize.setShowTickLabels(true);
        patchSize.setTooltip(new Tooltip("Larger patches carry larger strokes; smaller ones follow the input's shapes"));
        // released on whole odd sizes only, so dragging does not start a synthesis per pixel of travel
        patchSize.valueProperty().addListener((obs, old, now) -> {
            int size = (int) Math.round(now.doubleValue());
            if (size % 2 == 1 && !patchSize.isValueChanging()) {
                viewModel.patchSizeProperty().set(size);
            }
        });
        patchSize.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                int size = (int) Math.round(patchSize.getValue());
                viewModel.patchSizeProperty().set(size % 2 == 0 ? size + 1 : size);
            }
        });
        Slider prior = slider("stylePrior", 0, 20, viewModel.priorWeightProperty());
        prior.setTooltip(new Tooltip("How strongly each patch comes from where the correspondence maps the point "
                + "(sky from sky); weighted by the match's confidence"));
        Slider coherence = slider("styleCoherence", 0, 2, viewModel.colourWeightProperty());
        coherence.setTooltip(new Tooltip("Coherence in colour: higher keeps larger unbroken pieces of the exemplar"));
        ProgressBar progress = new ProgressBar();
        progress.setId("styleFullRenderProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(viewModel.fullRenderProgressProperty());
        Label progressLabel = new Label("Full size…");
        HBox rendering = new HBox(6, progressLabel, progress);
        rendering.setAlignment(Pos.CENTER_LEFT);
        rendering.visibleProperty().bind(viewModel.fullRenderingProperty());
        more.setId("stylePatchMore");
        more.setTooltip(new Tooltip("Show the patch method's further settings: structure, uniformity, iterations, "
                + "levels and seed"));
        // a disclosure: the chevron turns, the text and width stay, so the progress bar beside it does not move
        FontIcon chevron = new FontIcon("mdi2c-chevron-down");
        chevron.iconCodeProperty().bind(Bindings.when(more.selectedProperty())
                .then((Ikon) MaterialDesignC.CHEVRON_UP)
                .otherwise(MaterialDesignC.CHEVRON_DOWN));
        more.setGraphic(chevron);
        more.setContentDisplay(ContentDisplay.RIGHT);
        more.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, new Label("Patch size"), patchSize,
                new Label("Prior"), prior, ThreeImageControls.value("stylePriorValue", viewModel.priorWeightProperty(), "%.1f"),
                new Label("Coherence"), coherence, ThreeImageControls.value("styleCoherenceValue", viewModel.colourWeightProperty(), "%.2f"),
                more, rendering);
        row.setAlignment(Pos.CENTER_LEFT);
        showFor(row, StyleMethod.PATCHES);
        return row;
    }

    /**
     * The patch method's further settings, in the words of {@code lsa style --help}: structure, uniformity,
     * iterations, levels, seed (with a new random one) and Defaults. Shown below the method's row while More is
     * pressed and the patch method chosen.
     */
    private HBox morePatchRow() {
        Slider structure = slider("styleStructure", 0, 5, viewModel.structureWeightProperty());
        structure.setPrefWidth(140);
        structure.setTooltip(new Tooltip("Weight of the input's structure: its blurred lightness and gradients against "
                + "the exemplar's. Higher follows the input's shapes more closely (default "
                + PatchSettings.DEFAULT_STRUCTURE + ")"));
        Slider uniformity = slider("styleUniformity", 0, 2, viewModel.uniformityProperty());
        uniformity.setPrefWidth(140);
        uniformity.setTooltip(new Tooltip("Penalty on exemplar patches used more than their fair share, so one patch "
                + "is not repeated everywhere; 0 = none (default " + PatchSettings.DEFAULT_UNIFORMITY + ")"));

        Spinner<Integer> iterations = wholeNumberSpinner(1, 20);
        iterations.setId("styleIterations");
        iterations.setPrefWidth(76);
        iterations.setTooltip(new Tooltip("Search passes (PatchMatch), each followed by a vote, per level, 1 to 20: "
                + "more refine the result further and take longer (default " + PatchSettings.DEFAULT_ITERATIONS + ")"));
        follow(iterations.getValueFactory().valueProperty(), viewModel.iterationsProperty());

        ComboBox<Integer> levels = new ComboBox<>();
        for (int n = 0; n <= PatchSettings.MAX_LEVELS; n++) {
            levels.getItems().add(n);
        }
        levels.setId("styleLevels");
        levels.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value == 0 ? "Automatic" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                return "Automatic".equals(text) ? 0 : Integer.valueOf(text);
            }
        });
        levels.setTooltip(new Tooltip("Levels of the coarse-to-fine pyramid, 1 to " + PatchSettings.MAX_LEVELS
                + "; Automatic goes down to about " + PatchSettings.MIN_LEVEL_SIDE + " pixels. Fewer are used when the "
                + "exemplar is too small for them"));
        levels.setMinWidth(Region.USE_PREF_SIZE);
        follow(levels.valueProperty(), viewModel.levelsProperty());

        TextField seed = new TextField();
        seed.setId("styleSeed");
        seed.setPrefColumnCount(8);
        TextFormatter<Long> seedValue = new TextFormatter<>(new WholeNumber(), viewModel.seedProperty().get());
        seed.setTextFormatter(seedValue);
        // typed text counts on Enter or when the field loses focus; text that is not a whole number is put back
        seedValue.valueProperty().addListener((obs, old, now) -> viewModel.seedProperty().set(now));
        viewModel.seedProperty().addListener((obs, old, now) -> seedValue.setValue(now.longValue()));
        seed.setTooltip(new Tooltip("Seed of the random search: the same seed gives the same pixels (default "
                + PatchSettings.DEFAULT_SEED + "). Type a whole number and press Enter"));
        Button newSeed = new Button("New", new FontIcon("mdi2d-dice-multiple-outline"));
        newSeed.setId("styleNewSeed");
        newSeed.setTooltip(new Tooltip("Draw a random seed: another result from the same settings"));
        newSeed.setOnAction(e -> viewModel.drawNewSeed());

        Button defaults = new Button("Defaults");
        defaults.setId("stylePatchDefaults");
        defaults.setTooltip(new Tooltip("Put every setting of the patch method (patch size, prior and coherence "
                + "included) back to its default; the strength stays"));
        defaults.setOnAction(e -> viewModel.restorePatchDefaults());
        defaults.setMinWidth(Region.USE_PREF_SIZE);
        newSeed.setMinWidth(Region.USE_PREF_SIZE);

        HBox row = new HBox(8,
                new Label("Structure"), structure, ThreeImageControls.value("styleStructureValue", viewModel.structureWeightProperty(), "%.2f"),
                new Label("Uniformity"), uniformity, ThreeImageControls.value("styleUniformityValue", viewModel.uniformityProperty(), "%.2f"),
                new Label("Iterations"), iterations, new Label("Levels"), levels, new Label("Seed"), seed, newSeed,
                defaults);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 8, 0, 8));
        row.visibleProperty().bind(more.selectedProperty().and(viewModel.methodProperty().isEqualTo(StyleMethod.PATCHES)));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /**
     * Keeps a control's value and the view model's number equal both ways. Two listeners rather than a binding to
     * {@code asObject()}: a bidirectional binding holds that wrapper only weakly, so it could be collected.
     */
    private static void follow(ObjectProperty<Integer> control, IntegerProperty model) {
        control.set(model.get());
        control.addListener((obs, old, now) -> {
            if (now != null) {
                model.set(now);
            }
        });
        model.addListener((obs, old, now) -> control.set(now.intValue()));
    }

    /** An editable spinner of whole numbers; typed text that is not one puts the last value back, never throws. */
    private static Spinner<Integer> wholeNumberSpinner(int min, int max) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max);
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.trim());
                } catch (NumberFormatException notANumber) {
                    // the value stays, so the spinner would not rewrite its text: shown again once its commit is over
                    Platform.runLater(() -> spinner.getEditor().setText(toString(factory.getValue())));
                    return factory.getValue();
                }
            }
        });
        return spinner;
    }

    /** A long from its text; anything else throws, which makes the text formatter put the last value back. */
    private static final class WholeNumber extends StringConverter<Long> {
        @Override
        public String toString(Long value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public Long fromString(String text) {
            return Long.valueOf(text.trim());
        }
    }

    /** The row takes space and shows only while its method is chosen. */
    private void showFor(Node row, StyleMethod method) {
        row.visibleProperty().bind(viewModel.methodProperty().isEqualTo(method));
        row.managedProperty().bind(row.visibleProperty());
    }

    private static Slider slider(String id, double min, double max, DoubleProperty value) {
        Slider slider = new Slider(min, max, value.get());
        slider.setId(id);
        slider.setPrefWidth(180);
        slider.valueProperty().bindBidirectional(value);
        return slider;
    }

    /**
     * Shows the result (or the mask). A new result of the same size is written into the image already
     * shown, so the zoom and pan the user chose stay while the strength slider moves.
     */
    private void showResult() {
        ThreeImageControls.showInPlace(resultPane,
                viewModel.showMaskProperty().get() ? viewModel.maskProperty().get() : viewModel.resultProperty().get());
    }
}
