package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of the reference's keypoint transfer (spec §3.1). Tolerance 1e-4 pixels: the
 * arithmetic is float32 like the reference, so results carry float rounding of about 1e-5 pixels.
 */
class PaperKeypointTransferTest {

    private static final double TOLERANCE = 1e-4;

    /**
     * A grid whose interior, after ×10/9, is linspace(−1, 1, 18) over the interior cells: the transfer then
     * maps p to p·(W_to − 1)/(W_from − 1) exactly, which makes every case computable by hand. The border
     * ring holds a value that must never be read.
     */
    private static float[] linearInteriorGrid() {
        float[] grid = new float[20 * 20 * 2];
        java.util.Arrays.fill(grid, 7f);
        for (int row = 1; row <= 18; row++) {
            for (int col = 1; col <= 18; col++) {
                grid[(row * 20 + col) * 2] = (float) ((-1 + 2.0 * (col - 1) / 17) * 0.9);
                grid[(row * 20 + col) * 2 + 1] = (float) ((-1 + 2.0 * (row - 1) / 17) * 0.9);
            }
        }
        return grid;
    }

    @Test
    void roundsHalfToEvenBeforeSampling() {
        float[] grid = linearInteriorGrid();
        // from 101×101 to 201×201: x̂ = 2·round_half_even(x)
        assertEquals(20, PaperKeypointTransfer.transfer(grid, 10.5, 3, 101, 101, 201, 201).x(), TOLERANCE);
        assertEquals(24, PaperKeypointTransfer.transfer(grid, 11.5, 3, 101, 101, 201, 201).x(), TOLERANCE);
        assertEquals(22, PaperKeypointTransfer.transfer(grid, 10.51, 3, 101, 101, 201, 201).x(), TOLERANCE);
        assertEquals(4, PaperKeypointTransfer.transfer(grid, 10.5, 2.5, 101, 101, 201, 201).y(), TOLERANCE); // 2.5 → 2
        assertEquals(8, PaperKeypointTransfer.transfer(grid, 10.5, 3.5, 101, 101, 201, 201).y(), TOLERANCE); // 3.5 → 4
    }

    @Test
    void pointOnTheFarEdgeIsClampedToTheLastPixel() {
        float[] grid = linearInteriorGrid();
        // px == W → W − 1 = 100 → 200; 100.5 rounds to 100 (even) as well
        assertEquals(200, PaperKeypointTransfer.transfer(grid, 101, 50, 101, 101, 201, 201).x(), TOLERANCE);
        assertEquals(200, PaperKeypointTransfer.transfer(grid, 100.5, 50, 101, 101, 201, 201).x(), TOLERANCE);
        assertEquals(200, PaperKeypointTransfer.transfer(grid, 50, 101, 101, 101, 201, 201).y(), TOLERANCE);
    }

    @Test
    void skipsTheAbsentMarkerButIndexesASingleMinusOneFromTheEnd() {
        float[] grid = linearInteriorGrid();
        assertNull(PaperKeypointTransfer.transfer(grid, -1, -1, 101, 101, 201, 201));
        assertNull(PaperKeypointTransfer.transfer(grid, -0.6, -1.4, 101, 101, 201, 201));
        // Python: G_up[py, -1] is the last column
        PixelPoint wrapped = PaperKeypointTransfer.transfer(grid, -1, 5, 101, 101, 201, 201);
        assertEquals(200, wrapped.x(), TOLERANCE);
        assertEquals(10, wrapped.y(), TOLERANCE);
    }

    @Test
    void cropsTheBorderRingScalesByTenNinthsAndInterpolatesBilinearly() {
        float[] grid = new float[20 * 20 * 2];
        java.util.Arrays.fill(grid, 5f); // border ring: must not leak in
        for (int row = 1; row <= 18; row++) {
            for (int col = 1; col <= 18; col++) {
                grid[(row * 20 + col) * 2] = 0f;
                grid[(row * 20 + col) * 2 + 1] = 0f;
            }
        }
        grid[(20 + 1) * 2] = 0.9f; // first interior cell: 0.9·10/9 = 1
        // from 35×35: u = px·17/34 = px/2; to 101×101: x̂ = (g + 1)·50
        assertEquals(100, PaperKeypointTransfer.transfer(grid, 0, 0, 35, 35, 101, 101).x(), TOLERANCE);
        assertEquals(75, PaperKeypointTransfer.transfer(grid, 1, 0, 35, 35, 101, 101).x(), TOLERANCE);
        assertEquals(62.5, PaperKeypointTransfer.transfer(grid, 1, 1, 35, 35, 101, 101).x(), TOLERANCE);
        assertEquals(50, PaperKeypointTransfer.transfer(grid, 2, 0, 35, 35, 101, 101).x(), TOLERANCE);
        assertEquals(50, PaperKeypointTransfer.transfer(grid, 0, 0, 35, 35, 101, 101).y(), TOLERANCE);
    }

    @Test
    void pythonIndexRuleMatchesTheReference() {
        assertEquals(9, PaperKeypointTransfer.pythonIndex(10, 10));
        assertEquals(9, PaperKeypointTransfer.pythonIndex(-1, 10));
        assertEquals(0, PaperKeypointTransfer.pythonIndex(-10, 10));
        assertEquals(4, PaperKeypointTransfer.pythonIndex(4, 10));
    }
}
