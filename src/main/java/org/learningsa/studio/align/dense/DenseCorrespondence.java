package org.learningsa.studio.align.dense;

import java.util.Objects;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;

/**
 * A correspondence known at every pixel in both directions, with a per-pixel confidence (forward–backward
 * consistency at pixel level): the refined map {@link DenseRefiner} makes from a coarse one. Between pixels it is
 * bilinear. The planes are held at the pixels the refinement saw (the original size, unless the image was
 * downscaled for the network; points are then scaled between the two frames).
 */
public final class DenseCorrespondence implements Correspondence {

    private final Correspondence coarse;
    private final DenseFlow sourceToTarget;
    private final DenseFlow targetToSource;

    DenseCorrespondence(Correspondence coarse, DenseFlow sourceToTarget, DenseFlow targetToSource) {
        this.coarse = Objects.requireNonNull(coarse, "coarse");
        this.sourceToTarget = sourceToTarget;
        this.targetToSource = targetToSource;
    }

    /** The correspondence this one was refined from. */
    public Correspondence coarse() {
        return coarse;
    }

    /** The planes of one direction (shared arrays: read only). */
    public DenseFlow flow(Direction direction) {
        return direction == Direction.SOURCE_TO_TARGET ? sourceToTarget : targetToSource;
    }

    @Override
    public ImageRef source() {
        return coarse.source();
    }

    @Override
    public ImageRef target() {
        return coarse.target();
    }

    @Override
    public PixelPoint map(Direction direction, double x, double y) {
        DenseFlow from = flow(direction);
        DenseFlow to = flow(direction.reverse());
        ImageRef fromImage = direction == Direction.SOURCE_TO_TARGET ? source() : target();
        ImageRef toImage = direction == Direction.SOURCE_TO_TARGET ? target() : source();
        float gx = (float) CoarsePrior.scale(x, fromImage.width(), from.width());
        float gy = (float) CoarsePrior.scale(y, fromImage.height(), from.height());
        double landX = gx + Plane.bilinear(from.dx(), from.width(), from.height(), gx, gy);
        double landY = gy + Plane.bilinear(from.dy(), from.width(), from.height(), gx, gy);
        double outX = CoarsePrior.scale(landX, to.width(), toImage.width());
        double outY = CoarsePrior.scale(landY, to.height(), toImage.height());
        return new PixelPoint(clamp(outX, toImage.width()), clamp(outY, toImage.height()));
    }

    @Override
    public double confidence(Direction direction, double x, double y) {
        DenseFlow from = flow(direction);
        ImageRef fromImage = direction == Direction.SOURCE_TO_TARGET ? source() : target();
        float gx = (float) CoarsePrior.scale(x, fromImage.width(), from.width());
        float gy = (float) CoarsePrior.scale(y, fromImage.height(), from.height());
        return Plane.bilinear(from.confidence(), from.width(), from.height(), gx, gy);
    }

    @Override
    public String description() {
        return coarse.description() + ", refined per pixel";
    }

    @Override
    public boolean semantic() {
        return coarse.semantic();
    }

    private static double clamp(double coordinate, int size) {
        return Math.max(0, Math.min(size - 1, coordinate));
    }
}
