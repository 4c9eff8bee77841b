package org.learningsa.studio.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;

class TorchAdamTest {

    /**
     * torch.optim.Adam's update written out in float32 as its single-tensor path evaluates it; the values are
     * chosen so that DJL's Adam (eps folded differently) would be visibly off for the small gradient.
     */
    private static float[] reference(float[] p, float[][] grads, double lr) {
        float[] m = new float[p.length];
        float[] v = new float[p.length];
        float[] out = p.clone();
        for (int t = 1; t <= grads.length; t++) {
            float[] g = grads[t - 1];
            double bc1 = 1 - Math.pow(0.9, t);
            double bc2 = 1 - Math.pow(0.999, t);
            for (int i = 0; i < p.length; i++) {
                m[i] = m[i] * 0.9f + g[i] * (float) (1 - 0.9);
                v[i] = v[i] * 0.999f + g[i] * (float) (1 - 0.999) * g[i];
                float denom = (float) Math.sqrt(v[i]) / (float) Math.sqrt(bc2) + 1e-8f;
                out[i] = out[i] + m[i] * (float) -(lr / bc1) / denom;
            }
        }
        return out;
    }

    @Test
    void stepsExactlyAsTorchAdamAndLeavesParametersWithoutGradientAlone() {
        EngineRuntime.start(DeviceChoice.CPU);
        float[] start = {0.5f, -1.25f, 2f, 1e-3f};
        float[] coefficients = {1f, -3f, 1e-7f, 0.25f};
        float[][] grads = new float[3][];
        try (NDManager manager = NDManager.newBaseManager(); TorchAdam adam = new TorchAdam(manager)) {
            NDArray p = manager.create(start.clone());
            NDArray untouched = manager.create(new float[] {7f, 8f});
            p.setRequiresGradient(true);
            untouched.setRequiresGradient(true);
            for (int t = 0; t < 3; t++) {
                float[] now = p.toFloatArray();
                grads[t] = new float[now.length];
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector();
                     NDManager scope = manager.newSubManager()) {
                    p.tempAttach(scope);
                    // loss = Σ c·p², gradient 2·c·p
                    NDArray loss = p.square().mul(scope.create(coefficients)).sum();
                    gc.backward(loss);
                }
                for (int i = 0; i < now.length; i++) {
                    grads[t][i] = 2 * coefficients[i] * now[i];
                }
                adam.step(Map.of("p", p), 3e-5);
            }
            float[] expected = reference(start, grads, 3e-5);
            float[] actual = p.toFloatArray();
            for (int i = 0; i < actual.length; i++) {
                // the float32 formula above and libtorch differ at most by rounding (fused multiply-add)
                assertEquals(expected[i], actual[i], Math.ulp(expected[i]) * 4, "element " + i);
            }
            assertEquals(3, adam.state().get("p").step);
            assertTrue(!adam.state().containsKey("untouched"));
            assertArrayEquals(new float[] {7f, 8f}, untouched.toFloatArray());
        }
    }

    @Test
    void updatesALargeParameterSliceBySliceBitForBitAsTheWholeTensorFormula() {
        EngineRuntime.start(DeviceChoice.CPU);
        long n = 2 * TorchAdam.CHUNK + 12_345; // two full slices and a tail
        try (NDManager manager = NDManager.newBaseManager(); TorchAdam adam = new TorchAdam(manager)) {
            manager.getEngine().setRandomSeed(7);
            NDArray p = manager.randomNormal(new Shape(n));
            NDArray gradientSource = manager.randomNormal(p.getShape()).mul(1e-3f);
            NDArray expected = p.duplicate();
            NDArray m = manager.zeros(p.getShape());
            NDArray v = manager.zeros(p.getShape());
            p.setRequiresGradient(true);
            for (int t = 1; t <= 2; t++) {
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector();
                     NDManager scope = manager.newSubManager()) {
                    p.tempAttach(scope);
                    gc.backward(p.mul(gradientSource).sum()); // gradient = gradientSource exactly
                }
                adam.step(Map.of("p", p), 3e-5);
                // the same formula over the whole tensor at once, as torch's single-tensor Adam writes it
                m.muli(0.9f).addi(gradientSource.mul((float) (1 - 0.9)));
                v.muli(0.999f).addi(gradientSource.mul((float) (1 - 0.999)).mul(gradientSource));
                NDArray denom = v.sqrt().div((float) Math.sqrt(1 - Math.pow(0.999, t))).add(1e-8f);
                expected.addi(m.mul((float) -(3e-5 / (1 - Math.pow(0.9, t)))).div(denom));
            }
            assertArrayEquals(expected.toFloatArray(), p.toFloatArray());
        }
    }
}
