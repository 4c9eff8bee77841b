package org.learningsa.studio.apps;

import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;

/** Matched points to draw moving with a morph: straight lines on the canvas from the source to the target. */
public final class MorphPoints {

    /** A source point and its match, on the canvas, with the correspondence's confidence there. */
    public record Trajectory(double sourceX, double sourceY, double targetX, double targetY, double confidence) {

        /** Where the point sits at time t: (1 − t)·p + t·q. */
        public PixelPoint at(double t) {
            return new PixelPoint((1 - t) * sourceX + t * targetX, (1 - t) * sourceY + t * targetY);
        }
    }

    private MorphPoints() {
    }

    /**
     * The matches of a {@code perSide × perSide} grid of source points (cell centres over the image), those with
     * confidence at least {@code minConfidence}.
     */
    public static List<Trajectory> sample(Correspondence correspondence, MorphCanvas canvas, int perSide,
                                          double minConfidence) {
        List<Trajectory> out = new ArrayList<>();
        int w = correspondence.source().width();
        int h = correspondence.source().height();
        for (int row = 0; row < perSide; row++) {
            for (int col = 0; col < perSide; col++) {
                double x = (col + 0.5) * w / perSide - 0.5;
                double y = (row + 0.5) * h / perSide - 0.5;
                double confidence = correspondence.confidence(Direction.SOURCE_TO_TARGET, x, y);
                if (confidence < minConfidence) {
                    continue;
                }
                PixelPoint match = correspondence.map(Direction.SOURCE_TO_TARGET, x, y);
                out.add(new Trajectory(canvas.source().canvasX(x), canvas.source().canvasY(y),
                        canvas.target().canvasX(match.x()), canvas.target().canvasY(match.y()), confidence));
            }
        }
        return out;
    }
}
