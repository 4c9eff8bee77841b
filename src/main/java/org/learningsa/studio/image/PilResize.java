package org.learningsa.studio.image;

/**
 * A port of Pillow 9.4's {@code ImagingResample} for the BILINEAR filter on 8-bit RGB ({@code Resample.c}):
 * separable, horizontal pass then vertical pass over only the rows the vertical pass needs; the triangle
 * filter's support grows with the down-scaling factor (antialiasing); coefficients are normalised in double
 * and converted to 22-bit fixed point; each pass starts from a rounding half, accumulates in 32-bit ints and
 * clips to 0..255. Reproduces {@code PIL.Image.resize(size, Image.BILINEAR)} bit-exactly, which the
 * reference's {@code torchvision.transforms.Resize} calls.
 */
public final class PilResize {

    /** Pillow's PRECISION_BITS = 32 − 8 − 2. */
    private static final int PRECISION_BITS = 22;
    private static final double BILINEAR_SUPPORT = 1.0;

    private PilResize() {
    }

    /** Coefficients of one pass: per output index, first input index, tap count and fixed-point weights. */
    private record Coefficients(int kernelSize, int[] first, int[] count, int[] weights) { }

    /** Resizes {@code image} to {@code width × height} exactly as Pillow's BILINEAR resample does. */
    public static RgbImage resize(RgbImage image, int width, int height) {
        boolean horizontal = width != image.width();
        boolean vertical = height != image.height();
        Coefficients cx = coefficients(image.width(), width);
        Coefficients cy = coefficients(image.height(), height);
        byte[] pixels = image.rgb();
        int inWidth = image.width();
        int rowOffset = 0;
        int rows = image.height();
        if (horizontal) {
            int firstRow = cy.first()[0];
            int lastRow = cy.first()[height - 1] + cy.count()[height - 1];
            rows = lastRow - firstRow;
            pixels = horizontalPass(pixels, inWidth, firstRow, rows, cx, width);
            inWidth = width;
            rowOffset = firstRow;
        }
        if (vertical) {
            pixels = verticalPass(pixels, inWidth, rowOffset, cy, height);
        } else if (!horizontal) {
            pixels = pixels.clone();
        }
        return new RgbImage(width, horizontal || vertical ? (vertical ? height : rows) : height, pixels);
    }

    private static Coefficients coefficients(int inSize, int outSize) {
        double scale = (double) ((float) inSize - 0f) / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = BILINEAR_SUPPORT * filterScale;
        int kernelSize = (int) Math.ceil(support) * 2 + 1;
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        int[] weights = new int[outSize * kernelSize];
        double[] k = new double[kernelSize];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            double ww = 0.0;
            double ss = 1.0 / filterScale;
            int xmin = (int) (center - support + 0.5);
            if (xmin < 0) {
                xmin = 0;
            }
            int xmax = (int) (center + support + 0.5);
            if (xmax > inSize) {
                xmax = inSize;
            }
            xmax -= xmin;
            for (int x = 0; x < xmax; x++) {
                double w = triangle((x + xmin - center + 0.5) * ss);
                k[x] = w;
                ww += w;
            }
            for (int x = 0; x < xmax; x++) {
                if (ww != 0.0) {
                    k[x] /= ww;
                }
            }
            for (int x = 0; x < kernelSize; x++) {
                double v = x < xmax ? k[x] : 0.0;
                weights[xx * kernelSize + x] = v < 0
                        ? (int) (-0.5 + v * (1 << PRECISION_BITS))
                        : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            first[xx] = xmin;
            count[xx] = xmax;
        }
        return new Coefficients(kernelSize, first, count, weights);
    }

    private static double triangle(double x) {
        double a = Math.abs(x);
        return a < 1.0 ? 1.0 - a : 0.0;
    }

    private static int clip8(int value) {
        if (value >= (1 << PRECISION_BITS << 8)) {
            return 255;
        }
        if (value <= 0) {
            return 0;
        }
        return value >> PRECISION_BITS;
    }

    private static byte[] horizontalPass(byte[] in, int inWidth, int firstRow, int rows, Coefficients c, int outWidth) {
        byte[] out = new byte[outWidth * rows * 3];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < rows; y++) {
            int inRow = (y + firstRow) * inWidth * 3;
            for (int xx = 0; xx < outWidth; xx++) {
                int xmin = c.first()[xx];
                int taps = c.count()[xx];
                int kBase = xx * c.kernelSize();
                int s0 = half;
                int s1 = half;
                int s2 = half;
                for (int x = 0; x < taps; x++) {
                    int w = c.weights()[kBase + x];
                    int p = inRow + (x + xmin) * 3;
                    s0 += (in[p] & 0xFF) * w;
                    s1 += (in[p + 1] & 0xFF) * w;
                    s2 += (in[p + 2] & 0xFF) * w;
                }
                int o = (y * outWidth + xx) * 3;
                out[o] = (byte) clip8(s0);
                out[o + 1] = (byte) clip8(s1);
                out[o + 2] = (byte) clip8(s2);
            }
        }
        return out;
    }

    private static byte[] verticalPass(byte[] in, int width, int rowOffset, Coefficients c, int outHeight) {
        byte[] out = new byte[width * outHeight * 3];
        int half = 1 << (PRECISION_BITS - 1);
        for (int yy = 0; yy < outHeight; yy++) {
            int ymin = c.first()[yy] - rowOffset;
            int taps = c.count()[yy];
            int kBase = yy * c.kernelSize();
            for (int xx = 0; xx < width; xx++) {
                int s0 = half;
                int s1 = half;
                int s2 = half;
                for (int y = 0; y < taps; y++) {
                    int w = c.weights()[kBase + y];
                    int p = ((y + ymin) * width + xx) * 3;
                    s0 += (in[p] & 0xFF) * w;
                    s1 += (in[p + 1] & 0xFF) * w;
                    s2 += (in[p + 2] & 0xFF) * w;
                }
                int o = (yy * width + xx) * 3;
                out[o] = (byte) clip8(s0);
                out[o + 1] = (byte) clip8(s1);
                out[o + 2] = (byte) clip8(s2);
            }
        }
        return out;
    }
}
