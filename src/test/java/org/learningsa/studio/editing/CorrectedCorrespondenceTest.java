package org.learningsa.studio.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.UserFacingException;

class CorrectedCorrespondenceTest {

    /** The bound for "exactly the user's target". */
    private static final double EXACT_PIXELS = 0.01;
    private static final int WIDTH = 512;
    private static final int HEIGHT = 384;

    private static UserPoint point(String id, double sx, double sy, double tx, double ty) {
        return new UserPoint(id, "", new PixelPoint(sx, sy), new PixelPoint(tx, ty), Origin.USER, false);
    }

    @Test
    void withoutPointsTheNetworkComesBackUnchanged() {
        Correspondence network = FunctionCorrespondence.identity(WIDTH, HEIGHT);
        assertSame(network, CorrectedCorrespondence.of(network, List.of(), false));
        assertSame(network, CorrectedCorrespondence.of(network, List.of(), true));
    }

    @Test
    void userPointsMapExactlyInBothDirectionsInTheDefaultMode() {
        Correspondence network = FunctionCorrespondence.identity(WIDTH, HEIGHT);
        Random random = new Random(14);
        List<UserPoint> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double sx = random.nextDouble() * (WIDTH - 1);
            double sy = random.nextDouble() * (HEIGHT - 1);
            // residuals up to 40 px, some points close together (30 px) so their kernels overlap strongly
            points.add(point("p" + i, sx, sy, clamp(sx + random.nextGaussian() * 20, WIDTH),
                    clamp(sy + random.nextGaussian() * 20, HEIGHT)));
        }
        points.add(point("near", points.get(0).source().x() + 3, points.get(0).source().y(), 10, 10));
        Correspondence corrected = CorrectedCorrespondence.of(network, points, false);
        assertExactAtPoints(corrected, points);
    }

    @Test
    void userPointsMapExactlyWhenTrusted() {
        Correspondence network = FunctionCorrespondence.identity(WIDTH, HEIGHT);
        List<UserPoint> points = List.of(point("a", 10, 10, 40, 30), point("b", 500, 20, 470, 60),
                point("c", 250, 370, 260, 300), point("d", 100, 200, 120, 180), point("e", 400, 300, 380, 290));
        Correspondence corrected = CorrectedCorrespondence.of(network, points, true);
        assertExactAtPoints(corrected, points);
        assertTrue(corrected.semantic(), "trusted user points match by meaning");
    }

    @Test
    void oneCorrectedPointMovesTheMapOnlyWithinItsRadius() {
        FunctionCorrespondence network = FunctionCorrespondence.identity(WIDTH, HEIGHT);
        UserPoint moved = point("p1", 200, 150, 230, 135);
        CorrectedCorrespondence corrected = (CorrectedCorrespondence) CorrectedCorrespondence.of(network,
                List.of(moved), false);
        double radius = corrected.radiusPixels(Direction.SOURCE_TO_TARGET);
        assertEquals(0.2 * WIDTH, radius, 1e-9, "the stated radius: 1/5 of the longer side");
        int changedInside = 0;
        for (int y = 0; y < HEIGHT; y += 4) {
            for (int x = 0; x < WIDTH; x += 4) {
                double distance = Math.hypot(x - 200, y - 150);
                PixelPoint mapped = corrected.map(Direction.SOURCE_TO_TARGET, x, y);
                double change = mapped.distance(new PixelPoint(x, y));
                if (distance >= radius) {
                    assertEquals(0, change, 1e-12, "unchanged beyond the radius at (" + x + ", " + y + ")");
                } else if (distance < radius * 0.5) {
                    assertTrue(change > 0.5, "moved well inside the radius at (" + x + ", " + y + "): " + change);
                    changedInside++;
                }
            }
        }
        assertTrue(changedInside > 100);
        // the confidence rises to 1 at the point and is the network's beyond the radius
        assertEquals(1.0, corrected.confidence(Direction.SOURCE_TO_TARGET, 200, 150), 1e-12);
        assertEquals(0.5, corrected.confidence(Direction.SOURCE_TO_TARGET, 200 + radius + 1, 150), 1e-12);
    }

    @Test
    void trustedPointsOfAnAffineMapGiveThatMapEverywhere() {
        Correspondence network = FunctionCorrespondence.identity(WIDTH, HEIGHT);
        // q = A p + t, far from the identity the network claims
        double a = 0.9;
        double b = -0.2;
        double c = 0.15;
        double d = 1.1;
        List<UserPoint> points = new ArrayList<>();
        double[][] sources = {{20, 30}, {480, 40}, {60, 350}, {470, 360}, {250, 190}, {150, 100}, {350, 280}, {300, 60}};
        for (int i = 0; i < sources.length; i++) {
            double x = sources[i][0];
            double y = sources[i][1];
            points.add(point("p" + i, x, y, a * x + b * y + 60, c * x + d * y - 10));
        }
        Correspondence corrected = CorrectedCorrespondence.of(network, points, true);
        for (int y = 0; y < HEIGHT; y += 16) {
            for (int x = 0; x < WIDTH; x += 16) {
                double tx = a * x + b * y + 60;
                double ty = c * x + d * y - 10;
                if (tx < 0 || ty < 0 || tx > WIDTH - 1 || ty > HEIGHT - 1) {
                    continue;
                }
                PixelPoint mapped = corrected.map(Direction.SOURCE_TO_TARGET, x, y);
                assertEquals(tx, mapped.x(), 1e-6);
                assertEquals(ty, mapped.y(), 1e-6);
            }
        }
    }

    @Test
    void trustNeedsThreePointsNotOnOneLine() {
        Correspondence network = FunctionCorrespondence.identity(WIDTH, HEIGHT);
        List<UserPoint> two = List.of(point("a", 10, 10, 20, 20), point("b", 100, 100, 110, 110));
        UserFacingException e = assertThrows(UserFacingException.class, () -> CorrectedCorrespondence.of(network, two, true));
        assertTrue(e.getMessage().contains("at least 3 points"), e.getMessage());
        List<UserPoint> collinear = List.of(point("a", 10, 10, 20, 20), point("b", 100, 100, 110, 110),
                point("c", 200, 200, 210, 210));
        assertThrows(UserFacingException.class, () -> CorrectedCorrespondence.of(network, collinear, true));
        assertFalse(CorrectedCorrespondence.canTrust(collinear, network.source(), network.target()));
        assertTrue(CorrectedCorrespondence.canTrust(List.of(point("a", 10, 10, 20, 20), point("b", 100, 100, 110, 110),
                point("c", 200, 10, 210, 20)), network.source(), network.target()));
    }

    @Test
    void aLaterPointAtTheSamePlaceReplacesTheEarlierOne() {
        Correspondence network = FunctionCorrespondence.identity(WIDTH, HEIGHT);
        List<UserPoint> points = List.of(point("a", 100, 100, 120, 100), point("b", 100, 100, 90, 110));
        PixelPoint mapped = CorrectedCorrespondence.of(network, points, false).map(Direction.SOURCE_TO_TARGET, 100, 100);
        assertEquals(90, mapped.x(), EXACT_PIXELS);
        assertEquals(110, mapped.y(), EXACT_PIXELS);
    }

    private static void assertExactAtPoints(Correspondence corrected, List<UserPoint> points) {
        // a later point at (nearly) the same place wins; here all sources and targets are distinct
        for (UserPoint p : points) {
            PixelPoint forward = corrected.map(Direction.SOURCE_TO_TARGET, p.source().x(), p.source().y());
            assertTrue(forward.distance(p.target()) < EXACT_PIXELS, p.id() + " forward off by " + forward.distance(p.target()));
            PixelPoint backward = corrected.map(Direction.TARGET_TO_SOURCE, p.target().x(), p.target().y());
            assertTrue(backward.distance(p.source()) < EXACT_PIXELS, p.id() + " backward off by " + backward.distance(p.source()));
        }
    }

    private static double clamp(double value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }
}
