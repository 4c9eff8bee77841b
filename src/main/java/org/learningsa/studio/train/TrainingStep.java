package org.learningsa.studio.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.learningsa.studio.engine.TrainingForward;

/**
 * One optimiser step of train.py's inner loop on cached frozen features: {@code zero_grad} (the previous step
 * zeroed them), forward through the trainable part, the loss, {@code backward}, {@code optimizer.step()}.
 */
final class TrainingStep {

    private TrainingStep() {
    }

    /** @return the loss terms of the step (before its update) */
    static KeypointLoss.Terms run(TrainingForward forward, TorchAdam adam, Map<String, NDArray> parameters,
                                  FeatureCache.Entry source, FeatureCache.Entry target, KeypointLoss.PairGeometry geometry,
                                  double learningRate, Device device) {
        KeypointLoss.Terms terms;
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector();
             NDManager scope = NDManager.newBaseManager(device)) {
            Map<String, NDArray> readouts = forward.readout(source.levels(), target.levels(), scope);
            terms = KeypointLoss.compute(readouts, geometry, scope);
            collector.backward(terms.total());
        }
        adam.step(parameters, learningRate);
        return new KeypointLoss.Terms(null, terms.totalValue(), terms.values(), terms.zeroDistancePoints());
    }
}
