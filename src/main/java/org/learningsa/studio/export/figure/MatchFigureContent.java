package org.learningsa.studio.export.figure;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;

/**
 * What a match figure shows, as plain data: both images (any resolution; drawn over their original
 * frames), the matches in original pixels with confidences of one kind, the generated caption, and the
 * optional extras (the five readouts as small multiples, one inspected point with its heatmap, labelled
 * user points). The app and {@code lsa match} build it from the same {@link MatchService.Result}.
 *
 * @param source the frame the matches' source coordinates are in (original pixels)
 * @param target the frame of the target coordinates
 * @param scales per-readout matches for the small multiples; empty when not computed
 * @param inspected the inspected point, or null
 * @param dense the correspondence for the dense-flow panels, or null when there is none
 */
public record MatchFigureContent(BufferedImage sourceImage, BufferedImage targetImage, ImageRef source, ImageRef target,
                                 List<Match> matches, ConfidenceKind confidenceKind, String caption,
                                 List<ScaleMatches> scales, InspectedPoint inspected, List<LabelledPoint> labels,
                                 DenseFigureImages dense) {

    /** The matches of one readout, for one small multiple. */
    public record ScaleMatches(String title, List<Match> matches) {
        public ScaleMatches {
            matches = List.copyOf(matches);
        }
    }

    /**
     * A picked point, where it lands, and the 20×20 correlation of its cell over the other image (row-major,
     * the cells spanning the other image's whole padded canvas, as {@link Alignment#heatmap} returns them).
     */
    public record InspectedPoint(Direction direction, PixelPoint point, PixelPoint match, float[] heatmap) {
        public InspectedPoint {
            if (heatmap.length != Alignment.CELLS * Alignment.CELLS) {
                throw new IllegalArgumentException("a heatmap has " + Alignment.CELLS * Alignment.CELLS + " values: "
                        + heatmap.length);
            }
            heatmap = heatmap.clone();
        }

        /** The point read from an alignment: its match and heatmap with {@code readout}. */
        public static InspectedPoint of(Alignment alignment, Readout readout, Direction direction, PixelPoint point) {
            return new InspectedPoint(direction, point, alignment.map(direction, point, readout),
                    alignment.heatmap(direction, point.x(), point.y(), readout));
        }

        public PixelPoint sourcePoint() {
            return direction == Direction.SOURCE_TO_TARGET ? point : match;
        }

        public PixelPoint targetPoint() {
            return direction == Direction.SOURCE_TO_TARGET ? match : point;
        }
    }

    /** A user's point pair with its label (edited keypoints). */
    public record LabelledPoint(String label, PixelPoint source, PixelPoint target) {
    }

    /** Content without dense-flow panels. */
    public MatchFigureContent(BufferedImage sourceImage, BufferedImage targetImage, ImageRef source, ImageRef target,
                              List<Match> matches, ConfidenceKind confidenceKind, String caption,
                              List<ScaleMatches> scales, InspectedPoint inspected, List<LabelledPoint> labels) {
        this(sourceImage, targetImage, source, target, matches, confidenceKind, caption, scales, inspected, labels,
                null);
    }

    public MatchFigureContent {
        Objects.requireNonNull(sourceImage, "sourceImage");
        Objects.requireNonNull(targetImage, "targetImage");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(confidenceKind, "confidenceKind");
        matches = List.copyOf(matches);
        scales = List.copyOf(scales);
        labels = List.copyOf(labels);
        caption = caption == null ? "" : caption;
    }

    /**
     * The content of a match result: its matches, the caption naming model, readout, confidence kind and
     * mapping, and the small multiples of all five readouts read the same way (at most {@code top} each,
     * 0 = all).
     */
    public static MatchFigureContent of(MatchService.Result result, BufferedImage sourceImage, BufferedImage targetImage,
                                        int top) {
        Alignment alignment = result.alignment();
        List<ScaleMatches> scales = new ArrayList<>();
        for (Readout readout : Readout.values()) {
            MatchService.Result scale = MatchService.select(alignment, readout, result.mapping(), result.confidence(), top);
            scales.add(new ScaleMatches(readout.label(), scale.matches().matches()));
        }
        return new MatchFigureContent(sourceImage, targetImage, alignment.source(), alignment.target(),
                result.matches().matches(), result.confidence(), MatchCaption.of(result), scales, null, List.of());
    }

    /**
     * The same figure over other rasters of the same images (a preview's smaller copies): the frames, and so
     * every coordinate, stay as they are.
     */
    public MatchFigureContent withImages(BufferedImage source, BufferedImage target) {
        return new MatchFigureContent(source, target, this.source, this.target, matches, confidenceKind, caption, scales,
                inspected, labels, dense);
    }

    public MatchFigureContent withMatches(List<Match> shown) {
        return new MatchFigureContent(sourceImage, targetImage, source, target, shown, confidenceKind, caption, scales,
                inspected, labels, dense);
    }

    public MatchFigureContent withCaption(String text) {
        return new MatchFigureContent(sourceImage, targetImage, source, target, matches, confidenceKind, text, scales,
                inspected, labels, dense);
    }

    public MatchFigureContent withInspected(InspectedPoint point) {
        return new MatchFigureContent(sourceImage, targetImage, source, target, matches, confidenceKind, caption, scales,
                point, labels, dense);
    }

    public MatchFigureContent withLabels(List<LabelledPoint> points) {
        return new MatchFigureContent(sourceImage, targetImage, source, target, matches, confidenceKind, caption, scales,
                inspected, points, dense);
    }

    public MatchFigureContent withDense(DenseFigureImages images) {
        return new MatchFigureContent(sourceImage, targetImage, source, target, matches, confidenceKind, caption, scales,
                inspected, labels, images);
    }
}
