package org.learningsa.studio.train;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code torch.optim.lr_scheduler.MultiStepLR} as train.py uses it: constructed once (its initial step sets
 * last_epoch = 0), then {@link #step()} at the <em>start</em> of every epoch, so milestone m takes effect from
 * epoch m − 1 (0-based): with [30] the rate is lr for epochs 0–28 and lr·γ from epoch 29. The rate is updated the
 * chainable way torch does it (lr ← lr · γ^count when last_epoch hits a milestone), in double.
 */
final class MultiStepSchedule {

    private final double baseLearningRate;
    private final double gamma;
    /** Milestone → how often it was given (torch keeps a Counter). */
    private final Map<Integer, Integer> milestones;
    private int lastEpoch;
    private int stepCount;
    private double learningRate;

    MultiStepSchedule(double baseLearningRate, double gamma, List<Integer> milestones) {
        this.baseLearningRate = baseLearningRate;
        this.gamma = gamma;
        this.milestones = new TreeMap<>();
        for (int m : milestones) {
            this.milestones.merge(m, 1, Integer::sum);
        }
        // torch's constructor: _initial_step() → step() with last_epoch −1 → 0
        this.lastEpoch = -1;
        this.stepCount = 0;
        this.learningRate = baseLearningRate;
        step();
    }

    /** A schedule in a saved state. */
    static MultiStepSchedule restored(double baseLearningRate, double gamma, Map<Integer, Integer> milestones,
                                      int lastEpoch, int stepCount, double learningRate) {
        MultiStepSchedule s = new MultiStepSchedule(baseLearningRate, gamma, List.of());
        s.milestones.putAll(milestones);
        s.lastEpoch = lastEpoch;
        s.stepCount = stepCount;
        s.learningRate = learningRate;
        return s;
    }

    /** {@code scheduler.step()}. */
    void step() {
        stepCount++;
        lastEpoch++;
        Integer count = milestones.get(lastEpoch);
        if (count != null) {
            learningRate = learningRate * Math.pow(gamma, count);
        }
    }

    /** The rate the optimiser uses now ({@code param_groups[0]['lr']}). */
    double learningRate() {
        return learningRate;
    }

    double baseLearningRate() {
        return baseLearningRate;
    }

    double gamma() {
        return gamma;
    }

    Map<Integer, Integer> milestones() {
        return milestones;
    }

    int lastEpoch() {
        return lastEpoch;
    }

    int stepCount() {
        return stepCount;
    }
}
