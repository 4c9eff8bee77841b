package org.learningsa.studio.apps.style;

import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.RgbImage;

/**
 * The exemplar brought onto the input through the correspondence, on a low-resolution working grid
 * over the input: for each grid pixel the input's (area-averaged) Lab colour, the exemplar's Lab colour
 * at the corresponding point, the correspondence's confidence there, and where in the exemplar it
 * landed (for the optional texture detail at full resolution); and the whole exemplar at about twice the
 * grid's resolution (its global statistics).
 *
 * <p>The correspondence is only read through {@link Correspondence#map} and {@link Correspondence#confidence},
 * so a corrected correspondence (the user's points) applies without this class knowing.
 */
public record WarpedExemplar(int width, int height, LabImage input, LabImage warped, float[] confidence,
                      float[] exemplarX, float[] exemplarY, LabImage exemplar) {

    /**
     * @param fromInput the direction whose starting image is the input (TARGET_TO_SOURCE when the input is
     *                  the correspondence's target)
     * @param workSide  longer side of the working grid (the input's own size when smaller)
     */
    public static WarpedExemplar build(Correspondence correspondence, Direction fromInput, RgbImage inputImage,
                                RgbImage exemplarImage, int workSide, CancelToken cancel) {
        ImageRef inputRef = fromInput == Direction.SOURCE_TO_TARGET ? correspondence.source() : correspondence.target();
        ImageRef exemplarRef = fromInput == Direction.SOURCE_TO_TARGET ? correspondence.target() : correspondence.source();
        int inW = inputImage.width();
        int inH = inputImage.height();
        double shrink = Math.min(1.0, (double) workSide / Math.max(inW, inH));
        int width = Math.max(1, (int) Math.round(inW * shrink));
        int height = Math.max(1, (int) Math.round(inH * shrink));
        LabImage input = LabImage.fromRgb(width == inW && height == inH ? inputImage
                : AreaResize.resize(inputImage, width, height));

        // the exemplar is read at about twice the grid's density, so bilinear reads do not alias
        int exW = exemplarImage.width();
        int exH = exemplarImage.height();
        double exShrink = Math.min(1.0, 2.0 * workSide / Math.max(exW, exH));
        int smallW = Math.max(1, (int) Math.round(exW * exShrink));
        int smallH = Math.max(1, (int) Math.round(exH * exShrink));
        LabImage exemplar = LabImage.fromRgb(smallW == exW && smallH == exH ? exemplarImage
                : AreaResize.resize(exemplarImage, smallW, smallH));

        int n = width * height;
        float[][] warped = new float[3][n];
        float[] confidence = new float[n];
        float[] exemplarX = new float[n];
        float[] exemplarY = new float[n];
        for (int y = 0; y < height; y++) {
            cancel.throwIfCancelled();
            double refY = rescale(rescale(y, height, inH), inH, inputRef.height());
            for (int x = 0; x < width; x++) {
                double refX = rescale(rescale(x, width, inW), inW, inputRef.width());
                PixelPoint hit = correspondence.map(fromInput, refX, refY);
                int i = y * width + x;
                confidence[i] = (float) Math.max(0, Math.min(1, correspondence.confidence(fromInput, refX, refY)));
                exemplarX[i] = (float) rescale(hit.x(), exemplarRef.width(), exW);
                exemplarY[i] = (float) rescale(hit.y(), exemplarRef.height(), exH);
                double sx = rescale(exemplarX[i], exW, smallW);
                double sy = rescale(exemplarY[i], exH, smallH);
                for (int c = 0; c < 3; c++) {
                    warped[c][i] = Planes.bilinear(exemplar.channel(c), smallW, smallH, sx, sy);
                }
            }
        }
        return new WarpedExemplar(width, height, input,
                new LabImage(width, height, warped[0], warped[1], warped[2]), confidence, exemplarX, exemplarY, exemplar);
    }

    /** A coordinate along an axis of {@code from} pixels in the frame of {@code to} pixels over the same extent. */
    static double rescale(double coordinate, int from, int to) {
        return from == to ? coordinate : (coordinate + 0.5) * to / from - 0.5;
    }
}
