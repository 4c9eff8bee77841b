package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.editing.CorrectedCorrespondence;
import org.learningsa.studio.editing.CorrectedMatches;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.LearningSaWeights;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * The quality bar for the corrected correspondence, on a sample photo and its warp by a known
 * affine map: the network with the hashed (meaningless) weights matches badly; 8 correct user points
 * spread over the image with "trust my points" give PCK@0.05 ≥ 0.95 over all 18×18 grid matches; the user
 * points are exact (0.01 px) in both modes and both directions on the real network's map; and in the
 * default mode one corrected point changes the map only within its stated radius.
 * PCK as in {@link DefaultAlignerAccuracyTest}: threshold α·max(W, H) of the target, over the grid points
 * whose true position lies inside the target.
 */
@Tag("slow") // one forward pass of the real-size network on the CPU: 20-30 s alone, minutes on a busy machine
class CorrectedCorrespondenceQualityTest {

    private static final double ALPHA = 0.05;
    private static final double EXACT_PIXELS = 0.01;
    private static final AffineWarp WARP = new AffineWarp(12, 1.12, 30, -20, 512, 512);
    private static Alignment alignment;

    @BeforeAll
    static void alignWithHashedWeights() {
        Path photo = Path.of("assets", "samples", "apple.jpg");
        assumeTrue(Files.isRegularFile(photo), "assets/samples not found (run from the project folder)");
        RgbImage source = ImageDecoder.decode(photo);
        RgbImage target = WARP.warp(source);
        try (LearningSaAligner aligner = new LearningSaAligner(
                new LearningSaNetwork(LearningSaWeights.hashed(Device.cpu())), "LearningSA (hashed weights)")) {
            alignment = aligner.align(DecodedImage.of(source), DecodedImage.of(target), ProgressListener.NONE,
                    CancelToken.NEVER);
        }
    }

    /** 8 points on a 3×3 lattice over the source without its centre, each with its true target. */
    private static List<UserPoint> eightCorrectPoints() {
        List<UserPoint> points = new ArrayList<>();
        double[] fractions = {0.18, 0.5, 0.82};
        for (double fy : fractions) {
            for (double fx : fractions) {
                if (fx == 0.5 && fy == 0.5) {
                    continue;
                }
                PixelPoint s = new PixelPoint(fx * 511, fy * 511);
                points.add(new UserPoint("p" + (points.size() + 1), "", s, WARP.apply(s.x(), s.y()), Origin.USER, true));
            }
        }
        points.forEach(p -> assertTrue(WARP.inside(p.target()), "the lattice stays inside the target: " + p));
        return points;
    }

    private static MatchSet allGridMatches() {
        return alignment.matches(Readout.FUSED, ConfidenceKind.FORWARD_BACKWARD, Mapping.EXACT, 1, PaddingMatches.KEEP);
    }

    private static double pck(MatchSet matches) {
        double threshold = ALPHA * Math.max(WARP.width(), WARP.height());
        int counted = 0;
        int correct = 0;
        for (Match match : matches.matches()) {
            PixelPoint truth = WARP.apply(match.source().x(), match.source().y());
            if (!WARP.inside(truth)) {
                continue;
            }
            counted++;
            if (match.target().distance(truth) <= threshold) {
                correct++;
            }
        }
        assertTrue(counted > 200, "enough grid points land inside the target: " + counted);
        return correct / (double) counted;
    }

    @Test
    void eightTrustedPointsFixWhatTheHashedWeightsGetWrong() {
        Correspondence network = new NetworkCorrespondence(alignment, Readout.FUSED);
        List<UserPoint> points = eightCorrectPoints();
        double hashed = pck(allGridMatches());
        double local = pck(CorrectedMatches.apply(allGridMatches(), CorrectedCorrespondence.of(network, points, false)));
        double trusted = pck(CorrectedMatches.apply(allGridMatches(), CorrectedCorrespondence.of(network, points, true)));
        System.out.printf(Locale.ROOT, "PCK@0.05 on apple.jpg warped (rot 12, scale 1.12, shift 30,-20): hashed weights "
                + "%.3f, + 8 user points (local) %.3f, + 8 trusted user points %.3f%n", hashed, local, trusted);
        // measured: hashed 0.558, local 0.659, trusted 1.000 (the points alone carry the map)
        assertTrue(trusted - hashed >= 0.3, "the points must matter for the test to mean anything: " + hashed);
        assertTrue(local > hashed, "local correction helps: " + local + " vs " + hashed);
        assertTrue(trusted >= 0.95, "PCK@0.05 with 8 trusted points: " + trusted);
    }

    @Test
    void userPointsAreExactOnTheNetworksMapInBothModesAndDirections() {
        Correspondence network = new NetworkCorrespondence(alignment, Readout.FUSED);
        List<UserPoint> points = eightCorrectPoints();
        for (boolean trust : new boolean[] {false, true}) {
            Correspondence corrected = CorrectedCorrespondence.of(network, points, trust);
            for (UserPoint p : points) {
                PixelPoint forward = corrected.map(Direction.SOURCE_TO_TARGET, p.source().x(), p.source().y());
                PixelPoint backward = corrected.map(Direction.TARGET_TO_SOURCE, p.target().x(), p.target().y());
                assertTrue(forward.distance(p.target()) < EXACT_PIXELS, (trust ? "trusted " : "local ") + p.id()
                        + " forward off by " + forward.distance(p.target()));
                assertTrue(backward.distance(p.source()) < EXACT_PIXELS, (trust ? "trusted " : "local ") + p.id()
                        + " backward off by " + backward.distance(p.source()));
            }
        }
    }

    @Test
    void oneCorrectedPointChangesTheNetworksMapOnlyWithinItsRadius() {
        Correspondence network = new NetworkCorrespondence(alignment, Readout.FUSED);
        PixelPoint s = new PixelPoint(300, 220);
        UserPoint point = new UserPoint("p1", "", s, WARP.apply(s.x(), s.y()), Origin.USER, false);
        CorrectedCorrespondence corrected = (CorrectedCorrespondence) CorrectedCorrespondence.of(network, List.of(point), false);
        double radius = corrected.radiusPixels(Direction.SOURCE_TO_TARGET);
        assertEquals(0.2 * 512, radius, 1e-9);
        int inside = 0;
        for (int y = 0; y < 512; y += 8) {
            for (int x = 0; x < 512; x += 8) {
                double change = corrected.map(Direction.SOURCE_TO_TARGET, x, y).distance(network.map(Direction.SOURCE_TO_TARGET, x, y));
                if (s.distance(new PixelPoint(x, y)) >= radius) {
                    assertEquals(0, change, 1e-9, "beyond the radius the network's map at (" + x + ", " + y + ")");
                } else if (change > 1e-6) {
                    inside++;
                }
            }
        }
        assertTrue(inside > 50, "the correction acts inside the radius: " + inside + " grid points changed");
    }
}
