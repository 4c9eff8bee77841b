package org.learningsa.studio.align;

import java.util.Random;
import org.learningsa.studio.image.RgbImage;

/**
 * A known affine warp about the image centre, q = c + s·R(θ)·(p − c) + t, in original pixels
 * (pixel centres at integers), and the target image it produces from a source (bilinear, black outside).
 */
record AffineWarp(double rotationDegrees, double scale, double shiftX, double shiftY, int width, int height) {

    /** Parameters drawn uniformly: |rotation| ≤ maxRotation, scale in [minScale, maxScale], |shift| ≤ maxShift·side. */
    static AffineWarp random(Random random, int width, int height, double maxRotation, double minScale,
                             double maxScale, double maxShift) {
        double rotation = (random.nextDouble() * 2 - 1) * maxRotation;
        // scale uniform in log space so 0.8 and 1.25 are equally likely
        double scale = Math.exp(Math.log(minScale) + random.nextDouble() * (Math.log(maxScale) - Math.log(minScale)));
        double shiftX = (random.nextDouble() * 2 - 1) * maxShift * width;
        double shiftY = (random.nextDouble() * 2 - 1) * maxShift * height;
        return new AffineWarp(rotation, scale, shiftX, shiftY, width, height);
    }

    PixelPoint apply(double x, double y) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double angle = Math.toRadians(rotationDegrees);
        double cos = Math.cos(angle) * scale;
        double sin = Math.sin(angle) * scale;
        double dx = x - cx;
        double dy = y - cy;
        return new PixelPoint(cx + cos * dx - sin * dy + shiftX, cy + sin * dx + cos * dy + shiftY);
    }

    PixelPoint inverse(double x, double y) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double angle = Math.toRadians(rotationDegrees);
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double dx = x - cx - shiftX;
        double dy = y - cy - shiftY;
        return new PixelPoint(cx + cos * dx + sin * dy, cy - sin * dx + cos * dy);
    }

    /** What the target shows where A⁻¹ q falls outside the source. */
    enum Fill {
        /** The photo mirrored at its border, as if the scene went on (no edge that a real pair lacks). */
        MIRROR,
        /** Black, which adds a strong straight edge along the warped border. */
        BLACK
    }

    /** The target image: target(q) = source(A⁻¹ q), bilinear, mirrored where A⁻¹ q falls outside. */
    RgbImage warp(RgbImage source) {
        return warp(source, Fill.MIRROR);
    }

    RgbImage warp(RgbImage source, Fill fill) {
        return warp(source, 0, 0, fill);
    }

    /**
     * The target for a source that is the window (offsetX, offsetY, width, height) of a larger photo: the
     * warp is applied in the window's frame and reads the whole photo, so what comes into view is real
     * scene content; only where even the photo ends is {@code fill} used.
     */
    RgbImage warp(RgbImage photo, int offsetX, int offsetY, Fill fill) {
        int photoWidth = photo.width();
        int photoHeight = photo.height();
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                PixelPoint window = inverse(x, y);
                PixelPoint p = new PixelPoint(window.x() + offsetX, window.y() + offsetY);
                boolean outside = p.x() < -0.5 || p.y() < -0.5 || p.x() > photoWidth - 0.5 || p.y() > photoHeight - 0.5;
                if (outside && fill == Fill.BLACK) {
                    continue;
                }
                double sx = Math.max(0, Math.min(photoWidth - 1, mirror(p.x(), photoWidth)));
                double sy = Math.max(0, Math.min(photoHeight - 1, mirror(p.y(), photoHeight)));
                int x0 = Math.min((int) sx, photoWidth - 2);
                int y0 = Math.min((int) sy, photoHeight - 2);
                double fx = sx - x0;
                double fy = sy - y0;
                for (int c = 0; c < 3; c++) {
                    double a = photo.get(x0, y0, c) * (1 - fx) + photo.get(x0 + 1, y0, c) * fx;
                    double b = photo.get(x0, y0 + 1, c) * (1 - fx) + photo.get(x0 + 1, y0 + 1, c) * fx;
                    out[(y * width + x) * 3 + c] = (byte) Math.round(a * (1 - fy) + b * fy);
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    /** The window (x, y, w, h) of a photo as an image of its own. */
    static RgbImage crop(RgbImage photo, int x, int y, int w, int h) {
        byte[] out = new byte[w * h * 3];
        for (int row = 0; row < h; row++) {
            System.arraycopy(photo.rgb(), ((y + row) * photo.width() + x) * 3, out, row * w * 3, w * 3);
        }
        return new RgbImage(w, h, out);
    }

    /** Reflects a coordinate into [−0.5, size − 0.5] (the image mirrored about its pixel edges). */
    static double mirror(double v, int size) {
        double period = 2.0 * size;
        double t = (v + 0.5) % period;
        if (t < 0) {
            t += period;
        }
        return (t < size ? t : period - t) - 0.5;
    }

    boolean inside(PixelPoint q) {
        return q.x() >= 0 && q.y() >= 0 && q.x() <= width - 1 && q.y() <= height - 1;
    }
}
