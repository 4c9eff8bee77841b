package org.learningsa.studio.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/** Points that would make the correction blow up, hang or run out of memory. */
class CorrectionBoundsTest {

    private static UserPoint point(String id, double sx, double sy, double tx, double ty) {
        return new UserPoint(id, "", new PixelPoint(sx, sy), new PixelPoint(tx, ty), Origin.USER, true);
    }

    private static List<UserPoint> random(int count, long seed) {
        Random random = new Random(seed);
        List<UserPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble() * 499;
            double y = random.nextDouble() * 374;
            points.add(point("p" + i, x, y, Math.min(499, x + random.nextDouble() * 8), Math.min(374, y + random.nextDouble() * 8)));
        }
        return points;
    }

    @Test
    void aDoubleClickIsOnePlaceAndTheLaterPointWins() {
        FunctionCorrespondence network = FunctionCorrespondence.identity(500, 375);
        for (double gap : new double[] {1e-5, 0.001, 0.3}) {
            List<UserPoint> doubleClick = List.of(point("p1", 200, 150, 230, 170), point("p2", 200 + gap, 150, 240, 150));
            Correspondence both = CorrectedCorrespondence.of(network, doubleClick, false);
            Correspondence later = CorrectedCorrespondence.of(network, List.of(doubleClick.get(1)), false);
            // without the merge a 0.001 px gap threw matches hundreds of pixels (and 1e-5 px was "singular")
            for (int y = 0; y < 375; y += 5) {
                for (int x = 0; x < 500; x += 5) {
                    PixelPoint expected = later.map(Direction.SOURCE_TO_TARGET, x, y);
                    PixelPoint got = both.map(Direction.SOURCE_TO_TARGET, x, y);
                    assertEquals(expected.x(), got.x(), 1e-9, "gap " + gap + " at " + x + "," + y);
                    assertEquals(expected.y(), got.y(), 1e-9, "gap " + gap + " at " + x + "," + y);
                }
            }
            List<CorrectedCorrespondence.Replaced> replaced = CorrectedCorrespondence.replacedPoints(doubleClick);
            assertEquals(1, replaced.size(), "gap " + gap);
            assertEquals("p1", replaced.get(0).earlier().id());
            assertEquals(Direction.SOURCE_TO_TARGET, replaced.get(0).direction());
        }
    }

    @Test
    void theMostPointsAreSolvedInBoundedTime() {
        FunctionCorrespondence network = FunctionCorrespondence.identity(500, 375);
        List<UserPoint> points = random(InputLimits.POINTS_MAX_POINTS, 7);
        long started = System.nanoTime();
        Correspondence corrected = CorrectedCorrespondence.of(network, points, false);
        double seconds = (System.nanoTime() - started) / 1e9;
        // 2 × (2/3)·2000³ flops; ~0.1 s on an idle 2-core machine, far below the 60 s a user may wait
        assertTrue(seconds < 30, "solving took " + seconds + " s");
        UserPoint first = points.get(points.size() - 1);
        PixelPoint there = corrected.map(Direction.SOURCE_TO_TARGET, first.source().x(), first.source().y());
        assertEquals(first.target().x(), there.x(), 0.05, "still exact at a point (near-duplicates aside)");
    }

    @Test
    void moreThanTheMostPointsAreRefusedAtOnce() {
        FunctionCorrespondence network = FunctionCorrespondence.identity(500, 375);
        for (int count : new int[] {InputLimits.POINTS_MAX_POINTS + 1, 20_000, 1_000_000}) {
            List<UserPoint> points = random(count, 3);
            long started = System.nanoTime();
            UserFacingException e = assertThrows(UserFacingException.class,
                    () -> CorrectedCorrespondence.of(network, points, false));
            assertTrue(e.getMessage().contains("more than the 500 one correction solves"), e.getMessage());
            assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused at once");
        }
    }

    @Test
    void acceptingMatchesStopsAtTheMostPointsACorrectionSolves() {
        List<UserPoint> existing = random(InputLimits.POINTS_MAX_POINTS - 2, 5);
        List<org.learningsa.studio.align.Match> matches = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            matches.add(new org.learningsa.studio.align.Match(new PixelPoint(600 + i, 10), new PixelPoint(600 + i, 12),
                    0.9, true));
        }
        PointChange change = PointEdits.accept(existing, matches);
        EditHistory history = new EditHistory(existing);
        history.perform(change);
        assertEquals(InputLimits.POINTS_MAX_POINTS, history.points().size());
        CorrectedCorrespondence.of(FunctionCorrespondence.identity(700, 375), history.points(), false); // solvable
    }
}
