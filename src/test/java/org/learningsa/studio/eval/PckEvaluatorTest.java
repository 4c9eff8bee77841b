package org.learningsa.studio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.KeypointPair;

/**
 * Hand-computed cases of spec §3.1. Tolerance 1e-4 px where a prediction is compared: the known
 * grid is stored as float32 and goes through ×9/10 and back through ×10/9 in float32.
 */
class PckEvaluatorTest {

    private static final double PX = 1e-4;

    static KeypointPair pair(String category, double[] sx, double[] sy, double[] tx, double[] ty, double bboxSide) {
        return new KeypointPair("test row", "a.jpg", "b.jpg", null, null, category, null, sx, sy, tx, ty, null, bboxSide);
    }

    private static PckEvaluator evaluator(Benchmark benchmark, ThresholdKind threshold, List<Double> alphas) {
        return new PckEvaluator(new EvaluationSettings(benchmark, threshold, Mapping.PAPER, alphas));
    }

    @Test
    void roundsTargetKeypointsHalfToEven() {
        // 18×18 images: target pixel k reads exactly cropped cell k, the identity grid returns k
        PairResult r = evaluator(Benchmark.PF_PASCAL, ThresholdKind.BOUNDING_BOX, List.of(0.1)).evaluate(
                pair("cat", new double[] {2, 4}, new double[] {4, 2}, new double[] {2.5, 3.5}, new double[] {3.5, 2.5}, 100),
                KnownCorrespondence.identity(18, 18));
        assertEquals(2.0, r.predictedX()[0], PX, "2.5 rounds to 2");
        assertEquals(4.0, r.predictedY()[0], PX, "3.5 rounds to 4");
        assertEquals(4.0, r.predictedX()[1], PX);
        assertEquals(2.0, r.predictedY()[1], PX);
    }

    @Test
    void movesPointsOnTheRightAndBottomEdgeOnePixelIn() {
        PairResult r = evaluator(Benchmark.PF_PASCAL, ThresholdKind.BOUNDING_BOX, List.of(0.1)).evaluate(
                pair("cat", new double[] {17, 17}, new double[] {17, 5}, new double[] {18, 17.5}, new double[] {18, 5}, 100),
                KnownCorrespondence.identity(18, 18));
        assertEquals(17.0, r.predictedX()[0], PX, "x = W is read at W - 1");
        assertEquals(17.0, r.predictedY()[0], PX, "y = H is read at H - 1");
        assertEquals(17.0, r.predictedX()[1], PX, "17.5 rounds half-to-even to 18 = W, then W - 1");
    }

    @Test
    void skipsPaddedPointsAndAveragesOverTheValidSourcePoints() {
        double[] sx = {3, 6, 9, -1, -1};
        double[] sy = {3, 6, 9, -1, -1};
        double[] tx = {3, 6, 15, -1, -1};
        double[] ty = {3, 6, 15, -1, -1};
        PairResult r = evaluator(Benchmark.PF_PASCAL, ThresholdKind.BOUNDING_BOX, List.of(0.05, 0.15)).evaluate(
                pair("cat", sx, sy, tx, ty, 40), KnownCorrespondence.identity(18, 18));
        assertEquals(3, r.evaluatedPoints(), "N_pts counts the source points that are not (-1, -1)");
        assertTrue(Double.isNaN(r.predictedX()[3]), "a (-1, -1) target point is not transferred");
        assertEquals(Math.hypot(6, 6), r.distances()[2], 1e-4);
        // α 0.05: L·α = 2 px → the third point (8.49 px off) fails; α 0.15: 6 px → still fails
        assertEquals(2.0 / 3.0, r.pck()[0], 1e-12);
        assertEquals(2.0 / 3.0, r.pck()[1], 1e-12);
    }

    @Test
    void willowBboxThresholdIsTheExtentOfTheTargetKeypoints() {
        double[] sx = {0, 50};
        double[] sy = {0, 10};
        double[] tx = {10, 110};
        double[] ty = {20, 60};
        PairResult r = evaluator(Benchmark.PF_WILLOW, ThresholdKind.BOUNDING_BOX, List.of(0.1)).evaluate(
                pair("car(G)", sx, sy, tx, ty, Double.NaN), new KnownCorrespondence(200, 200, 200, 200, 1, 0, 0));
        assertEquals(100.0, r.thresholdLength(), 0.0, "max(110 - 10, 60 - 20) of the target, not the source's 50");
    }

    @Test
    void imageSizeThresholdRescalesBothImagesTo288WithL288() {
        // source 576×144 → x·0.5, y·2; target 288×288 unchanged
        double[] sx = {100, 200};
        double[] sy = {50, 70};
        PairResult r = evaluator(Benchmark.PF_PASCAL, ThresholdKind.IMAGE_SIZE, List.of(0.05)).evaluate(
                pair("cat", sx, sy, new double[] {50, 100}, new double[] {100, 140}, 999),
                new KnownCorrespondence(576, 144, 288, 288, 1, 0, 0));
        assertEquals(288.0, r.thresholdLength(), 0.0);
        assertEquals(50.0, r.sourceX()[0], 0.0);
        assertEquals(100.0, r.sourceY()[0], 0.0);
        assertEquals(140.0, r.targetY()[1], 0.0);
    }

    @Test
    void pascalBboxThresholdNeedsColumnSeven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator(Benchmark.PF_PASCAL, ThresholdKind.BOUNDING_BOX, List.of(0.1)).evaluate(
                        pair("cat", new double[] {1}, new double[] {1}, new double[] {1}, new double[] {1}, Double.NaN),
                        KnownCorrespondence.identity(18, 18)));
        assertTrue(e.getMessage().contains("column 7"), e.getMessage());
    }

    @Test
    void pointExactlyAtTheThresholdCountsInFloat32() {
        // torch.le(distance, L·α) in float32: 100·0.05f is exactly 5.0f
        assertTrue(PckMath.withinThreshold(5.0, 100, 0.05), "5 ≤ 5");
        assertTrue(!PckMath.withinThreshold(Math.nextUp(5.0f), 100, 0.05), "one float32 ulp beyond fails");
        assertEquals(0.5, PckMath.fraction(new double[] {5.0, 5.001}, 100, 0.05), 0.0);
    }

    @Test
    void exactMappingUsesTheGeometricMapInOriginalPixels() {
        PckEvaluator exact = new PckEvaluator(new EvaluationSettings(Benchmark.PF_PASCAL, ThresholdKind.IMAGE_SIZE,
                Mapping.EXACT, List.of(0.05)));
        PairResult r = exact.evaluate(pair("cat", new double[] {20}, new double[] {30}, new double[] {40}, new double[] {60}, 1),
                new KnownCorrespondence(144, 144, 144, 144, 0.5, 0, 0));
        assertEquals(40.0, r.predictedX()[0], 1e-9, "target x 40 → frame 80 → back 40 → source 20 → frame 40");
        assertEquals(1.0, r.pck()[0], 0.0);
    }
}
