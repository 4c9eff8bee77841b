package org.learningsa.studio.apps.style;

import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;

/**
 * A correspondence known exactly: the target's point p lies at A·p in the source, with A about the
 * target's centre {@code q = c + s·R(θ)·(p − c) + t}. Confidence 1 where the point lands inside the other
 * image and 0 where it falls off it, so a test isolates the transfer from the quality of an aligner.
 */
public record AffineCorrespondence(ImageRef source, ImageRef target, double rotationDegrees, double scale,
                            double shiftX, double shiftY) implements Correspondence {

    @Override
    public PixelPoint map(Direction direction, double x, double y) {
        PixelPoint p = unclamped(direction, x, y);
        ImageRef to = direction == Direction.TARGET_TO_SOURCE ? source : target;
        return new PixelPoint(Math.max(0, Math.min(to.width() - 1, p.x())),
                Math.max(0, Math.min(to.height() - 1, p.y())));
    }

    @Override
    public double confidence(Direction direction, double x, double y) {
        PixelPoint p = unclamped(direction, x, y);
        ImageRef to = direction == Direction.TARGET_TO_SOURCE ? source : target;
        return p.x() >= 0 && p.y() >= 0 && p.x() <= to.width() - 1 && p.y() <= to.height() - 1 ? 1 : 0;
    }

    /** Target pixel → source position (T2S) or the inverse (S2T). */
    public PixelPoint unclamped(Direction direction, double x, double y) {
        double cx = (target.width() - 1) / 2.0;
        double cy = (target.height() - 1) / 2.0;
        double angle = Math.toRadians(rotationDegrees);
        if (direction == Direction.TARGET_TO_SOURCE) {
            double cos = Math.cos(angle) * scale;
            double sin = Math.sin(angle) * scale;
            double dx = x - cx;
            double dy = y - cy;
            return new PixelPoint(cx + cos * dx - sin * dy + shiftX, cy + sin * dx + cos * dy + shiftY);
        }
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double dx = x - cx - shiftX;
        double dy = y - cy - shiftY;
        return new PixelPoint(cx + cos * dx + sin * dy, cy - sin * dx + cos * dy);
    }

    @Override
    public String description() {
        return "known affine map";
    }

    @Override
    public boolean semantic() {
        return true;
    }
}
