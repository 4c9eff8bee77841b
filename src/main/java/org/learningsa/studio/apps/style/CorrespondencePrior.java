package org.learningsa.studio.apps.style;

import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.CancelToken;

/**
 * Where the correspondence sends each point of the input, on a grid over the input of at most
 * {@link #MAX_SIDE} samples per side: the exemplar position (in pixels of an exemplar of the given size), the
 * confidence there, and the agreement (0..1): how far the two images themselves were found to show the same
 * thing around the point ({@link PriorAlignment}), which decides where the exemplar may be read along the map. Read only through {@link Correspondence#map} and {@link Correspondence#confidence}, so
 * the network's grid, a dense refined map and the editor's corrected map all apply alike.
 */
record CorrespondencePrior(int width, int height, float[] exemplarX, float[] exemplarY, float[] confidence,
                           float[] agreement) {

    /** A prior read from a correspondence alone: nothing yet says whether the images agree (0 everywhere). */
    CorrespondencePrior(int width, int height, float[] exemplarX, float[] exemplarY, float[] confidence) {
        this(width, height, exemplarX, exemplarY, confidence, new float[width * height]);
    }

    /**
     * Samples per side at most: the network's map is a 20×20 grid with smooth corrections, and a dense map
     * is still read at a quarter of a 1024-pixel input's resolution, which the patches refine anyway.
     */
    static final int MAX_SIDE = 256;

    static CorrespondencePrior sample(Correspondence correspondence, Direction fromInput, int inputWidth,
                                      int inputHeight, int exemplarWidth, int exemplarHeight, CancelToken cancel) {
        ImageRef inputRef = fromInput == Direction.SOURCE_TO_TARGET ? correspondence.source() : correspondence.target();
        ImageRef exemplarRef = fromInput == Direction.SOURCE_TO_TARGET ? correspondence.target() : correspondence.source();
        double shrink = Math.min(1.0, (double) MAX_SIDE / Math.max(inputWidth, inputHeight));
        int width = Math.max(1, (int) Math.round(inputWidth * shrink));
        int height = Math.max(1, (int) Math.round(inputHeight * shrink));
        float[] x = new float[width * height];
        float[] y = new float[width * height];
        float[] confidence = new float[width * height];
        for (int gy = 0; gy < height; gy++) {
            cancel.throwIfCancelled();
            double refY = WarpedExemplar.rescale(WarpedExemplar.rescale(gy, height, inputHeight), inputHeight,
                    inputRef.height());
            for (int gx = 0; gx < width; gx++) {
                double refX = WarpedExemplar.rescale(WarpedExemplar.rescale(gx, width, inputWidth), inputWidth,
                        inputRef.width());
                PixelPoint hit = correspondence.map(fromInput, refX, refY);
                int i = gy * width + gx;
                x[i] = (float) WarpedExemplar.rescale(hit.x(), exemplarRef.width(), exemplarWidth);
                y[i] = (float) WarpedExemplar.rescale(hit.y(), exemplarRef.height(), exemplarHeight);
                confidence[i] = (float) Math.max(0, Math.min(1, correspondence.confidence(fromInput, refX, refY)));
            }
        }
        return new CorrespondencePrior(width, height, x, y, confidence);
    }

    /**
     * How many exemplar pixels one input pixel spans, from the map itself: the median over confident
     * neighbouring samples of the mapped distance over the input distance; {@code fallback} when fewer than
     * a tenth of the samples are confident.
     *
     * @param inputWidth the input's width in pixels (the grid covers it)
     */
    double exemplarPixelsPerInputPixel(int inputWidth, int inputHeight, double fallback) {
        double stepX = (double) inputWidth / width;
        double stepY = (double) inputHeight / height;
        java.util.List<Double> ratios = new java.util.ArrayList<>();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (confidence[i] < 0.5f) {
                    continue;
                }
                if (x + 1 < width && confidence[i + 1] >= 0.5f) {
                    ratios.add(Math.hypot(exemplarX[i + 1] - exemplarX[i], exemplarY[i + 1] - exemplarY[i]) / stepX);
                }
                if (y + 1 < height && confidence[i + width] >= 0.5f) {
                    ratios.add(Math.hypot(exemplarX[i + width] - exemplarX[i], exemplarY[i + width] - exemplarY[i]) / stepY);
                }
            }
        }
        if (ratios.size() < Math.max(2, exemplarX.length / 10)) {
            return fallback;
        }
        java.util.Collections.sort(ratios);
        return ratios.get(ratios.size() / 2);
    }

    /** Mean confidence over the input, 0..1. */
    double meanConfidence() {
        double sum = 0;
        for (float c : confidence) {
            sum += c;
        }
        return sum / confidence.length;
    }

    /**
     * The prior at a pyramid level: the grid resampled to the level's output size, positions scaled from the
     * full exemplar ({@code exemplarWidth} pixels wide) to the level's exemplar; x, y, confidence, agreement.
     */
    float[][] atLevel(int outWidth, int outHeight, int exemplarWidth, int exemplarHeight, int levelExemplarWidth,
                      int levelExemplarHeight) {
        float[] lx = Planes.resize(exemplarX, width, height, outWidth, outHeight);
        float[] ly = Planes.resize(exemplarY, width, height, outWidth, outHeight);
        float[] lc = Planes.resize(confidence, width, height, outWidth, outHeight);
        float[] la = Planes.resize(agreement, width, height, outWidth, outHeight);
        for (int i = 0; i < lx.length; i++) {
            lx[i] = (float) WarpedExemplar.rescale(lx[i], exemplarWidth, levelExemplarWidth);
            ly[i] = (float) WarpedExemplar.rescale(ly[i], exemplarHeight, levelExemplarHeight);
        }
        return new float[][] {lx, ly, lc, la};
    }
}
