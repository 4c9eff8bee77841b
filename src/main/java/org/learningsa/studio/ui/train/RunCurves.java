package org.learningsa.studio.ui.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.learningsa.studio.train.StepMetrics;
import org.learningsa.studio.train.ValidationMetrics;

/**
 * The curves of one run as plain growing columns (one entry per logged step), so tens of thousands
 * of steps cost a few megabytes and a redraw reads arrays, not objects. Owned by one thread (the
 * JavaFX thread in the panel); batches from {@link MetricsTail} are appended in file order.
 */
final class RunCurves {

    /** The series the loss chart can show: the total, then the five terms as metrics.jsonl logs them. */
    static final List<String> LOSS_SERIES = List.of("total", "fused", "level 1", "level 2", "level 3", "level 4");

    private int size;
    private double[] steps = new double[1024];
    private int[] epochs = new int[1024];
    private int[] pairs = new int[1024];
    private double[] learningRates = new double[1024];
    private double[] timesMs = new double[1024];
    /** [0] total loss, [1..5] the terms. */
    private double[][] losses = new double[LOSS_SERIES.size()][1024];
    private final List<ValidationMetrics> validations = new ArrayList<>();
    private int otherLines;

    /** Appends a batch (or starts afresh first when the file was replaced). */
    void append(MetricsBatch batch) {
        if (batch.reset()) {
            clear();
        }
        ensureCapacity(size + batch.steps().size());
        for (StepMetrics point : batch.steps()) {
            steps[size] = point.step();
            epochs[size] = point.epoch();
            pairs[size] = point.pair();
            learningRates[size] = point.learningRate();
            timesMs[size] = point.timeMs();
            losses[0][size] = point.loss();
            losses[1][size] = point.lossFused();
            losses[2][size] = point.lossLevel1();
            losses[3][size] = point.lossLevel2();
            losses[4][size] = point.lossLevel3();
            losses[5][size] = point.lossLevel4();
            size++;
        }
        validations.addAll(batch.validations());
        otherLines += batch.otherLines();
    }

    void clear() {
        size = 0;
        validations.clear();
        otherLines = 0;
    }

    private void ensureCapacity(int wanted) {
        if (wanted <= steps.length) {
            return;
        }
        int capacity = Math.max(wanted, steps.length * 2);
        steps = Arrays.copyOf(steps, capacity);
        epochs = Arrays.copyOf(epochs, capacity);
        pairs = Arrays.copyOf(pairs, capacity);
        learningRates = Arrays.copyOf(learningRates, capacity);
        timesMs = Arrays.copyOf(timesMs, capacity);
        for (int s = 0; s < losses.length; s++) {
            losses[s] = Arrays.copyOf(losses[s], capacity);
        }
    }

    /** The number of logged steps. */
    int size() {
        return size;
    }

    /** The global step numbers (x of every step curve); valid up to {@link #size()}. */
    double[] steps() {
        return steps;
    }

    /** Loss series {@code index} of {@link #LOSS_SERIES}; valid up to {@link #size()}. */
    double[] loss(int index) {
        return losses[index];
    }

    double[] learningRates() {
        return learningRates;
    }

    double[] timesMs() {
        return timesMs;
    }

    int epoch(int index) {
        return epochs[index];
    }

    int pair(int index) {
        return pairs[index];
    }

    long lastStep() {
        return size == 0 ? 0 : (long) steps[size - 1];
    }

    List<ValidationMetrics> validations() {
        return validations;
    }

    /** The best PCK@0.1 on the validation CSV so far (a fraction), NaN when none was measured. */
    double bestValidation() {
        double best = Double.NaN;
        for (ValidationMetrics v : validations) {
            Double value = v.pckVal010();
            if (value != null && !value.isNaN() && (Double.isNaN(best) || value > best)) {
                best = value;
            }
        }
        return best;
    }

    /** Complete lines that held no step or validation (malformed, or from a newer version). */
    int otherLines() {
        return otherLines;
    }
}
