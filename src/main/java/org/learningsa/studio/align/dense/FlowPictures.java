package org.learningsa.studio.align.dense;

import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.RgbImage;

/**
 * The four pictures of one direction of a correspondence, at the size of the flow of the image the direction
 * starts from: the flow in Middlebury colours, the confidence as grey, the other image warped onto this one and
 * its difference to this one. The dense-flow view and the figure export both show these.
 */
public record FlowPictures(RgbImage flowColours, RgbImage confidence, RgbImage warped, RgbImage difference) {

    /** The pictures of {@code direction}; {@code sourcePixels}/{@code targetPixels} may be scaled copies. */
    public static FlowPictures of(Correspondence correspondence, Direction direction, RgbImage sourcePixels,
                                  RgbImage targetPixels) {
        DenseFlow flow = DenseFlow.of(correspondence, direction);
        boolean forward = direction == Direction.SOURCE_TO_TARGET;
        RgbImage from = forward ? sourcePixels : targetPixels;
        RgbImage to = forward ? targetPixels : sourcePixels;
        ImageRef toFrame = forward ? correspondence.target() : correspondence.source();
        RgbImage fromAtFlowSize = from.width() == flow.width() && from.height() == flow.height() ? from
                : AreaResize.resize(from, flow.width(), flow.height());
        RgbImage warped = FlowImages.warped(flow, to, toFrame.width(), toFrame.height());
        return new FlowPictures(FlowImages.colours(flow), FlowImages.confidence(flow), warped,
                FlowImages.difference(warped, fromAtFlowSize));
    }
}
