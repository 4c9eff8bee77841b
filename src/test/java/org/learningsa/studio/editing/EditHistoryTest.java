package org.learningsa.studio.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.PixelPoint;

class EditHistoryTest {

    private static final PointsDocument.ImageEntry IMAGE = new PointsDocument.ImageEntry(null, 100, 80, "");

    private static UserPoint point(String id, double x, double y) {
        return new UserPoint(id, "", new PixelPoint(x, y), new PixelPoint(x + 1, y + 1), Origin.USER, false);
    }

    private static List<String> ids(EditHistory history) {
        return history.points().stream().map(UserPoint::id).toList();
    }

    @Test
    void everyEditUndoesAndRedoesExactly() {
        EditHistory history = new EditHistory(List.of());
        history.perform(PointEdits.add(point("p1", 10, 10)));
        history.perform(PointEdits.add(point("p2", 20, 20)));
        history.perform(PointEdits.add(point("p3", 30, 30)));
        List<UserPoint> three = history.points();
        history.perform(PointEdits.move(history.points().get(1), PointEdits.End.TARGET, new PixelPoint(50, 60)));
        assertEquals(new PixelPoint(50, 60), history.points().get(1).target());
        history.perform(PointEdits.delete(history.points(), Set.of("p1", "p3")));
        assertEquals(List.of("p2"), ids(history));

        history.undo();
        assertEquals(List.of("p1", "p2", "p3"), ids(history), "deleted points come back in their places");
        history.undo();
        assertEquals(three, history.points());
        assertEquals(List.of("Add p1", "Add p2", "Add p3"), history.doneDescriptions());
        assertEquals(List.of("Move p2", "Delete 2 points"), history.undoneDescriptions());
        history.redo();
        history.redo();
        assertEquals(List.of("p2"), ids(history));
        assertFalse(history.canRedo());
        history.undo();
        history.undo();
        history.perform(PointEdits.setLocked(history.points(), Set.of("p1", "p2"), true));
        assertFalse(history.canRedo(), "a new edit clears the redo stack");
        assertTrue(history.points().get(0).locked() && history.points().get(1).locked() && !history.points().get(2).locked());
        assertEquals("Lock 2 points", history.undoDescription());
    }

    @Test
    void aSelectionMovesTogetherAsOneJobAndBecomesTheUsers() {
        UserPoint a = new UserPoint("p1", "", new PixelPoint(10, 10), new PixelPoint(5, 5), Origin.ACCEPTED, false);
        UserPoint b = new UserPoint("p2", "", new PixelPoint(20, 20), new PixelPoint(98, 6), Origin.NETWORK, false);
        EditHistory history = new EditHistory(List.of(a, b, point("p3", 1, 1)));
        history.perform(PointEdits.moveBy(history.points(), Set.of("p1", "p2"), PointEdits.End.TARGET, 5, -2, IMAGE));
        assertEquals(new PixelPoint(10, 3), history.points().get(0).target());
        assertEquals(new PixelPoint(99.5, 4), history.points().get(1).target(), "clamped to the image's pixel edge");
        assertEquals(Origin.USER, history.points().get(1).origin());
        history.undo();
        assertEquals(List.of(a, b), history.points().subList(0, 2));
        assertFalse(history.canUndo());
    }

    @Test
    void bulkAcceptIsOneJobWithFreshIdsAndSkipsTakenPlaces() {
        EditHistory history = new EditHistory(List.of(point("p7", 10, 10)));
        List<Match> matches = List.of(new Match(new PixelPoint(10, 10), new PixelPoint(1, 1), 0.9, true),
                new Match(new PixelPoint(40, 10), new PixelPoint(41, 12), 0.8, true),
                new Match(new PixelPoint(60, 30), new PixelPoint(61, 33), 0.7, false));
        history.perform(PointEdits.accept(history.points(), matches));
        assertEquals(List.of("p7", "p8", "p9"), ids(history));
        assertEquals(Origin.ACCEPTED, history.points().get(1).origin());
        assertEquals("Accept 2 matches", history.undoDescription());
        history.undo();
        assertEquals(List.of("p7"), ids(history));
    }

    @Test
    void aReRunReReadsOnlyUnlockedNetworkPoints() {
        UserPoint accepted = new UserPoint("p1", "", new PixelPoint(10, 10), new PixelPoint(5, 5), Origin.ACCEPTED, false);
        UserPoint user = new UserPoint("p3", "", new PixelPoint(30, 30), new PixelPoint(7, 7), Origin.USER, false);
        EditHistory history = new EditHistory(List.of(accepted, new UserPoint("p2", "", new PixelPoint(20, 20), new PixelPoint(6, 6),
                Origin.ACCEPTED, true), user));
        FunctionCorrespondence shifted = new FunctionCorrespondence(new org.learningsa.studio.align.ImageRef(null, 100, 80),
                new org.learningsa.studio.align.ImageRef(null, 100, 80), p -> new PixelPoint(p.x() + 3, p.y()), p -> p, 1);
        history.perform(PointEdits.reRead(history.points(), shifted));
        assertEquals(new PixelPoint(13, 10), history.points().get(0).target());
        assertEquals(new PixelPoint(6, 6), history.points().get(1).target(), "locked: kept");
        assertEquals(new PixelPoint(7, 7), history.points().get(2).target(), "user: kept");
    }

    @Test
    void anEditThatChangesNothingIsNotRecorded() {
        EditHistory history = new EditHistory(List.of(point("p1", 1, 1)));
        history.perform(PointEdits.move(history.points().get(0), PointEdits.End.SOURCE, new PixelPoint(1, 1)));
        assertFalse(history.canUndo());
        assertEquals(0, history.revision());
    }
}
