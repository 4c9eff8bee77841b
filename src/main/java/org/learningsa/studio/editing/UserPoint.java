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
 */
public record UserPoint(String id, String label, PixelPoint source, PixelPoint target, Origin origin, boolean locked) {

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

    public UserPoint withSource(PixelPoint newSource) {
        return new UserPoint(id, label, newSource, target, origin, locked);
    }

    public UserPoint withTarget(PixelPoint newTarget) {
        return new UserPoint(id, label, source, newTarget, origin, locked);
    }

    public UserPoint withLocked(boolean newLocked) {
        return new UserPoint(id, label, source, target, origin, newLocked);
    }

    public UserPoint withLabel(String newLabel) {
        return new UserPoint(id, newLabel, source, target, origin, locked);
    }

    public UserPoint withOrigin(Origin newOrigin) {
        return new UserPoint(id, label, source, target, newOrigin, locked);
    }

    private static boolean finite(PixelPoint p) {
        return Double.isFinite(p.x()) && Double.isFinite(p.y());
    }
}
