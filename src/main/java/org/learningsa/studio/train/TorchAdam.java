package org.learningsa.studio.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
    /** Elements per slice of the update: 1 Mi floats = 4 MB per temporary. */
    static final long CHUNK = 1 << 20;

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

    /** The parameters whose gradient had a NaN or an infinity in the last {@link #step}. */
    java.util.List<String> nonFiniteGradients() {
        return java.util.List.copyOf(nonFinite);
    }

    /**
     * One optimiser step over the parameters that have a gradient, then their gradients are zeroed
     * ({@code optimizer.zero_grad()} before the next backward).
     */
    void step(Map<String, NDArray> parametersWithGradient, double learningRate) {
        nonFinite.clear();
        // grad mode is per thread in libtorch; an in-place update of a leaf that requires grad must run without it
        JniUtils.setGradMode(false);
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
                slot.step++;
                double biasCorrection1 = 1 - Math.pow(BETA1, slot.step);
                double biasCorrection2 = 1 - Math.pow(BETA2, slot.step);
                Update update = new Update((float) -(learningRate / biasCorrection1), (float) Math.sqrt(biasCorrection2));
                if (!update.apply(parameter, gradient, slot.expAvg, slot.expAvgSq)) {
                    // torch applies such a step too (and the weights become NaN); say where it came from
                    nonFinite.add(e.getKey());
                }
                JniUtils.zeroGrad((PtNDArray) parameter);
            }
        }
    }

    /**
     * The element-wise update of one parameter, run over flat slices of {@link #CHUNK} elements (views, so the
     * parameter and its moments change in place). Every element goes through the same float32 ops as the
     * whole-tensor formula, so the result is bit-identical; but the temporaries are a few MB instead of 7 copies of
     * the tensor (the level-4 projection alone is 420 MB), which keeps the peak memory down and lets the allocator
     * reuse them instead of mapping fresh pages every time. Parameters, gradients and moments are contiguous (created
     * so, and autograd gives a contiguous parameter a contiguous gradient), which the views rely on.
     */
    private record Update(float negativeStepSize, float biasCorrection2Sqrt) {

        /** @return whether the gradient was finite */
        boolean apply(NDArray parameter, NDArray gradient, NDArray expAvg, NDArray expAvgSq) {
            long n = parameter.size();
            NDArray p = parameter.reshape(-1);
            NDArray g = gradient.reshape(-1);
            NDArray m = expAvg.reshape(-1);
            NDArray v = expAvgSq.reshape(-1);
            boolean finite = true;
            for (long from = 0; from < n; from += CHUNK) {
                NDIndex slice = new NDIndex("{}:{}", from, Math.min(n, from + CHUNK));
                try (NDManager chunk = p.getManager().newSubManager()) {
                    NDArray pc = p.get(slice);
                    NDArray gc = g.get(slice);
                    NDArray mc = m.get(slice);
                    NDArray vc = v.get(slice);
                    for (NDArray a : new NDArray[] {pc, gc, mc, vc}) {
                        a.attach(chunk);
                    }
                    finite &= Float.isFinite(gc.sum().getFloat());
                    // m = m·β1 + (1−β1)·g
                    mc.muli((float) BETA1).addi(gc.mul((float) (1 - BETA1)));
                    // v = v·β2 + ((1−β2)·g)·g: addcmul_(g, g, value) evaluated left to right
                    vc.muli((float) BETA2).addi(gc.mul((float) (1 - BETA2)).muli(gc));
                    // denom = sqrt(v) / sqrt(1 − β2^t) + eps, then p += (−lr / (1 − β1^t))·m / denom (addcdiv_)
                    NDArray denom = vc.sqrt().divi(biasCorrection2Sqrt).addi((float) EPS);
                    pc.addi(mc.mul(negativeStepSize).divi(denom));
                }
            }
            return finite;
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
