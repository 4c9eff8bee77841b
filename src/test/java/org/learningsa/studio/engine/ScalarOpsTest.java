package org.learningsa.studio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A scalar factor that autograd saved must survive a garbage collection between forward and backward: DJL's own
 * {@code mul(Number)} fails this (its constant lives in a direct buffer freed by the collector, so the gradient reads
 * freed memory), which made fine-tuning steps NaN.
 */
class ScalarOpsTest {

    @Test
    void gradientOfAScaledArrayIsTheScaleAfterACollection() {
        assertEquals(3f, gradientAfterCollection(x -> ScalarOps.times(x, 3f)));
    }

    @Test
    void gradientOfADividedArrayIsTheReciprocalAfterACollection() {
        assertEquals(1f / 4f, gradientAfterCollection(x -> ScalarOps.dividedBy(x, 4f)));
    }

    @Test
    void resultsEqualDjlsScalarOps() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(1000));
            assertEquals(x.mul(0.1f), ScalarOps.times(x, 0.1f));
            assertEquals(x.div(9f), ScalarOps.dividedBy(x, 9f));
        }
    }

    /** d/dx of sum(op(x)) at every element (all equal for these ops), with a collection and heap churn in between. */
    private static float gradientAfterCollection(UnaryOperator<NDArray> op) {
        Engine.getEngine("PyTorch");
        float gradient = Float.NaN;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(64));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector();
                 NDManager step = m.newSubManager()) {
                x.tempAttach(step);
                NDArray y = op.apply(x).sum();
                freeUnreachableDirectBuffersAndReuseTheirMemory();
                collector.backward(y);
            }
            float[] g = x.getGradient().toFloatArray();
            gradient = g[0];
            for (float v : g) {
                assertEquals(gradient, v);
            }
        }
        return gradient;
    }

    private static void freeUnreachableDirectBuffersAndReuseTheirMemory() {
        System.gc();
        try {
            Thread.sleep(200); // the reference handler runs the buffers' cleaners
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + (i % 4) * 4);
            while (b.hasRemaining()) {
                b.put((byte) 0xFF);
            }
            junk.add(b);
        }
        assertEquals(20_000, junk.size());
    }
}
