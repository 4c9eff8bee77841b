package org.learningsa.studio.apps.style;

import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.image.RgbImage;

/**
 * The synthetic style-transfer case: a spatially varying colour grade of a photo (warm on the left,
 * cool top right, green and flat bottom right, blended smoothly over about a tenth of the image), and
 * the exemplar the graded photo seen through a known affine map (black where the map leaves the photo).
 */
public final class SyntheticGrade {

    /** Per region: RGB gains then offsets. */
    private static final double[][] GRADES = {
        {1.10, 0.95, 0.70, 22, 6, 0},
        {0.75, 0.95, 1.10, 0, 12, 34},
        {0.60, 1.05, 0.55, 10, 30, 5},
    };

    private SyntheticGrade() {
    }

    public static RgbImage grade(RgbImage image) {
        int w = image.width();
        int h = image.height();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            double down = logistic((y - 0.5 * h) / (0.04 * h));
            for (int x = 0; x < w; x++) {
                double right = logistic((x - 0.45 * w) / (0.04 * w));
                double[] weights = {1 - right, right * (1 - down), right * down};
                for (int c = 0; c < 3; c++) {
                    double v = image.get(x, y, c);
                    double graded = 0;
                    for (int g = 0; g < 3; g++) {
                        graded += weights[g] * (GRADES[g][c] * v + GRADES[g][3 + c]);
                    }
                    out[(y * w + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(graded)));
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    /** exemplar(q) = graded(A⁻¹ q), bilinear; black outside the graded image. */
    public static RgbImage moved(RgbImage graded, AffineCorrespondence map) {
        int w = map.source().width();
        int h = map.source().height();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                PixelPoint p = map.unclamped(Direction.SOURCE_TO_TARGET, x, y);
                if (p.x() < 0 || p.y() < 0 || p.x() > graded.width() - 1 || p.y() > graded.height() - 1) {
                    continue;
                }
                sampleInto(graded, p, out, (y * w + x) * 3);
            }
        }
        return new RgbImage(w, h, out);
    }

    /** The image's colour at p (inside it), bilinear, written at {@code out[at..at+2]}. */
    static void sampleInto(RgbImage image, PixelPoint p, byte[] out, int at) {
        int x0 = Math.min(image.width() - 2, (int) p.x());
        int y0 = Math.min(image.height() - 2, (int) p.y());
        double tx = p.x() - x0;
        double ty = p.y() - y0;
        for (int c = 0; c < 3; c++) {
            double top = image.get(x0, y0, c) * (1 - tx) + image.get(x0 + 1, y0, c) * tx;
            double bottom = image.get(x0, y0 + 1, c) * (1 - tx) + image.get(x0 + 1, y0 + 1, c) * tx;
            out[at + c] = (byte) Math.round(top * (1 - ty) + bottom * ty);
        }
    }

    /** Peak signal-to-noise ratio over all channels, in dB (8-bit peak). */
    public static double psnr(RgbImage a, RgbImage b) {
        double sum = 0;
        byte[] x = a.rgb();
        byte[] y = b.rgb();
        for (int i = 0; i < x.length; i++) {
            double d = (x[i] & 0xFF) - (y[i] & 0xFF);
            sum += d * d;
        }
        double mse = sum / x.length;
        return 10 * Math.log10(255.0 * 255.0 / Math.max(mse, 1e-12));
    }

    private static double logistic(double t) {
        return 1 / (1 + Math.exp(-t));
    }
}
