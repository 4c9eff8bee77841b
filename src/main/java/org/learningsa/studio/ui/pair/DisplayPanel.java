package org.learningsa.studio.ui.pair;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.ui.view.ColorBar;
import org.learningsa.studio.ui.view.ColorMap;

/** The controls of what the overlay shows: readout, confidence kind, colours, filters, layers. */
public final class DisplayPanel extends VBox {

    public DisplayPanel(DisplayViewModel display) {
        super(8);
        setPadding(new Insets(8));
        setId("displayPanel");

        ChoiceBox<Readout> readout = new ChoiceBox<>();
        readout.setId("readoutChoice");
        readout.getItems().setAll(Readout.values());
        readout.setConverter(converter(r -> r == Readout.FUSED ? "fused (all levels)" : "level " + r.level() + " only"));
        readout.valueProperty().bindBidirectional(display.readoutProperty());
        readout.setTooltip(new Tooltip("Which correspondence field to show (keys 0–4)"));

        ChoiceBox<ConfidenceKind> kind = new ChoiceBox<>();
        kind.setId("confidenceKindChoice");
        kind.getItems().setAll(ConfidenceKind.values());
        kind.setConverter(converter(ConfidenceKind::label));
        kind.valueProperty().bindBidirectional(display.confidenceKindProperty());

        ChoiceBox<ColorMap> colours = new ChoiceBox<>();
        colours.setId("colorMapChoice");
        colours.getItems().setAll(ColorMap.values());
        colours.valueProperty().bindBidirectional(display.colorMapProperty());

        Slider topN = new Slider(1, DisplayViewModel.MAX_MATCHES, display.topNProperty().get());
        topN.setId("topNSlider");
        topN.setBlockIncrement(10);
        topN.valueProperty().addListener((obs, old, now) -> display.topNProperty().set((int) Math.round(now.doubleValue())));
        display.topNProperty().addListener((obs, old, now) -> topN.setValue(now.intValue()));
        Label topNValue = new Label();
        topNValue.textProperty().bind(display.topNProperty().asString());

        Slider minConfidence = new Slider(0, 1, display.minConfidenceProperty().get());
        minConfidence.setId("minConfidenceSlider");
        minConfidence.setBlockIncrement(0.05);
        minConfidence.valueProperty().bindBidirectional(display.minConfidenceProperty());
        Label minValue = new Label();
        minValue.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f", display.minConfidenceProperty().get()),
                display.minConfidenceProperty()));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Readout"), readout);
        grid.addRow(1, new Label("Confidence"), kind);
        grid.addRow(2, new Label("Colours"), colours);
        grid.addRow(3, new Label("Top N"), topN, topNValue);
        grid.addRow(4, new Label("Min. conf."), minConfidence, minValue);
        grid.getChildren().stream().filter(Label.class::isInstance).forEach(l -> ((Label) l).setMinWidth(Region.USE_PREF_SIZE));
        GridPane.setHgrow(topN, Priority.ALWAYS);
        GridPane.setHgrow(minConfidence, Priority.ALWAYS);
        topN.setPrefWidth(130);
        minConfidence.setPrefWidth(130);
        topNValue.setMinWidth(32);
        minValue.setMinWidth(32);

        ColorBar legend = new ColorBar();
        legend.colorMapProperty().bind(display.colorMapProperty());
        legend.titleProperty().bind(Bindings.createStringBinding(
                () -> "Match colour: " + display.confidenceKindProperty().get().label(), display.confidenceKindProperty()));

        CheckBox lines = check("showLines", "Lines", display.showLinesProperty());
        CheckBox points = check("showPoints", "Points", display.showPointsProperty());
        CheckBox cells = check("showGrid", "20×20 cell grid", display.showCellGridProperty());
        CheckBox weights = check("showLevelWeights", "Level weights a_L on fused view", display.showLevelWeightsProperty());
        weights.setTooltip(new Tooltip("In the per-scale strip, colour each target cell by its dominant level "
                + "(1 red, 2 orange, 3 green, 4 blue), as opaque as that level's learned weight"));
        CheckBox link = check("linkViews", "Link zoom and pan", display.linkViewsProperty());
        CheckBox follow = check("followPointer", "Inspect under the pointer (hover)", display.followPointerProperty());
        follow.setTooltip(new Tooltip("Show the match and heatmap of the point under the mouse without clicking"));

        getChildren().addAll(grid, legend, lines, points, cells, weights, link, follow);
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMnemonicParsing(false);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
