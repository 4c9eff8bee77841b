package org.learningsa.studio.ui.pair;

import java.util.List;
import java.util.Map;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;

/**
 * Everything the inspector shows about one picked point, computed from the cached alignment.
 *
 * @param direction    SOURCE_TO_TARGET when the point was picked in the source
 * @param point        the picked point, original pixels of its image
 * @param readout      the readout the overlay shows
 * @param match        where {@code point} maps in the other image with that readout
 * @param confidences  each confidence kind at the point, for that readout
 * @param heatmap      20×20 correlation of the point's cell over the other image (that readout)
 * @param perReadout   the match and confidences with every readout (fused and levels 1–4)
 */
public record Inspection(Direction direction, PixelPoint point, Readout readout, PixelPoint match,
                         Map<ConfidenceKind, Double> confidences, float[] heatmap, List<ReadoutRow> perReadout) {

    /**
     * @param levelWeight a_L at the target end of the match (for fused: the dominant level's weight)
     */
    public record ReadoutRow(Readout readout, PixelPoint match, double peakProbability, double forwardBackward,
                             double levelWeight) {
    }

    public PixelPoint sourcePoint() {
        return direction == Direction.SOURCE_TO_TARGET ? point : match;
    }

    public PixelPoint targetPoint() {
        return direction == Direction.SOURCE_TO_TARGET ? match : point;
    }
}
