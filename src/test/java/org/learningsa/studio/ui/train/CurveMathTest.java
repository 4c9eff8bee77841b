package org.learningsa.studio.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CurveMathTest {

    @Test
    void decimationKeepsEverySpikeAndTheEnds() {
        int n = 50_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = 1 + 0.001 * Math.sin(i);
        }
        y[12_345] = 40; // one diverging step
        y[33_333] = -3;
        CurveMath.Points points = CurveMath.decimate(x, y, n, 250);
        assertTrue(points.count() <= 1000, points.count() + " points");
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.count(); i++) {
            max = Math.max(max, points.y()[i]);
            min = Math.min(min, points.y()[i]);
            if (i > 0) {
                assertTrue(points.x()[i] > points.x()[i - 1], "x stays increasing");
            }
        }
        assertEquals(40, max, "the spike survives");
        assertEquals(-3, min);
        assertEquals(1, points.x()[0]);
        assertEquals(n, points.x()[points.count() - 1]);
    }

    @Test
    void fewPointsPassUnchanged() {
        double[] x = {1, 2, 3};
        double[] y = {5, 4, 3};
        CurveMath.Points points = CurveMath.decimate(x, y, 3, 100);
        assertArrayEquals(y, points.y());
    }

    @Test
    void smoothingIsTensorBoardsDebiasedAverageAndZeroMeansRaw() {
        double[] y = {10, 0, 10, 0};
        double[] raw = CurveMath.smooth(y, 4, 0);
        assertArrayEquals(y, raw);
        double[] s = CurveMath.smooth(y, 4, 0.5);
        assertEquals(10, s[0], 1e-12, "debiased: the first point is itself");
        // 0.5·(0.5·10) + 0 = 2.5, debias 1 − 0.25 = 0.75
        assertEquals(0.5 * 10 * 0.5 / 0.75, s[1], 1e-12);
        double[] withNaN = CurveMath.smooth(new double[] {4, Double.NaN, 4}, 3, 0.9);
        assertEquals(4, withNaN[1], 1e-12, "a NaN step keeps the curve where it was");
        assertEquals(4, withNaN[2], 1e-12);
    }
}
