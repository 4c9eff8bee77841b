package org.learningsa.studio.editing;

import java.util.List;

/**
 * One undoable edit of the point list, as Scene Builder's editor jobs: executed and undone through
 * {@link EditHistory} only; a batch of edits is one job ({@link PointChange} holds any number of changes).
 */
public interface EditJob {

    /** In words, for the history list and the Undo menu item ("Move p3", "Accept 24 matches"). */
    String description();

    /** The point list after the edit. */
    List<UserPoint> execute(List<UserPoint> points);

    /** The point list before the edit, from the list after it. */
    List<UserPoint> undo(List<UserPoint> points);
}
