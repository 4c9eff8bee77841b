package org.learningsa.studio.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code torch.optim.Adam} (lr given per step, betas 0.9/0.999, eps 1e-8, no weight decay, no amsgrad) exactly as
 * its single-tensor CPU path computes it, with its own state per parameter so that it can be saved and resumed:
 * <pre>
 *   step += 1
 *   m = m·β1 + (1−β1)·g                 v = v·β2 + (1−β2)·g·g
 *   denom = sqrt(v) / sqrt(1 − β2^step) + eps          (eps after the bias-corrected sqrt)
 *   p = p + (−lr / (1 − β1^step))·m / denom
 * </pre>
 * DJL's own Adam folds both bias corrections into the learning rate, which moves eps (effectively ε/√(1−β2^t)) and
 * differs visibly for small gradients. A parameter that received no gradient is not touched and gets no state, as
 * torch skips {@code p.grad is None}. Updates run in place with gradients off (call it outside a collector).
 */
final class TorchAdam implements AutoCloseable {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    /** The state torch keeps per parameter: {@code step} (a float tensor in torch ≥ 1.12), {@code exp_avg}, {@code exp_avg_sq}. */
    static final class Slot {
        long step;
        final NDArray expAvg;
        final NDArray expAvgSq;

        Slot(long step, NDArray expAvg, NDArray expAvgSq) {
            this.step = step;
            this.expAvg = expAvg;
            this.expAvgSq = expAvgSq;
        }
    }

    private final NDManager manager;
    private final Map<String, Slot> state = new LinkedHashMap<>();
    private final java.util.List<String> nonFinite = new java.util.ArrayList<>();

    TorchAdam(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /** The state by parameter name, in the order the parameters first stepped. */
    Map<String, Slot> state() {
        return state;
    }

    /** The manager that owns the state (for restoring a saved one). */
    NDManager manager() {
        return manager;
    }

    /** Restores the state of one parameter (the arrays are taken over). */
    void restore(String name, long step, NDArray expAvg, NDArray expAvgSq) {
        expAvg.attach(manager);
        expAvgSq.attach(manager);
        state.put(name, new Slot(step, expAvg, expAvgSq));
    }

    /**
     * One optimiser step over the parameters that have a gradient, then their gradients are zeroed
     * ({@code optimizer.zero_grad()} before the next backward).
     */
    /** The parameters whose gradient had a NaN or an infinity in the last {@link #step}. */
    java.util.List<String> nonFiniteGradients() {
        return java.util.List.copyOf(nonFinite);
    }

    void step(Map<String, NDArray> parametersWithGradient, double learningRate) {
        nonFinite.clear();
        // grad mode is per thread in libtorch; an in-place update of a leaf that requires grad must run without it
        JniUtils.setGradMode(false);
        float oneMinusBeta1 = (float) (1 - BETA1);
        float oneMinusBeta2 = (float) (1 - BETA2);
        for (Map.Entry<String, NDArray> e : parametersWithGradient.entrySet()) {
            NDArray parameter = e.getValue();
            try (NDManager scope = manager.newSubManager()) {
                // results attach to their first operand's manager: keep every temporary in this scope
                parameter.tempAttach(scope);
                // an undefined .grad (the tensor was not in the graph): torch skips the parameter, no state, no move
                NDArray gradient = JniUtils.getGradient((PtNDArray) parameter);
                if (gradient == null) {
                    continue;
                }
                gradient.attach(scope);
                Slot slot = state.computeIfAbsent(e.getKey(), k -> new Slot(0, zerosLike(parameter), zerosLike(parameter)));
                slot.expAvg.tempAttach(scope);
                slot.expAvgSq.tempAttach(scope);
                if (!Float.isFinite(gradient.sum().getFloat())) {
                    // torch applies such a step too (and the weights become NaN); say where it came from
                    nonFinite.add(e.getKey());
                }
                slot.step++;
                slot.expAvg.muli((float) BETA1).addi(gradient.mul(oneMinusBeta1));
                // addcmul_(g, g, value): self + value·g·g, evaluated left to right
                slot.expAvgSq.muli((float) BETA2).addi(gradient.mul(oneMinusBeta2).mul(gradient));
                double biasCorrection1 = 1 - Math.pow(BETA1, slot.step);
                double biasCorrection2 = 1 - Math.pow(BETA2, slot.step);
                double stepSize = learningRate / biasCorrection1;
                NDArray denom = slot.expAvgSq.sqrt().div((float) Math.sqrt(biasCorrection2)).add((float) EPS);
                // addcdiv_(m, denom, value=-step_size): self + value·m / denom
                parameter.addi(slot.expAvg.mul((float) -stepSize).div(denom));
                JniUtils.zeroGrad((PtNDArray) parameter);
            }
        }
    }

    private NDArray zerosLike(NDArray parameter) {
        NDArray z = manager.zeros(parameter.getShape(), parameter.getDataType());
        z.attach(manager);
        return z;
    }

    @Override
    public void close() {
        manager.close();
    }
}
