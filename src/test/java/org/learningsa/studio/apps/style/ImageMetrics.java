package org.learningsa.studio.apps.style;

import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.image.RgbImage;

/** Image comparisons for the known-truth cases: PSNR (in {@link SyntheticGrade}) and grey SSIM. */
public final class ImageMetrics {

    private static final int RADIUS = 5;
    private static final double SIGMA = 1.5;

    private ImageMetrics() {
    }

    /**
     * Mean SSIM (Wang et al. 2004) of the grey images (ITU-R 601 luma): an 11×11 Gaussian window of σ 1.5,
     * K1 = 0.01, K2 = 0.03, L = 255, over the windows that fit inside the image.
     */
    public static double greySsim(RgbImage a, RgbImage b) {
        int w = a.width();
        int h = a.height();
        double[] x = grey(a);
        double[] y = grey(b);
        double[] kernel = new double[2 * RADIUS + 1];
        double total = 0;
        for (int i = -RADIUS; i <= RADIUS; i++) {
            kernel[i + RADIUS] = Math.exp(-i * i / (2 * SIGMA * SIGMA));
            total += kernel[i + RADIUS];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= total;
        }
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        double sum = 0;
        int windows = 0;
        for (int cy = RADIUS; cy < h - RADIUS; cy++) {
            for (int cx = RADIUS; cx < w - RADIUS; cx++) {
                double mx = 0;
                double my = 0;
                double xx = 0;
                double yy = 0;
                double xy = 0;
                for (int dy = -RADIUS; dy <= RADIUS; dy++) {
                    for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                        double k = kernel[dy + RADIUS] * kernel[dx + RADIUS];
                        int i = (cy + dy) * w + cx + dx;
                        mx += k * x[i];
                        my += k * y[i];
                        xx += k * x[i] * x[i];
                        yy += k * y[i] * y[i];
                        xy += k * x[i] * y[i];
                    }
                }
                double vx = xx - mx * mx;
                double vy = yy - my * my;
                double cov = xy - mx * my;
                sum += (2 * mx * my + c1) * (2 * cov + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
                windows++;
            }
        }
        return sum / windows;
    }

    /** The exemplar brought back into the input's frame by the exact map (bilinear): the best a warp can do. */
    public static RgbImage warpBack(RgbImage exemplar, AffineCorrespondence map, int width, int height) {
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                PixelPoint p = map.map(Direction.TARGET_TO_SOURCE, x, y);
                SyntheticGrade.sampleInto(exemplar, p, out, (y * width + x) * 3);
            }
        }
        return new RgbImage(width, height, out);
    }

    private static double[] grey(RgbImage image) {
        double[] out = new double[image.width() * image.height()];
        byte[] rgb = image.rgb();
        for (int i = 0; i < out.length; i++) {
            out[i] = PainterlyFilters.LUMA[0] * (rgb[3 * i] & 0xFF) + PainterlyFilters.LUMA[1] * (rgb[3 * i + 1] & 0xFF)
                    + PainterlyFilters.LUMA[2] * (rgb[3 * i + 2] & 0xFF);
        }
        return out;
    }
}
