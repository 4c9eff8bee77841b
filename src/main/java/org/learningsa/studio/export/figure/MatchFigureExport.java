package org.learningsa.studio.export.figure;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;

/**
 * A match result to a figure file, the way {@code lsa match --figure} and the app's export both do it:
 * the images at full resolution (decoded again when the network's copy was downscaled), the result's
 * matches, and the five readouts for the small multiples when asked for.
 */
public final class MatchFigureExport {

    private MatchFigureExport() {
    }

    /** The figure of {@code result}, with at most {@code top} matches per small multiple (0 = all). */
    public static MatchFigure figure(MatchService.Result result, DecodedImage source, DecodedImage target, int top,
                                     MatchFigureOptions options) {
        MatchFigureContent content = MatchFigureContent.of(result, fullResolution(source), fullResolution(target), top);
        return new MatchFigure(content, options);
    }

    /** Renders and writes in the format of {@code file}'s extension (atomically). */
    public static void write(MatchService.Result result, DecodedImage source, DecodedImage target, int top,
                             MatchFigureOptions options, Path file) {
        write(result, source, target, top, options, null, file);
    }

    /**
     * The same, with the dense-flow panels {@code options} asks for drawn from {@code dense} (the refined map
     * {@code lsa match --flow} writes; null: no dense panels).
     */
    public static void write(MatchService.Result result, DecodedImage source, DecodedImage target, int top,
                             MatchFigureOptions options, Correspondence dense, Path file) {
        FigureFormat.of(file);
        MatchFigureContent content = MatchFigureContent.of(result, fullResolution(source), fullResolution(target), top);
        if (dense != null && !options.densePanels().isEmpty()) {
            content = content.withDense(new DenseFigureImages(dense, source.pixels(), target.pixels()));
        }
        MatchFigure figure = new MatchFigure(content, options);
        FigureRenderer.write(figure, file, options.size().dpi(), options.background());
    }

    /** The image at its original (oriented) size: the network's copy if it was not downscaled. */
    public static BufferedImage fullResolution(DecodedImage image) {
        if (!image.downscaled() || image.path() == null) {
            return FigurePanels.toBuffered(image.pixels());
        }
        return FigurePanels.toBuffered(ImageDecoder.decode(image.path()));
    }
}
