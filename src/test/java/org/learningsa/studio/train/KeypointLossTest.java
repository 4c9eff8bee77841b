package org.learningsa.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.KeypointPair;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;

class KeypointLossTest {

    private static KeypointPair pair(double[] sx, double[] sy, double[] tx, double[] ty) {
        return new KeypointPair("test.csv row 1", "a.jpg", "b.jpg", null, null, "cat", null, sx, sy, tx, ty, null, Double.NaN);
    }

    @Test
    void aTargetPointThatRoundsOntoTheImageWidthIsADataErrorNamingThePair() {
        KeypointPair p = pair(new double[] {1}, new double[] {1}, new double[] {99.6}, new double[] {10});
        UserFacingException e = assertThrows(UserFacingException.class, () -> KeypointLoss.geometry(p, 50, 40, 100, 80));
        assertTrue(e.getMessage().contains("test.csv row 1") && e.getMessage().contains("(100, 10)"), e.getMessage());
        // 99.5 rounds half to even (to 100) as torch.round does
        assertThrows(UserFacingException.class, () -> KeypointLoss.geometry(
                pair(new double[] {1}, new double[] {1}, new double[] {99.5}, new double[] {10}), 50, 40, 100, 80));
    }

    @Test
    void aSourcePointOutsideTheSourceImageIsRefusedLikeATargetOne() {
        for (double x : new double[] {5000, -3, Double.NaN}) {
            KeypointPair p = pair(new double[] {x}, new double[] {1}, new double[] {10}, new double[] {10});
            UserFacingException e = assertThrows(UserFacingException.class, () -> KeypointLoss.geometry(p, 50, 40, 100, 80),
                    "x = " + x);
            assertTrue(e.getMessage().contains("test.csv row 1: source keypoint 1") && e.getMessage().contains(
                    "outside the 50×40 source image a.jpg"), e.getMessage());
        }
        KeypointLoss.geometry(pair(new double[] {49.4}, new double[] {-0.4}, new double[] {10}, new double[] {10}),
                50, 40, 100, 80); // on the image up to its pixel edge, as target points
    }

    /**
     * A grid of zeros maps every target point to the source centre ((W−1)/2, (H−1)/2) exactly: a source keypoint
     * there has distance 0, where sqrt's gradient would be NaN; it must count as 0 and be reported.
     */
    @Test
    void zeroDistancesContributeNothingToTheGradientAndAreCounted() {
        EngineRuntime.start(DeviceChoice.CPU);
        int sw = 51;
        int sh = 41;
        KeypointPair p = pair(new double[] {25, 28}, new double[] {20, 24}, new double[] {10, 60}, new double[] {5, 70});
        KeypointLoss.PairGeometry g = KeypointLoss.geometry(p, sw, sh, 100, 80);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray grid = manager.zeros(new Shape(400, 2));
            grid.setRequiresGradient(true);
            KeypointLoss.Terms terms;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector();
                 NDManager scope = manager.newSubManager()) {
                grid.tempAttach(scope);
                Map<String, NDArray> readouts = new LinkedHashMap<>();
                for (String name : KeypointLoss.GRIDS) {
                    readouts.put(name, grid);
                }
                terms = KeypointLoss.compute(readouts, g, scope);
                gc.backward(terms.total());
            }
            assertEquals(5, terms.zeroDistancePoints(), "one zero distance in each of the 5 terms");
            double other = Math.hypot(28 - 25, 24 - 20) / 2; // mean over the 2 points
            for (double v : terms.values()) {
                assertEquals(other, v, 1e-6);
            }
            assertEquals(5 * other, terms.totalValue(), 1e-5);
            for (float v : grid.getGradient().toFloatArray()) {
                assertTrue(Float.isFinite(v), "gradient must stay finite");
            }
        }
    }
}
