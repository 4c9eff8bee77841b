package org.learningsa.studio.batch;

import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.image.RgbImage;

/**
 * The target resampled into the source's frame ({@code warped.png}): each source pixel takes the target's colour,
 * bilinearly, where the correspondence sends it. Read only through {@link Correspondence}, so a refined or
 * corrected correspondence writes the same way. The image has the source's original size.
 */
public final class WarpedImage {

    private WarpedImage() {
    }

    /** The warp at the source's original size; {@code targetPixels} may be a downscaled copy of the target. */
    public static RgbImage warp(Correspondence correspondence, RgbImage targetPixels) {
        ImageRef source = correspondence.source();
        ImageRef target = correspondence.target();
        int width = source.width();
        int height = source.height();
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                PixelPoint hit = correspondence.map(Direction.SOURCE_TO_TARGET, x, y);
                double tx = rescale(hit.x(), target.width(), targetPixels.width());
                double ty = rescale(hit.y(), target.height(), targetPixels.height());
                sample(targetPixels, tx, ty, rgb, (y * width + x) * 3);
            }
        }
        return new RgbImage(width, height, rgb);
    }

    private static void sample(RgbImage image, double x, double y, byte[] out, int offset) {
        double cx = Math.max(0, Math.min(image.width() - 1, x));
        double cy = Math.max(0, Math.min(image.height() - 1, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(image.width() - 1, x0 + 1);
        int y1 = Math.min(image.height() - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        for (int c = 0; c < 3; c++) {
            double top = image.get(x0, y0, c) * (1 - fx) + image.get(x1, y0, c) * fx;
            double bottom = image.get(x0, y1, c) * (1 - fx) + image.get(x1, y1, c) * fx;
            out[offset + c] = (byte) Math.round(top * (1 - fy) + bottom * fy);
        }
    }

    /** A coordinate along an axis of {@code from} pixels in the frame of {@code to} pixels over the same extent. */
    private static double rescale(double coordinate, int from, int to) {
        return from == to ? coordinate : (coordinate + 0.5) * to / from - 0.5;
    }
}
