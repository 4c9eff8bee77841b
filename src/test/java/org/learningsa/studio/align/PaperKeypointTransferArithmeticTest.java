package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ×10/9 de-padding in float32 exactly as the reference writes it: {@code g * 10 / 9}, two operations. */
class PaperKeypointTransferArithmeticTest {

    @Test
    void depadsWithTimesTenThenDivideByNineInFloat32() {
        float g = 0.46175635f; // a value where (g·10)/9 and g·(float)(10/9) differ by one ulp
        float twoSteps = g * 10f / 9f;
        assertNotEquals(twoSteps, g * PaperKeypointTransfer.PAPER_SCALE, "the case must tell the two apart");
        float[] grid = new float[20 * 20 * 2];
        Arrays.fill(grid, g);
        // an 18-pixel target reads cell k exactly at pixel k (no interpolation weight), 19 px source: (G + 1)·18/2
        PixelPoint p = PaperKeypointTransfer.transfer(grid, 5, 7, 18, 18, 19, 19);
        assertEquals((twoSteps + 1f) * 18 / 2f, p.x(), 0.0, "bit-exact float32");
        assertEquals((twoSteps + 1f) * 18 / 2f, p.y(), 0.0);
    }
}
