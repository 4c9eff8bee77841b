package org.learningsa.studio.ui.pair;

import java.util.List;
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

        Slider heatmapOpacity = new Slider(0.1, 1, display.heatmapOpacityProperty().get());
        heatmapOpacity.setId("heatmapOpacitySlider");
        heatmapOpacity.setBlockIncrement(0.1);
        heatmapOpacity.valueProperty().bindBidirectional(display.heatmapOpacityProperty());
        heatmapOpacity.setTooltip(new Tooltip("How strongly the picked point's heatmap covers the other image"));
        Label heatmapValue = new Label();
        heatmapValue.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f %%", 100 * display.heatmapOpacityProperty().get()),
                display.heatmapOpacityProperty()));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Readout"), readout);
        grid.addRow(1, new Label("Confidence"), kind);
        grid.addRow(2, new Label("Colours"), colours);
        grid.addRow(3, new Label("Top N"), topN, topNValue);
        grid.addRow(4, new Label("Min. conf."), minConfidence, minValue);
        grid.addRow(5, new Label("Heatmap"), heatmapOpacity, heatmapValue);
        grid.getChildren().stream().filter(Label.class::isInstance).forEach(l -> ((Label) l).setMinWidth(Region.USE_PREF_SIZE));
        GridPane.setHgrow(topN, Priority.ALWAYS);
        GridPane.setHgrow(minConfidence, Priority.ALWAYS);
        GridPane.setHgrow(heatmapOpacity, Priority.ALWAYS);
        // in a narrow sidebar the choices and sliders shrink (choices elide their text), labels and values stay whole
        for (ChoiceBox<?> choice : List.of(readout, kind, colours)) {
            choice.setMinWidth(60);
            choice.setMaxWidth(Double.MAX_VALUE);
            GridPane.setColumnSpan(choice, 2);
        }
        for (Slider slider : new Slider[] {topN, minConfidence, heatmapOpacity}) {
            slider.setPrefWidth(130);
            slider.setMinWidth(60);
            // Home/End/Page keys move the focused slider; left to bubble up they also scrolled the sidebar
            slider.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                switch (e.getCode()) {
                    case HOME, END, PAGE_UP, PAGE_DOWN -> e.consume();
                    default -> { }
                }
            });
        }
        for (Label value : new Label[] {topNValue, minValue, heatmapValue}) {
            value.setMinWidth(Region.USE_PREF_SIZE);
        }

        Label matchCount = new Label();
        matchCount.setId("matchCount");
        matchCount.setWrapText(true);
        matchCount.textProperty().bind(display.matchCountProperty());
        CheckBox consistent = check("consistentOnly", "Only consistent matches", display.consistentOnlyProperty());
        consistent.setTooltip(new Tooltip("Hide a match when its target maps back more than one cell away from "
                + "where it started (forward–backward check)"));

        ColorBar legend = new ColorBar();
        legend.colorMapProperty().bind(display.colorMapProperty());
        legend.titleProperty().bind(Bindings.createStringBinding(
                () -> "Match colour: " + display.confidenceKindProperty().get().label()
                        + (display.colourRangeProperty().get().scaled() ? " (scaled to the shown matches' range)" : ""),
                display.confidenceKindProperty(), display.colourRangeProperty()));
        display.colourRangeProperty().addListener((obs, old, now) -> legend.range(now.low(), now.high()));

        CheckBox lines = check("showLines", "Lines", display.showLinesProperty());
        CheckBox points = check("showPoints", "Points", display.showPointsProperty());
        CheckBox cells = check("showGrid", "20×20 cell grid", display.showCellGridProperty());
        CheckBox weights = check("showLevelWeights", "Level weights a_L on fused view", display.showLevelWeightsProperty());
        weights.setTooltip(new Tooltip("In the per-scale strip, colour each target cell by its dominant level "
                + "(1 red, 2 orange, 3 green, 4 blue), as opaque as that level's learned weight"));
        CheckBox link = check("linkViews", "Link zoom and pan", display.linkViewsProperty());
        CheckBox follow = check("followPointer", "Inspect under the pointer (hover)", display.followPointerProperty());
        follow.setTooltip(new Tooltip("Show the match and heatmap of the point under the mouse without clicking"));

        ColorBar heatmapLegend = new ColorBar();
        heatmapLegend.setId("heatmapLegend");
        heatmapLegend.colorMapProperty().bind(display.colorMapProperty());
        heatmapLegend.titleProperty().set("Heatmap: correlation of the picked point (0 weakest … 1 strongest)");

        getChildren().addAll(grid, matchCount, consistent, legend, heatmapLegend, lines, points, cells, weights, link, follow);
        for (var child : getChildren()) {
            if (child instanceof javafx.scene.control.Labeled labeled) {
                labeled.setWrapText(true);
            }
        }
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
