package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alignment read-outs on hand-made network outputs; tolerances are float rounding (1e-3 px, 1e-6 otherwise). */
class AlignmentTest {

    private static final ImageRef SOURCE = new ImageRef(null, 640, 480);
    private static final ImageRef TARGET = new ImageRef(null, 320, 240);

    /** Identity grids (each cell points at its own centre), constant peak 0.5, equal level weights. */
    private static Map<String, float[]> identityOutputs(double shiftCellsS2T) {
        Map<String, float[]> outputs = new HashMap<>();
        float[] identity = new float[800];
        float[] shifted = new float[800];
        for (int r = 0; r < 20; r++) {
            for (int c = 0; c < 20; c++) {
                identity[(r * 20 + c) * 2] = (float) ExactMapping.normalisedFromCell(c);
                identity[(r * 20 + c) * 2 + 1] = (float) ExactMapping.normalisedFromCell(r);
                shifted[(r * 20 + c) * 2] = (float) ExactMapping.normalisedFromCell(c + shiftCellsS2T);
                shifted[(r * 20 + c) * 2 + 1] = (float) ExactMapping.normalisedFromCell(r);
            }
        }
        float[] peak = new float[400];
        java.util.Arrays.fill(peak, 0.5f);
        for (Readout readout : Readout.values()) {
            outputs.put("grid_S2T" + readout.suffix(), shifted);
            outputs.put("grid_T2S" + readout.suffix(), identity);
            outputs.put("sam_pmax_S2T" + readout.suffix(), peak);
            outputs.put("sam_pmax_T2S" + readout.suffix(), peak);
        }
        for (int level = 1; level <= 4; level++) {
            float[] corr = new float[160000];
            for (int i = 0; i < corr.length; i++) {
                corr[i] = level * 1000 + i / 400 + (i % 400) / 1000f; // t + s/1000, level-tagged
            }
            outputs.put("corr" + level, corr);
        }
        float[] fused = new float[160000];
        for (int i = 0; i < fused.length; i++) {
            fused[i] = -(i / 400) - (i % 400) / 1000f; // −(s + t/1000)
        }
        outputs.put("corr_fused", fused);
        float[] cams = new float[1600];
        java.util.Arrays.fill(cams, 0.25f);
        outputs.put("cams", cams);
        return outputs;
    }

    private static Alignment alignment(double shiftCells) {
        Map<String, float[]> outputs = identityOutputs(shiftCells);
        return Alignment.fromOutputs(SOURCE, TARGET, "test", false, outputs::get);
    }

    @Test
    void identityGridMapsPointsByTheImageScaleOnly() {
        Alignment a = alignment(0);
        PixelPoint p = a.map(Direction.SOURCE_TO_TARGET, 100, 50, Readout.FUSED, Mapping.EXACT);
        // (x + 0.5)·320/640 − 0.5
        assertEquals(49.75, p.x(), 1e-3);
        assertEquals(24.75, p.y(), 1e-3);
        PixelPoint back = a.map(Direction.TARGET_TO_SOURCE, p.x(), p.y(), Readout.LEVEL_3, Mapping.EXACT);
        assertEquals(100, back.x(), 1e-3);
        assertEquals(50, back.y(), 1e-3);
    }

    @Test
    void paperMappingOfAnIdentityGridShrinksTowardsTheCentreByTheReferenceFactor() {
        Alignment a = alignment(0);
        // interior g = (−17/19 … 17/19)·10/9 → the image corner lands 1 − (17/19)(10/9) ≈ 0.58 % inside
        PixelPoint corner = a.map(Direction.TARGET_TO_SOURCE, 0, 0, Readout.FUSED, Mapping.PAPER);
        double g = (-17.0 / 19) * 10 / 9;
        assertEquals((g + 1) * 639 / 2, corner.x(), 1e-3);
        assertEquals((g + 1) * 479 / 2, corner.y(), 1e-3);
    }

    @Test
    void heatmapsReadTheRightRowOfEachLayout() {
        Alignment a = alignment(0);
        int sourceCell = 5 * 20 + 7;
        double x = ExactMapping.originalFromCell(7, 640);
        double y = ExactMapping.originalFromCell(5, 480);
        float[] s2t = a.heatmap(Direction.SOURCE_TO_TARGET, x, y, Readout.LEVEL_2);
        assertEquals(2000 + 33 + sourceCell / 1000f, s2t[33], 1e-3); // corr2[t=33][s]
        float[] fusedRow = a.heatmap(Direction.SOURCE_TO_TARGET, x, y, Readout.FUSED);
        assertEquals(-(sourceCell + 33 / 1000f), fusedRow[33], 1e-3); // corr_fused[s][t=33]
        double tx = ExactMapping.originalFromCell(7, 320);
        double ty = ExactMapping.originalFromCell(5, 240);
        float[] t2s = a.heatmap(Direction.TARGET_TO_SOURCE, tx, ty, Readout.LEVEL_4);
        assertEquals(4000 + sourceCell + 12 / 1000f, t2s[12], 1e-2); // corr4[t=107][s=12]
    }

    @Test
    void confidencesOfAConsistentField() {
        Alignment a = alignment(0);
        assertEquals(0.5, a.confidence(Direction.SOURCE_TO_TARGET, 300, 200, Readout.FUSED,
                ConfidenceKind.PEAK_PROBABILITY), 1e-6);
        assertEquals(1.0, a.confidence(Direction.SOURCE_TO_TARGET, 300, 200, Readout.FUSED,
                ConfidenceKind.FORWARD_BACKWARD), 1e-6);
        assertEquals(0.25, a.confidence(Direction.TARGET_TO_SOURCE, 100, 100, Readout.FUSED,
                ConfidenceKind.LEVEL_WEIGHT), 1e-6);
        MatchSet matches = a.matches(Readout.FUSED, ConfidenceKind.FORWARD_BACKWARD);
        assertEquals(324, matches.size());
        assertTrue(matches.matches().stream().allMatch(Match::mutual));
        assertEquals(10, matches.top(10).size());
        assertEquals(0, matches.atLeast(1.01).size());
        assertEquals(4 * 324, a.matches(Readout.FUSED, ConfidenceKind.PEAK_PROBABILITY, Mapping.EXACT, 2).size());
    }

    @Test
    void forwardBackwardConfidenceFallsWithTheRoundTripDistance() {
        // S2T moves two cells right, T2S is the identity: the round trip ends two cells off
        Alignment a = alignment(2);
        double x = ExactMapping.originalFromCell(8, 640);
        double y = ExactMapping.originalFromCell(8, 480);
        assertEquals(Math.exp(-2), a.confidence(Direction.SOURCE_TO_TARGET, x, y, Readout.FUSED,
                ConfidenceKind.FORWARD_BACKWARD), 1e-4);
        assertFalse(a.matches(Readout.FUSED, ConfidenceKind.PEAK_PROBABILITY).matches().get(8 * 18 + 8).mutual());
    }

    @Test
    void missingOutputsAreNamed() {
        Map<String, float[]> outputs = identityOutputs(0);
        outputs.remove("cams");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Alignment.fromOutputs(SOURCE, TARGET, "test", false, outputs::get));
        assertTrue(e.getMessage().contains("cams"));
    }
}
