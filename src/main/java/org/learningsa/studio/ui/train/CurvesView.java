package org.learningsa.studio.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.learningsa.studio.train.ValidationMetrics;

/**
 * The live curves: loss (total and the five terms, smoothed) per step, the learning rate each step
 * used, and validation PCK per epoch; a second run can be overlaid (dashed). The built-in LineChart
 * stays fluid because it never holds more than a few points per pixel column ({@link CurveMath#decimate})
 * and is redrawn at most {@link #REDRAWS_PER_SECOND} times a second, only when something changed.
 */
public final class CurvesView {

    static final int REDRAWS_PER_SECOND = 4;
    /** Pixel columns per decimation bucket: a bucket yields up to 4 points, so about one point per column. */
    private static final int PIXELS_PER_BUCKET = 4;

    private final CurvesViewModel viewModel;
    private final LineChart<Number, Number> lossChart = chart("Loss per step (pixels, mean keypoint distance)", "step", false);
    private final LineChart<Number, Number> lrChart = chart("Learning rate", "step", false);
    private final LineChart<Number, Number> validationChart = chart("Validation PCK (%)", "epoch", true);
    private final Label pointsLabel = new Label();
    private long drawnRevision = -1;
    private double drawnWidth;

    public CurvesView(CurvesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Parent build() {
        lossChart.setId("trainLossChart");
        lrChart.setId("trainLrChart");
        validationChart.setId("trainValidationChart");
        pointsLabel.setId("trainCurvesPoints");
        HBox controls = new HBox(8);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4));
        for (int s = 0; s < RunCurves.LOSS_SERIES.size(); s++) {
            CheckBox shown = new CheckBox(RunCurves.LOSS_SERIES.get(s));
            shown.setId("trainSeries" + s);
            shown.selectedProperty().bindBidirectional(viewModel.seriesShownProperty(s));
            controls.getChildren().add(shown);
        }
        Slider smoothing = new Slider(0, 0.99, viewModel.smoothingProperty().get());
        smoothing.setId("trainSmoothing");
        smoothing.valueProperty().bindBidirectional(viewModel.smoothingProperty());
        smoothing.setTooltip(new Tooltip("exponential moving average weight (as TensorBoard): 0 shows the raw losses"));
        Label smoothingValue = new Label();
        smoothingValue.textProperty().bind(viewModel.smoothingProperty().asString(Locale.ROOT, "smoothing %.2f"));
        controls.getChildren().addAll(smoothingValue, smoothing, pointsLabel);
        SplitPane bottom = new SplitPane(lrChart, validationChart);
        SplitPane charts = new SplitPane(lossChart, bottom);
        charts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        charts.setDividerPositions(0.62);
        BorderPane root = new BorderPane(charts);
        root.setTop(controls);
        Timeline redraw = new Timeline(new KeyFrame(Duration.millis(1000.0 / REDRAWS_PER_SECOND), e -> redrawIfChanged()));
        redraw.setCycleCount(Timeline.INDEFINITE);
        // the timer runs only while the view is in a window, so a closed panel costs nothing
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                redraw.stop();
            } else {
                redraw.play();
            }
        });
        return root;
    }

    /** Redraws when the curves or the chart width changed since the last redraw (on the JavaFX thread). */
    void redrawIfChanged() {
        long revision = viewModel.revisionProperty().get();
        double width = lossChart.getWidth();
        if (revision == drawnRevision && Math.abs(width - drawnWidth) < 20) {
            return;
        }
        drawnRevision = revision;
        drawnWidth = width;
        int buckets = Math.max(100, (int) Math.max(width, 400) / PIXELS_PER_BUCKET);
        RunCurves run = viewModel.curves();
        RunCurves other = viewModel.overlayCurves();
        double weight = viewModel.smoothingProperty().get();
        List<XYChart.Series<Number, Number>> loss = new ArrayList<>();
        for (int s = 0; s < RunCurves.LOSS_SERIES.size(); s++) {
            if (viewModel.seriesShownProperty(s).get() && run.size() > 0) {
                loss.add(series(RunCurves.LOSS_SERIES.get(s),
                        CurveMath.decimate(run.steps(), CurveMath.smooth(run.loss(s), run.size(), weight), run.size(), buckets)));
            }
        }
        if (other.size() > 0) {
            loss.add(series("overlay: total", CurveMath.decimate(other.steps(),
                    CurveMath.smooth(other.loss(0), other.size(), weight), other.size(), buckets)));
        }
        lossChart.getData().setAll(loss);
        List<XYChart.Series<Number, Number>> lr = new ArrayList<>();
        if (run.size() > 0) {
            lr.add(series("lr", CurveMath.decimate(run.steps(), run.learningRates(), run.size(), buckets)));
        }
        if (other.size() > 0) {
            lr.add(series("overlay: lr", CurveMath.decimate(other.steps(), other.learningRates(), other.size(), buckets)));
        }
        lrChart.getData().setAll(lr);
        List<XYChart.Series<Number, Number>> validation = new ArrayList<>(validationSeries(run, ""));
        validation.addAll(validationSeries(other, "overlay: "));
        validationChart.getData().setAll(validation);
        dashOverlays(lossChart);
        dashOverlays(lrChart);
        dashOverlays(validationChart);
        pointsLabel.setText(run.size() == 0 ? "no steps logged yet"
                : String.format(Locale.ROOT, "%d steps, %d validations%s", run.size(), run.validations().size(),
                        run.otherLines() == 0 ? "" : ", " + run.otherLines() + " other lines"));
    }

    /** PCK@0.1 on the validation CSV and PCK@0.05 on the test CSV per epoch, in percent, as train.py logs them. */
    private static List<XYChart.Series<Number, Number>> validationSeries(RunCurves run, String prefix) {
        XYChart.Series<Number, Number> val = new XYChart.Series<>();
        val.setName(prefix + "PCK@0.1 val");
        XYChart.Series<Number, Number> test = new XYChart.Series<>();
        test.setName(prefix + "PCK@0.05 test");
        for (ValidationMetrics v : run.validations()) {
            if (v.pckVal010() != null && Double.isFinite(v.pckVal010())) {
                val.getData().add(new XYChart.Data<>(v.epoch(), 100 * v.pckVal010()));
            }
            if (v.pckTest005() != null && Double.isFinite(v.pckTest005())) {
                test.getData().add(new XYChart.Data<>(v.epoch(), 100 * v.pckTest005()));
            }
        }
        List<XYChart.Series<Number, Number>> out = new ArrayList<>();
        for (XYChart.Series<Number, Number> series : List.of(val, test)) {
            if (!series.getData().isEmpty()) {
                out.add(series);
            }
        }
        return out;
    }

    private static XYChart.Series<Number, Number> series(String name, CurveMath.Points points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.count());
        for (int i = 0; i < points.count(); i++) {
            if (Double.isFinite(points.y()[i])) {
                data.add(new XYChart.Data<>(points.x()[i], points.y()[i]));
            }
        }
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        series.getData().setAll(data);
        return series;
    }

    private static void dashOverlays(LineChart<Number, Number> chart) {
        for (XYChart.Series<Number, Number> series : chart.getData()) {
            if (series.getName().startsWith("overlay") && series.getNode() != null) {
                series.getNode().setStyle("-fx-stroke-dash-array: 8 5;");
            }
        }
    }

    private static LineChart<Number, Number> chart(String title, String xLabel, boolean symbols) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(symbols);
        chart.setMinSize(200, 150);
        return chart;
    }

    LineChart<Number, Number> lossChart() {
        return lossChart;
    }

    LineChart<Number, Number> validationChart() {
        return validationChart;
    }
}
