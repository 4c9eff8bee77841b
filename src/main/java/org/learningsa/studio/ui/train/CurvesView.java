package org.learningsa.studio.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
        if (!showing(lossChart)) {
            return; // a hidden tab is drawn when it is shown again (the revision it missed is still pending)
        }
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
        Map<String, CurveMath.Points> loss = new LinkedHashMap<>();
        for (int s = 0; s < RunCurves.LOSS_SERIES.size(); s++) {
            if (viewModel.seriesShownProperty(s).get() && run.size() > 0) {
                loss.put(RunCurves.LOSS_SERIES.get(s),
                        CurveMath.decimate(run.steps(), CurveMath.smooth(run.loss(s), run.size(), weight), run.size(), buckets));
            }
        }
        if (other.size() > 0) {
            loss.put("overlay: total", CurveMath.decimate(other.steps(),
                    CurveMath.smooth(other.loss(0), other.size(), weight), other.size(), buckets));
        }
        show(lossChart, loss);
        fitCountAxis((NumberAxis) lossChart.getXAxis(), loss);
        Map<String, CurveMath.Points> lr = new LinkedHashMap<>();
        if (run.size() > 0) {
            lr.put("lr", CurveMath.decimate(run.steps(), run.learningRates(), run.size(), buckets));
        }
        if (other.size() > 0) {
            lr.put("overlay: lr", CurveMath.decimate(other.steps(), other.learningRates(), other.size(), buckets));
        }
        show(lrChart, lr);
        fitCountAxis((NumberAxis) lrChart.getXAxis(), lr);
        Map<String, CurveMath.Points> validation = new LinkedHashMap<>(validationSeries(run, ""));
        validation.putAll(validationSeries(other, "overlay: "));
        show(validationChart, validation);
        fitCountAxis((NumberAxis) validationChart.getXAxis(), validation);
        pointsLabel.setText(run.size() == 0 ? "no steps logged yet"
                : String.format(Locale.ROOT, "%d steps, %d validations%s", run.size(), run.validations().size(),
                        run.otherLines() == 0 ? "" : ", " + run.otherLines() + " other lines"));
    }

    /** PCK@0.1 on the validation CSV and PCK@0.05 on the test CSV per epoch, in percent, as train.py logs them. */
    private static Map<String, CurveMath.Points> validationSeries(RunCurves run, String prefix) {
        int n = run.validations().size();
        double[] epochs = new double[n];
        double[] val = new double[n];
        double[] test = new double[n];
        for (int i = 0; i < n; i++) {
            ValidationMetrics v = run.validations().get(i);
            epochs[i] = v.epoch();
            val[i] = v.pckVal010() == null ? Double.NaN : 100 * v.pckVal010();
            test[i] = v.pckTest005() == null ? Double.NaN : 100 * v.pckTest005();
        }
        Map<String, CurveMath.Points> out = new LinkedHashMap<>();
        if (java.util.Arrays.stream(val).anyMatch(Double::isFinite)) {
            out.put(prefix + "PCK@0.1 val", new CurveMath.Points(epochs, val, n));
        }
        if (java.util.Arrays.stream(test).anyMatch(Double::isFinite)) {
            out.put(prefix + "PCK@0.05 test", new CurveMath.Points(epochs, test, n));
        }
        return out;
    }

    /**
     * Puts {@code wanted} into the chart, keeping the series objects that stay: replacing a series costs
     * a new legend entry, line node and CSS pass, replacing its points only a new path.
     */
    private static void show(LineChart<Number, Number> chart, Map<String, CurveMath.Points> wanted) {
        List<String> present = chart.getData().stream().map(XYChart.Series::getName).toList();
        if (!present.equals(new ArrayList<>(wanted.keySet()))) {
            List<XYChart.Series<Number, Number>> series = new ArrayList<>();
            for (String name : wanted.keySet()) {
                XYChart.Series<Number, Number> one = new XYChart.Series<>();
                one.setName(name);
                series.add(one);
            }
            chart.getData().setAll(series);
            for (XYChart.Series<Number, Number> one : chart.getData()) {
                if (one.getName().startsWith("overlay") && one.getNode() != null) {
                    one.getNode().setStyle("-fx-stroke-dash-array: 8 5;");
                }
            }
        }
        for (XYChart.Series<Number, Number> one : chart.getData()) {
            CurveMath.Points points = wanted.get(one.getName());
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.count());
            for (int i = 0; i < points.count(); i++) {
                if (Double.isFinite(points.y()[i])) {
                    data.add(new XYChart.Data<>(points.x()[i], points.y()[i]));
                }
            }
            one.getData().setAll(data);
        }
    }

    /**
     * Steps and epochs are counted: a short run (1–3 steps) gets whole-number ticks one apart instead of the
     * chart's fractional ones; a longer one keeps the chart's own range, with whole-number labels only.
     */
    static void fitCountAxis(NumberAxis axis, Map<String, CurveMath.Points> shown) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (CurveMath.Points points : shown.values()) {
            for (int i = 0; i < points.count(); i++) {
                min = Math.min(min, points.x()[i]);
                max = Math.max(max, points.x()[i]);
            }
        }
        if (Double.isFinite(min) && max - min < SHORT_RUN_TICKS) {
            axis.setAutoRanging(false);
            axis.setLowerBound(Math.floor(min) - (max == min ? 1 : 0));
            axis.setUpperBound(Math.ceil(max) + (max == min ? 1 : 0));
            axis.setTickUnit(1);
        } else {
            axis.setAutoRanging(true);
        }
    }

    /** Up to this many steps (or epochs) the axis shows one tick per step. */
    static final int SHORT_RUN_TICKS = 10;

    private static boolean showing(javafx.scene.Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static LineChart<Number, Number> chart(String title, String xLabel, boolean percent) {
        NumberAxis x = new NumberAxis();
        x.setLabel(xLabel);
        x.setForceZeroInRange(false);
        // a count has no fractions: ticks between whole numbers stay unlabelled
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        if (percent) {
            // PCK is a share: 0–100 %, not the chart's padded 0–125
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(100);
            y.setTickUnit(20);
        }
        boolean symbols = percent;
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
