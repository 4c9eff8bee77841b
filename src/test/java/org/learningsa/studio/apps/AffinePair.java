package org.learningsa.studio.apps;

import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.image.RgbImage;

/**
 * A pair made by a known affine map M (p ↦ L·p + s in pixels, centres at integers): the target is the source seen
 * through M, B(M p) = A(p), and the exact correspondence of the pair, confident wherever the match lands inside
 * the other image.
 */
public record AffinePair(RgbImage source, RgbImage target, double[] forward, double[] inverse) {

    /** M = rotation by {@code degrees} and scaling by {@code scale} about the centre, then a shift. */
    public static AffinePair of(RgbImage source, double degrees, double scale, double shiftX, double shiftY) {
        double cx = (source.width() - 1) / 2.0;
        double cy = (source.height() - 1) / 2.0;
        double c = Math.cos(Math.toRadians(degrees)) * scale;
        double s = Math.sin(Math.toRadians(degrees)) * scale;
        double[] m = {c, -s, cx - c * cx + s * cy + shiftX, s, c, cy - s * cx - c * cy + shiftY};
        double[] inv = invert(m);
        return new AffinePair(source, sample(source, inv, source.width(), source.height()), m, inv);
    }

    /** Applies a 2×3 matrix (row-major a, b, c, d, e, f: x' = a·x + b·y + c). */
    static PixelPoint apply(double[] m, double x, double y) {
        return new PixelPoint(m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]);
    }

    static double[] invert(double[] m) {
        double det = m[0] * m[4] - m[1] * m[3];
        double a = m[4] / det;
        double b = -m[1] / det;
        double d = -m[3] / det;
        double e = m[0] / det;
        return new double[] {a, b, -(a * m[2] + b * m[5]), d, e, -(d * m[2] + e * m[5])};
    }

    /** (1 − t)·I + t·M. */
    double[] interpolated(double t) {
        return new double[] {(1 - t) + t * forward[0], t * forward[1], t * forward[2],
            t * forward[3], (1 - t) + t * forward[4], t * forward[5]};
    }

    /** out(q) = image(m·q), bilinear, the border pixel where m·q falls off the image. */
    static RgbImage sample(RgbImage image, double[] m, int width, int height) {
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                PixelPoint p = apply(m, x, y);
                double u = Math.max(0, Math.min(image.width() - 1, p.x()));
                double v = Math.max(0, Math.min(image.height() - 1, p.y()));
                int x0 = Math.min((int) u, image.width() - 2);
                int y0 = Math.min((int) v, image.height() - 2);
                double fx = u - x0;
                double fy = v - y0;
                for (int c = 0; c < 3; c++) {
                    double top = image.get(x0, y0, c) * (1 - fx) + image.get(x0 + 1, y0, c) * fx;
                    double bottom = image.get(x0, y0 + 1, c) * (1 - fx) + image.get(x0 + 1, y0 + 1, c) * fx;
                    out[(y * width + x) * 3 + c] = (byte) Math.round(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    boolean insideSource(PixelPoint p) {
        return p.x() >= 0 && p.y() >= 0 && p.x() <= source.width() - 1 && p.y() <= source.height() - 1;
    }

    /** The exact correspondence: M and M⁻¹, clamped into the images, confidence 1 where the match is inside. */
    public Correspondence correspondence() {
        ImageRef ref = new ImageRef(null, source.width(), source.height());
        return new Correspondence() {
            @Override
            public ImageRef source() {
                return ref;
            }

            @Override
            public ImageRef target() {
                return ref;
            }

            @Override
            public PixelPoint map(Direction direction, double x, double y) {
                PixelPoint p = apply(direction == Direction.SOURCE_TO_TARGET ? forward : inverse, x, y);
                return new PixelPoint(Math.max(0, Math.min(ref.width() - 1, p.x())),
                        Math.max(0, Math.min(ref.height() - 1, p.y())));
            }

            @Override
            public double confidence(Direction direction, double x, double y) {
                PixelPoint p = apply(direction == Direction.SOURCE_TO_TARGET ? forward : inverse, x, y);
                return insideSource(p) ? 1 : 0;
            }

            @Override
            public String description() {
                return "known affine map";
            }

            @Override
            public boolean semantic() {
                return false;
            }
        };
    }
}
