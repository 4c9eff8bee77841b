package org.learningsa.studio.apps;

import java.util.stream.IntStream;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.image.PilResize;
import org.learningsa.studio.image.RgbImage;

/**
 * One image of a morph at the canvas resolution: its pixels resized into its placement rectangle, and the
 * dense per-pixel maps read once from the correspondence: where each pixel's match lies on the canvas
 * (as a displacement in canvas pixels) and how much to trust it. Read-only after construction, so any number
 * of frames can be rendered from it concurrently.
 */
final class MorphSide {

    final MorphCanvas.Placement placement;
    /** The image in its rectangle, 0xRRGGBB per pixel, row-major over placement width × height. */
    final int[] rgb;
    /** Canvas displacement from the pixel to its match in the other image's placement. */
    final float[] displacementX;
    final float[] displacementY;
    /** {@link Correspondence#confidence} at the pixel, in [0, 1]. */
    final float[] confidence;
    final int width;
    final int height;

    private MorphSide(MorphCanvas.Placement placement, int[] rgb, float[] displacementX, float[] displacementY,
                      float[] confidence) {
        this.placement = placement;
        this.rgb = rgb;
        this.displacementX = displacementX;
        this.displacementY = displacementY;
        this.confidence = confidence;
        this.width = placement.width();
        this.height = placement.height();
    }

    /**
     * Reads the maps of one direction for every pixel of the placement (rows in parallel).
     *
     * @param pixels the image's pixels (possibly downscaled from the original the correspondence refers to:
     *               only the scale differs, so resizing them into the placement is all that is needed)
     */
    static MorphSide of(Correspondence correspondence, Direction direction, RgbImage pixels,
                        MorphCanvas.Placement from, MorphCanvas.Placement to, CancelToken cancel) {
        int w = from.width();
        int h = from.height();
        float[] dx = new float[w * h];
        float[] dy = new float[w * h];
        float[] conf = new float[w * h];
        IntStream.range(0, h).parallel().forEach(row -> {
            if (cancel.isCancelled()) {
                return;
            }
            double canvasY = from.y() + row;
            double imageY = from.imageY(canvasY);
            for (int col = 0; col < w; col++) {
                double canvasX = from.x() + col;
                double imageX = from.imageX(canvasX);
                PixelPoint match = correspondence.map(direction, imageX, imageY);
                int i = row * w + col;
                dx[i] = (float) (to.canvasX(match.x()) - canvasX);
                dy[i] = (float) (to.canvasY(match.y()) - canvasY);
                conf[i] = (float) Math.max(0, Math.min(1, correspondence.confidence(direction, imageX, imageY)));
            }
        });
        cancel.throwIfCancelled();
        return new MorphSide(from, packed(pixels, w, h), dx, dy, conf);
    }

    private static int[] packed(RgbImage pixels, int w, int h) {
        RgbImage placed = pixels.width() == w && pixels.height() == h ? pixels : PilResize.resize(pixels, w, h);
        byte[] bytes = placed.rgb();
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (bytes[3 * i] & 0xFF) << 16 | (bytes[3 * i + 1] & 0xFF) << 8 | bytes[3 * i + 2] & 0xFF;
        }
        return out;
    }

    /** Bilinear displacement at a canvas point (clamped into the rectangle), written into {@code out[0..1]}. */
    void displacement(double canvasX, double canvasY, double[] out) {
        double u = clamp(canvasX - placement.x(), width - 1);
        double v = clamp(canvasY - placement.y(), height - 1);
        int x0 = Math.min((int) u, Math.max(0, width - 2));
        int y0 = Math.min((int) v, Math.max(0, height - 2));
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = u - x0;
        double fy = v - y0;
        int i00 = y0 * width + x0;
        int i10 = y0 * width + x1;
        int i01 = y1 * width + x0;
        int i11 = y1 * width + x1;
        double w00 = (1 - fx) * (1 - fy);
        double w10 = fx * (1 - fy);
        double w01 = (1 - fx) * fy;
        double w11 = fx * fy;
        out[0] = w00 * displacementX[i00] + w10 * displacementX[i10] + w01 * displacementX[i01] + w11 * displacementX[i11];
        out[1] = w00 * displacementY[i00] + w10 * displacementY[i10] + w01 * displacementY[i01] + w11 * displacementY[i11];
    }

    /** Whether a canvas point lies on the image (within its pixels' edges). */
    boolean covers(double canvasX, double canvasY) {
        double u = canvasX - placement.x();
        double v = canvasY - placement.y();
        return u >= -0.5 && v >= -0.5 && u <= width - 0.5 && v <= height - 0.5;
    }

    /** The confidence of the nearest pixel to a canvas point (clamped into the rectangle). */
    float confidenceAt(double canvasX, double canvasY) {
        int u = (int) (clamp(canvasX - placement.x(), width - 1) + 0.5);
        int v = (int) (clamp(canvasY - placement.y(), height - 1) + 0.5);
        return confidence[v * width + u];
    }

    /**
     * Bilinear colour at a canvas point (clamped into the rectangle, so a point just off the image takes the
     * border colour), added with {@code weight} into {@code sum[0..2]}.
     */
    void addColour(double canvasX, double canvasY, double weight, double[] sum) {
        double u = clamp(canvasX - placement.x(), width - 1);
        double v = clamp(canvasY - placement.y(), height - 1);
        int x0 = Math.min((int) u, Math.max(0, width - 2));
        int y0 = Math.min((int) v, Math.max(0, height - 2));
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = u - x0;
        double fy = v - y0;
        int p00 = rgb[y0 * width + x0];
        int p10 = rgb[y0 * width + x1];
        int p01 = rgb[y1 * width + x0];
        int p11 = rgb[y1 * width + x1];
        double w00 = weight * (1 - fx) * (1 - fy);
        double w10 = weight * fx * (1 - fy);
        double w01 = weight * (1 - fx) * fy;
        double w11 = weight * fx * fy;
        for (int c = 0, shift = 16; c < 3; c++, shift -= 8) {
            sum[c] += w00 * (p00 >> shift & 0xFF) + w10 * (p10 >> shift & 0xFF)
                    + w01 * (p01 >> shift & 0xFF) + w11 * (p11 >> shift & 0xFF);
        }
    }

    private static double clamp(double value, int max) {
        return value < 0 ? 0 : Math.min(value, max);
    }
}
