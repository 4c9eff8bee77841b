package org.learningsa.studio.train;

/**
 * One optimiser step as metrics.jsonl records it ({@code "kind": "step"}).
 *
 * @param step               global step number, from 1
 * @param epoch              epoch, from 0
 * @param pair               index of the pair in the (possibly shuffled) epoch order, from 0
 * @param learningRate       the learning rate this step used
 * @param loss               total loss: fused + the 4 levels (lambda 1 = 1), in source pixels
 * @param lossFused          mean keypoint error of the fused readout (train.py's L5)
 * @param lossLevel1         … of level 1 (layer1 features; train.py's L1), and so on
 * @param timeMs             wall time of the step (forward, backward, Adam)
 * @param zeroDistancePoints keypoints whose predicted and true positions coincided exactly in some term: their
 *                           distance gradient is undefined (PyTorch would give NaN) and is taken as 0
 */
public record StepMetrics(long step, int epoch, int pair, double learningRate, double loss, double lossFused,
                          double lossLevel1, double lossLevel2, double lossLevel3, double lossLevel4, double timeMs,
                          int zeroDistancePoints) implements MetricsLog.Entry {

    public StepMetrics(long step, int epoch, int pair, double learningRate, double loss, double lossFused,
                       double lossLevel1, double lossLevel2, double lossLevel3, double lossLevel4, double timeMs) {
        this(step, epoch, pair, learningRate, loss, lossFused, lossLevel1, lossLevel2, lossLevel3, lossLevel4, timeMs, 0);
    }

    /** The 4 level losses, index 0 = level 1. */
    public double[] levelLosses() {
        return new double[] {lossLevel1, lossLevel2, lossLevel3, lossLevel4};
    }
}
