package org.learningsa.studio.eval;

import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;

/** The evaluation's view of an {@link Alignment}: the fused grid_T2S and the original image sizes. */
public record AlignmentCorrespondence(Alignment alignment) implements PairCorrespondence {

    @Override
    public int sourceWidth() {
        return alignment.source().width();
    }

    @Override
    public int sourceHeight() {
        return alignment.source().height();
    }

    @Override
    public int targetWidth() {
        return alignment.target().width();
    }

    @Override
    public int targetHeight() {
        return alignment.target().height();
    }

    @Override
    public float[] gridTargetToSource() {
        return alignment.grid(Readout.FUSED, Direction.TARGET_TO_SOURCE);
    }

    @Override
    public double[] mapTargetToSourceExact(double x, double y) {
        PixelPoint p = alignment.map(Direction.TARGET_TO_SOURCE, x, y, Readout.FUSED, Mapping.EXACT);
        return new double[] {p.x(), p.y()};
    }
}
