package org.learningsa.studio.editing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one manager every edit goes through: it owns the point list and the undo and redo stacks (as Scene
 * Builder's job manager). Performing a new edit clears the redo stack. Not thread-safe: the UI uses it on
 * the FX thread.
 */
public final class EditHistory {

    /** Told after every perform, undo, redo and reset. */
    @FunctionalInterface
    public interface Listener {
        void changed(EditHistory history);
    }

    private List<UserPoint> points;
    private final Deque<EditJob> undo = new ArrayDeque<>();
    private final Deque<EditJob> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Changes whenever the points change, so a save can tell whether it is up to date. */
    private long revision;

    public EditHistory(List<UserPoint> initial) {
        points = List.copyOf(initial);
    }

    public List<UserPoint> points() {
        return points;
    }

    public long revision() {
        return revision;
    }

    /** Executes the edit and records it; an edit that changes nothing is not recorded. */
    public void perform(EditJob job) {
        if (job instanceof PointChange change && change.isEmpty()) {
            return;
        }
        points = List.copyOf(job.execute(points));
        undo.push(job);
        redo.clear();
        changed();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        EditJob job = undo.pop();
        points = List.copyOf(job.undo(points));
        redo.push(job);
        changed();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        EditJob job = redo.pop();
        points = List.copyOf(job.execute(points));
        undo.push(job);
        changed();
    }

    /** Replaces the points (a file opened, an autosave restored) and forgets the history. */
    public void reset(List<UserPoint> newPoints) {
        points = List.copyOf(newPoints);
        undo.clear();
        redo.clear();
        changed();
    }

    /** The done edits, oldest first, for the history list. */
    public List<String> doneDescriptions() {
        List<String> out = new ArrayList<>();
        undo.descendingIterator().forEachRemaining(j -> out.add(j.description()));
        return out;
    }

    /** The undone edits that redo would replay, next first. */
    public List<String> undoneDescriptions() {
        List<String> out = new ArrayList<>();
        redo.iterator().forEachRemaining(j -> out.add(j.description()));
        return out;
    }

    public String undoDescription() {
        return undo.isEmpty() ? "" : undo.peek().description();
    }

    public String redoDescription() {
        return redo.isEmpty() ? "" : redo.peek().description();
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void changed() {
        revision++;
        for (Listener listener : listeners) {
            listener.changed(this);
        }
    }
}
