package org.learningsa.studio.editing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An edit as the points it adds, removes and replaces: every single and bulk edit (add, move, delete,
 * lock, accept, re-read) is one of these, so undo and redo are exact whatever the edit was.
 * Removed points return to the places they had in the list.
 */
public final class PointChange implements EditJob {

    /** One point before and after; {@code before} null for an addition, {@code after} null for a removal. */
    record Step(UserPoint before, UserPoint after) {
        Step {
            if (before == null && after == null) {
                throw new IllegalArgumentException("a step changes at least one point");
            }
            if (before != null && after != null && !before.id().equals(after.id())) {
                throw new IllegalArgumentException("a replacement keeps the id: " + before.id() + " → " + after.id());
            }
        }
    }

    private final String description;
    private final List<Step> steps;
    /** Where each removed point stood, filled by execute so undo can put it back there. */
    private final List<Integer> removedIndices = new ArrayList<>();
    /** The removed points in the order of {@link #removedIndices}. */
    private List<UserPoint> removedOrder = List.of();

    PointChange(String description, List<Step> steps) {
        this.description = Objects.requireNonNull(description, "description");
        this.steps = List.copyOf(steps);
    }

    @Override
    public String description() {
        return description;
    }

    /** Whether the edit changes nothing (e.g. a move by 0 px), so the history need not record it. */
    public boolean isEmpty() {
        return steps.stream().allMatch(s -> s.before() != null && s.before().equals(s.after()));
    }

    @Override
    public List<UserPoint> execute(List<UserPoint> points) {
        List<UserPoint> out = new ArrayList<>(points);
        removedIndices.clear();
        List<Step> removals = new ArrayList<>();
        for (Step step : steps) {
            if (step.before() != null && step.after() != null) {
                out.set(indexOf(out, step.before().id()), step.after());
            } else if (step.before() != null) {
                removals.add(step);
            }
        }
        // remove from the back so the recorded indices are those in the list before the edit
        List<int[]> indexed = new ArrayList<>();
        for (int k = 0; k < removals.size(); k++) {
            indexed.add(new int[] {indexOf(out, removals.get(k).before().id()), k});
        }
        indexed.sort(Comparator.comparingInt(a -> a[0]));
        for (int[] entry : indexed) {
            removedIndices.add(entry[0]);
        }
        for (int i = indexed.size() - 1; i >= 0; i--) {
            out.remove(indexed.get(i)[0]);
        }
        removedOrder = indexed.stream().map(e -> removals.get(e[1]).before()).toList();
        for (Step step : steps) {
            if (step.before() == null) {
                if (out.stream().anyMatch(p -> p.id().equals(step.after().id()))) {
                    throw new IllegalStateException("the point id " + step.after().id() + " is already used");
                }
                out.add(step.after());
            }
        }
        return out;
    }

    @Override
    public List<UserPoint> undo(List<UserPoint> points) {
        List<UserPoint> out = new ArrayList<>(points);
        for (Step step : steps) {
            if (step.before() == null) {
                out.remove(indexOf(out, step.after().id()));
            } else if (step.after() != null) {
                out.set(indexOf(out, step.after().id()), step.before());
            }
        }
        // ascending: each index is where the point stood once the earlier ones are back
        for (int i = 0; i < removedIndices.size(); i++) {
            out.add(Math.min(removedIndices.get(i), out.size()), removedOrder.get(i));
        }
        return out;
    }

    private static int indexOf(List<UserPoint> points, String id) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("no point " + id + " to change");
    }
}
