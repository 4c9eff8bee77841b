package org.learningsa.studio.align.dense;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.image.RgbImage;

/** Textured images, known warps of them, and coarse correspondences with a known error, for the refiner's tests. */
public final class SyntheticPairs {

    private SyntheticPairs() {
    }

    /** A map from a point to where it lands, and its inverse. */
    public interface Warp {
        PixelPoint forward(double x, double y);

        PixelPoint inverse(double x, double y);
    }

    /** Colour value noise at several scales (features of 4 to 32 px), deterministic for a seed. */
    public static RgbImage texture(int width, int height, long seed) {
        Random random = new Random(seed);
        float[][] channels = new float[3][width * height];
        for (int c = 0; c < 3; c++) {
            for (int cell : new int[] {32, 12, 4}) {
                int gw = width / cell + 2;
                int gh = height / cell + 2;
                float[] grid = new float[gw * gh];
                for (int i = 0; i < grid.length; i++) {
                    grid[i] = random.nextFloat();
                }
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        channels[c][y * width + x] += 85 * Plane.bilinear(grid, gw, gh, (float) x / cell,
                                (float) y / cell);
                    }
                }
            }
        }
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < width * height; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = (byte) Math.max(0, Math.min(255, Math.round(channels[c][i])));
            }
        }
        return new RgbImage(width, height, rgb);
    }

    /** The target an image becomes under a warp: each target pixel reads the source at the warp's inverse. */
    public static RgbImage warped(RgbImage source, Warp warp) {
        int w = source.width();
        int h = source.height();
        float[][] planes = new float[3][w * h];
        for (int i = 0; i < w * h; i++) {
            for (int c = 0; c < 3; c++) {
                planes[c][i] = source.rgb()[3 * i + c] & 0xFF;
            }
        }
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                PixelPoint from = warp.inverse(x, y);
                for (int c = 0; c < 3; c++) {
                    rgb[3 * (y * w + x) + c] = (byte) Math.round(
                            Plane.bilinear(planes[c], w, h, (float) from.x(), (float) from.y()));
                }
            }
        }
        return new RgbImage(w, h, rgb);
    }

    /** A similarity about the image centre: rotation (degrees), scale, then shift. */
    public static Warp similarity(double degrees, double scale, double shiftX, double shiftY, int width, int height) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        return new Warp() {
            @Override
            public PixelPoint forward(double x, double y) {
                double dx = x - cx;
                double dy = y - cy;
                return new PixelPoint(cx + scale * (cos * dx - sin * dy) + shiftX,
                        cy + scale * (sin * dx + cos * dy) + shiftY);
            }

            @Override
            public PixelPoint inverse(double x, double y) {
                double dx = (x - cx - shiftX) / scale;
                double dy = (y - cy - shiftY) / scale;
                return new PixelPoint(cx + cos * dx + sin * dy, cy - sin * dx + cos * dy);
            }
        };
    }

    /**
     * A coarse correspondence: the true warp plus a smooth error (a sine of {@code amplitude} px over the image in
     * each direction), clamped into the other image, as a coarse aligner's grid would be off.
     */
    static Correspondence coarse(Warp warp, int width, int height, double amplitude, boolean semantic) {
        ImageRef source = new ImageRef(null, width, height);
        ImageRef target = new ImageRef(null, width, height);
        DoubleBinaryOperator errorX = (x, y) -> amplitude * Math.sin(2 * Math.PI * y / height + 0.3);
        DoubleBinaryOperator errorY = (x, y) -> amplitude * Math.cos(2 * Math.PI * x / width + 0.7);
        return new Correspondence() {
            @Override
            public ImageRef source() {
                return source;
            }

            @Override
            public ImageRef target() {
                return target;
            }

            @Override
            public PixelPoint map(Direction direction, double x, double y) {
                PixelPoint p = direction == Direction.SOURCE_TO_TARGET ? warp.forward(x, y) : warp.inverse(x, y);
                double ex = errorX.applyAsDouble(x, y);
                double ey = errorY.applyAsDouble(x, y);
                return new PixelPoint(Math.max(0, Math.min(width - 1, p.x() + ex)),
                        Math.max(0, Math.min(height - 1, p.y() + ey)));
            }

            @Override
            public double confidence(Direction direction, double x, double y) {
                return 0.5;
            }

            @Override
            public String description() {
                return "synthetic coarse map";
            }

            @Override
            public boolean semantic() {
                return semantic;
            }
        };
    }
}
