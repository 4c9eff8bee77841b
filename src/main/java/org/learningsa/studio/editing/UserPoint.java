package org.learningsa.studio.editing;

import java.util.Objects;
import org.learningsa.studio.align.PixelPoint;

/**
 * One correspondence the user placed, accepted or kept: {@code source} in the source image and
 * {@code target} in the target image, original pixels (x right, y down, pixel centres at integers).
 *
 * @param id     unique within a document ("p1", "p2", …), stable across edits so commands and files refer to it
 * @param label  optional name ("left eye"), "" when none
 * @param locked a locked point survives a re-run with another model or readout unchanged
 * @param confidence the network's confidence in a point it placed (a keypoint {@link Origin#TRANSFERRED} by
 *                   {@code lsa batch}), in [0, 1]; NaN when the point has none (placed or moved by the user)
 */
public record UserPoint(String id, String label, PixelPoint source, PixelPoint target, Origin origin, boolean locked,
                        double confidence) {

    /** A point without a confidence of its own. */
    public UserPoint(String id, String label, PixelPoint source, PixelPoint target, Origin origin, boolean locked) {
        this(id, label, source, target, origin, locked, Double.NaN);
    }

    public UserPoint {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a point id must not be blank");
        }
        label = label == null ? "" : label;
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(origin, "origin");
        if (!finite(source) || !finite(target)) {
            throw new IllegalArgumentException("point " + id + " has a coordinate that is not a finite number");
        }
    }

    /** Moved: the network's confidence no longer describes it. */
    public UserPoint withSource(PixelPoint newSource) {
        return new UserPoint(id, label, newSource, target, origin, locked);
    }

    /** Moved: the network's confidence no longer describes it. */
    public UserPoint withTarget(PixelPoint newTarget) {
        return new UserPoint(id, label, source, newTarget, origin, locked);
    }

    public UserPoint withLocked(boolean newLocked) {
        return new UserPoint(id, label, source, target, origin, newLocked, confidence);
    }

    public UserPoint withLabel(String newLabel) {
        return new UserPoint(id, newLabel, source, target, origin, locked, confidence);
    }

    public UserPoint withOrigin(Origin newOrigin) {
        return new UserPoint(id, label, source, target, newOrigin, locked, confidence);
    }

    /** Whether the point carries the network's confidence. */
    public boolean hasConfidence() {
        return !Double.isNaN(confidence);
    }

    private static boolean finite(PixelPoint p) {
        return Double.isFinite(p.x()) && Double.isFinite(p.y());
    }
}
