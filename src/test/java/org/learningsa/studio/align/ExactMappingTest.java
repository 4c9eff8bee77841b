package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact mapping between original pixels, the 320 canvas and the grid; tolerance 1e-9 (pure double arithmetic). */
class ExactMappingTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void originalToGridAndBackIsTheIdentity() {
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            int size = 1 + random.nextInt(5000);
            double x = -0.5 + random.nextDouble() * size;
            double g = ExactMapping.normalisedFromCell(ExactMapping.cellFromOriginal(x, size));
            assertEquals(x, ExactMapping.originalFromNormalised(g, size), TOLERANCE * size);
        }
    }

    @Test
    void imageEdgesAndCellCentresLandWhereTheDocumentationSays() {
        // the outer edge of the first pixel is the inner edge of the 16-pixel pad
        assertEquals(15.5, ExactMapping.canvasFromOriginal(-0.5, 640), TOLERANCE);
        assertEquals(303.5, ExactMapping.canvasFromOriginal(639.5, 640), TOLERANCE);
        // g = −1 and +1 are the centres of cells 0 and 19
        assertEquals(7.5, ExactMapping.canvasFromCell(ExactMapping.cellFromNormalised(-1)), TOLERANCE);
        assertEquals(311.5, ExactMapping.canvasFromCell(ExactMapping.cellFromNormalised(1)), TOLERANCE);
        // interior cells tile the image: cell 1 is centred on the 8th of 288 pixels (7.5)
        assertEquals(7.5 * 640 / 288.0 + (640 / 288.0 - 1) / 2, ExactMapping.originalFromCell(1, 640), TOLERANCE);
        assertEquals(1.0, ExactMapping.cellFromCanvas(23.5), TOLERANCE);
    }
}
