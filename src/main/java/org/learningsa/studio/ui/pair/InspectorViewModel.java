package org.learningsa.studio.ui.pair;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;

/**
 * The picked point and what is known about it. Picking is immediate: a handful of bilinear lookups
 * in the cached alignment (well under a millisecond), done on the calling thread.
 */
public final class InspectorViewModel {

    /** A point picked in one of the two images. */
    public record Pick(Direction direction, PixelPoint point) {
    }

    /**
     * A correspondence the user made (the editor's selected or dragged point): while one is shown, the
     * inspector reports it, not the network's match, and the network's pick line is not drawn.
     *
     * @param moving true while one of its ends is being dragged
     */
    public record UserCorrespondence(String name, PixelPoint source, PixelPoint target, boolean moving) {
    }

    private final ObjectProperty<Alignment> alignment = new SimpleObjectProperty<>();
    private final ObjectProperty<Readout> readout = new SimpleObjectProperty<>(Readout.FUSED);
    private final ObjectProperty<Pick> pick = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserCorrespondence> userPoint = new ReadOnlyObjectWrapper<>();
    /** The last alignment shown, to tell whether a new one is of the same pair. */
    private Alignment pickedOn;

    public InspectorViewModel() {
        alignment.addListener((obs, old, now) -> {
            // a pick belongs to its pair: another pair (even after a spell without result) starts afresh
            if (now != null) {
                if (pickedOn != null && !sameFrames(pickedOn, now)) {
                    pick.set(null);
                }
                pickedOn = now;
            }
            update();
        });
        readout.addListener(obs -> update());
        pick.addListener(obs -> update());
        // a plain pick (outside the editor) is about the network again
        pick.addListener((obs, old, now) -> {
            UserCorrespondence shown = userPoint.get();
            if (shown != null && (now == null || now.direction() != Direction.SOURCE_TO_TARGET
                    || !now.point().equals(shown.source()))) {
                userPoint.set(null);
            }
        });
    }

    private static boolean sameFrames(Alignment a, Alignment b) {
        return a.source().equals(b.source()) && a.target().equals(b.target());
    }

    /** Picks the point (x, y) of the source (SOURCE_TO_TARGET) or the target image; outside points are ignored. */
    public void pick(Direction direction, double x, double y) {
        Alignment current = alignment.get();
        if (current == null) {
            return;
        }
        var image = direction == Direction.SOURCE_TO_TARGET ? current.source() : current.target();
        if (x < -0.5 || y < -0.5 || x > image.width() - 0.5 || y > image.height() - 0.5) {
            return;
        }
        pick.set(new Pick(direction, new PixelPoint(x, y)));
    }

    public void clear() {
        pick.set(null);
    }

    /**
     * Reports the user's point: its two ends, and what the network says about its source (the pick moves
     * there, so the heatmap over the target shows where the network would put it).
     */
    public void showUserPoint(UserCorrespondence point) {
        userPoint.set(point);
        pick(Direction.SOURCE_TO_TARGET, point.source().x(), point.source().y());
    }

    /** Stops reporting a user's point; with {@code clearPick} the network's pick goes too (the point was removed). */
    public void clearUserPoint(boolean clearPick) {
        if (userPoint.get() != null) {
            userPoint.set(null);
            if (clearPick) {
                pick.set(null);
            }
        }
    }

    private void update() {
        Alignment current = alignment.get();
        Pick currentPick = pick.get();
        if (current == null || currentPick == null) {
            inspection.set(null);
            return;
        }
        inspection.set(inspect(current, currentPick, readout.get()));
    }

    /** What the inspector shows for {@code pick} under {@code readout}. */
    static Inspection inspect(Alignment alignment, Pick pick, Readout readout) {
        Direction direction = pick.direction();
        double x = pick.point().x();
        double y = pick.point().y();
        Map<ConfidenceKind, Double> confidences = new EnumMap<>(ConfidenceKind.class);
        for (ConfidenceKind kind : ConfidenceKind.values()) {
            confidences.put(kind, alignment.confidence(direction, x, y, readout, kind));
        }
        List<Inspection.ReadoutRow> rows = new ArrayList<>();
        for (Readout each : Readout.values()) {
            rows.add(new Inspection.ReadoutRow(each, alignment.map(direction, x, y, each, Mapping.EXACT),
                    alignment.confidence(direction, x, y, each, ConfidenceKind.PEAK_PROBABILITY),
                    alignment.confidence(direction, x, y, each, ConfidenceKind.FORWARD_BACKWARD),
                    alignment.confidence(direction, x, y, each, ConfidenceKind.LEVEL_WEIGHT)));
        }
        return new Inspection(direction, pick.point(), readout, alignment.map(direction, x, y, readout, Mapping.EXACT),
                confidences, alignment.heatmap(direction, x, y, readout), rows);
    }

    public ObjectProperty<Alignment> alignmentProperty() {
        return alignment;
    }

    public ObjectProperty<Readout> readoutProperty() {
        return readout;
    }

    public ObjectProperty<Pick> pickProperty() {
        return pick;
    }

    /** The user's point being reported, or null when the inspector reports the network's match of the pick. */
    public ReadOnlyObjectProperty<UserCorrespondence> userPointProperty() {
        return userPoint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }
}
