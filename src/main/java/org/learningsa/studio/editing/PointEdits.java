package org.learningsa.studio.editing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.PixelPoint;

/** The edits the editor offers, each built as one {@link PointChange} from the current point list. */
public final class PointEdits {

    /** Which end of a point an edit moves. */
    public enum End { SOURCE, TARGET }

    private PointEdits() {
    }

    public static PointChange add(UserPoint point) {
        return new PointChange("Add " + name(point), List.of(new PointChange.Step(null, point)));
    }

    /** Deletes the points with these ids (one job, however many). */
    public static PointChange delete(List<UserPoint> points, Set<String> ids) {
        List<PointChange.Step> steps = new ArrayList<>();
        for (UserPoint p : points) {
            if (ids.contains(p.id())) {
                steps.add(new PointChange.Step(p, null));
            }
        }
        return new PointChange(steps.size() == 1 ? "Delete " + name(steps.get(0).before())
                : "Delete " + steps.size() + " points", steps);
    }

    /** Moves one end of one point to a new place; the point becomes the user's. */
    public static PointChange move(UserPoint point, End end, PixelPoint to) {
        UserPoint moved = (end == End.SOURCE ? point.withSource(to) : point.withTarget(to)).withOrigin(Origin.USER);
        return new PointChange("Move " + name(point), List.of(new PointChange.Step(point, moved)));
    }

    /** Moves the same end of several points by one offset (a selection dragged together), clamped into the image. */
    public static PointChange moveBy(List<UserPoint> points, Set<String> ids, End end, double dx, double dy,
                                     PointsDocument.ImageEntry image) {
        List<PointChange.Step> steps = new ArrayList<>();
        for (UserPoint p : points) {
            if (ids.contains(p.id())) {
                PixelPoint from = end == End.SOURCE ? p.source() : p.target();
                PixelPoint to = new PixelPoint(clampToEdge(from.x() + dx, image.width()),
                        clampToEdge(from.y() + dy, image.height()));
                UserPoint moved = (end == End.SOURCE ? p.withSource(to) : p.withTarget(to)).withOrigin(Origin.USER);
                steps.add(new PointChange.Step(p, moved));
            }
        }
        return new PointChange(steps.size() == 1 ? "Move " + name(steps.get(0).before())
                : "Move " + steps.size() + " points", steps);
    }

    public static PointChange setLocked(List<UserPoint> points, Set<String> ids, boolean locked) {
        List<PointChange.Step> steps = new ArrayList<>();
        for (UserPoint p : points) {
            if (ids.contains(p.id()) && p.locked() != locked) {
                steps.add(new PointChange.Step(p, p.withLocked(locked)));
            }
        }
        String verb = locked ? "Lock " : "Unlock ";
        return new PointChange(steps.size() == 1 ? verb + name(steps.get(0).before()) : verb + steps.size() + " points", steps);
    }

    public static PointChange relabel(UserPoint point, String label) {
        return new PointChange("Label " + point.id() + " \"" + label + "\"",
                List.of(new PointChange.Step(point, point.withLabel(label))));
    }

    /**
     * Takes the network's matches over as editable points (origin accepted, unlocked), new ids from
     * {@link #nextIds}; a match whose source already carries a point is skipped, and no more are taken than make
     * {@link org.learningsa.studio.core.InputLimits#POINTS_MAX_POINTS} points in all.
     */
    public static PointChange accept(List<UserPoint> points, Collection<Match> matches) {
        List<PointChange.Step> steps = new ArrayList<>();
        List<String> ids = nextIds(points, matches.size());
        int k = 0;
        for (Match match : matches) {
            if (points.size() + steps.size() >= org.learningsa.studio.core.InputLimits.POINTS_MAX_POINTS) {
                break; // the most points one correction solves (and a points file holds)
            }
            boolean taken = points.stream().anyMatch(p -> p.source().distance(match.source()) < 0.5);
            if (!taken) {
                steps.add(new PointChange.Step(null, new UserPoint(ids.get(k++), "", match.source(), match.target(),
                        Origin.ACCEPTED, false)));
            }
        }
        return new PointChange("Accept " + steps.size() + (steps.size() == 1 ? " match" : " matches"), steps);
    }

    /**
     * After a re-run with another model or readout: every unlocked network or accepted point gets the new
     * network's target for its source; user points and locked points stay.
     */
    public static PointChange reRead(List<UserPoint> points, Correspondence network) {
        List<PointChange.Step> steps = new ArrayList<>();
        for (UserPoint p : points) {
            if (!p.locked() && p.origin().reReadOnRerun()) {
                PixelPoint target = network.map(Direction.SOURCE_TO_TARGET, p.source().x(), p.source().y());
                steps.add(new PointChange.Step(p, p.withTarget(target)));
            }
        }
        return new PointChange("Re-read " + steps.size() + " network points", steps);
    }

    /** {@code count} ids "pN" not used yet, numbered on from the highest in use. */
    public static List<String> nextIds(List<UserPoint> points, int count) {
        int highest = 0;
        for (UserPoint p : points) {
            if (p.id().matches("p\\d{1,9}")) {
                highest = Math.max(highest, Integer.parseInt(p.id().substring(1)));
            }
        }
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add("p" + (highest + i));
        }
        return ids;
    }

    static double clampToEdge(double coordinate, int size) {
        return Math.max(-0.5, Math.min(size - 0.5, coordinate));
    }

    private static String name(UserPoint point) {
        return point.label().isEmpty() ? point.id() : point.id() + " (" + point.label() + ")";
    }
}
