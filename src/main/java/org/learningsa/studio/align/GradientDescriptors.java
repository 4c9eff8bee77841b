package org.learningsa.studio.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.image.PaperGeometry;
import org.learningsa.studio.image.PilResize;
import org.learningsa.studio.image.RgbImage;

/**
 * Dense hand-crafted descriptors at four scales for the weight-free {@link DefaultAligner}: DAISY-like
 * gradient-orientation histograms (8 orientations, linear soft binning) pooled with Gaussians of growing
 * width (on DJL, as products with banded kernel matrices), read at each of the 20×20 cell centres and on a ring of 8 points
 * around it, each histogram normalised; the two coarse levels add the mean colour. Computed on the image
 * squashed to 288×288 exactly like the network's input, with the 16-pixel border filled by replicating the
 * image edge (zero padding would add an artificial edge that never moves).
 *
 * <p>These descriptors follow appearance, not meaning: they match the same object seen again, not a
 * dog to a horse.
 */
final class GradientDescriptors {

    /** Pooling width and ring radius of one level, in canvas pixels (a cell is 16 pixels). */
    record Level(double poolSigma, double ringRadius, double colourWeight) {
    }

    /** Fine to coarse, in the order of the network's levels 1..4. */
    static final List<Level> LEVELS = List.of(
            new Level(4, 10, 0),
            new Level(6, 12, 0),
            new Level(10, 20, 0.5),
            new Level(16, 32, 0.5));

    static final int ORIENTATIONS = 8;
    static final int RING_POINTS = 8;
    private static final int CANVAS = PaperGeometry.INPUT_SIZE;
    private static final int CELLS = PaperGeometry.CELLS;
    private static final int CELL_COUNT = PaperGeometry.CELL_COUNT;
    /** Histograms weaker than this fraction of the image's typical histogram are treated as flat. */
    private static final double FLAT_FRACTION = 0.25;

    private GradientDescriptors() {
    }

    /** Canvas pixels between the dense descriptors used for sub-cell refinement. */
    static final int LATTICE_STEP = 4;
    /** Dense descriptors per side: positions 3.5, 7.5, … so every cell centre (16i + 7.5) is on the lattice. */
    static final int LATTICE = CANVAS / LATTICE_STEP;

    /** The descriptors of one level: at the 400 cell centres, and on the dense lattice. */
    record LevelDescriptors(int channels, float[] cells, float[] lattice) {

        /** Canvas coordinate of lattice index {@code k}. */
        static double latticePosition(int k) {
            return LATTICE_STEP * k + LATTICE_STEP - 0.5;
        }
    }

    /**
     * Per level: the cell descriptors (C×400, channel-major, ready for {@code MultiScaleMatcher.matchArrays})
     * and the dense lattice descriptors (position-major, LATTICE²×C).
     */
    static List<LevelDescriptors> describe(RgbImage image, NDManager manager) {
        Canvas canvas = Canvas.of(image);
        float[] orientations = orientationChannels(canvas.grey());
        List<LevelDescriptors> levels = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray histogramPlanes = scope.create(orientations, new Shape(1, ORIENTATIONS, CANVAS, CANVAS));
            NDArray colourPlanes = scope.create(canvas.lab(), new Shape(1, 3, CANVAS, CANVAS));
            for (Level level : LEVELS) {
                float[] pooled = blur(histogramPlanes, level.poolSigma()).toFloatArray();
                float[] colour = level.colourWeight() > 0 ? blur(colourPlanes, level.poolSigma()).toFloatArray() : null;
                Sampler sampler = new Sampler(pooled, colour, level);
                float[] cells = new float[sampler.channels() * CELL_COUNT];
                float[] one = new float[sampler.channels()];
                for (int cell = 0; cell < CELL_COUNT; cell++) {
                    sampler.describe(ExactMapping.canvasFromCell(cell % CELLS), ExactMapping.canvasFromCell(cell / CELLS), one, 0);
                    for (int c = 0; c < one.length; c++) {
                        cells[c * CELL_COUNT + cell] = one[c];
                    }
                }
                float[] lattice = new float[LATTICE * LATTICE * sampler.channels()];
                for (int ky = 0; ky < LATTICE; ky++) {
                    for (int kx = 0; kx < LATTICE; kx++) {
                        sampler.describe(LevelDescriptors.latticePosition(kx), LevelDescriptors.latticePosition(ky),
                                lattice, (ky * LATTICE + kx) * sampler.channels());
                    }
                }
                levels.add(new LevelDescriptors(sampler.channels(), cells, lattice));
            }
        }
        return levels;
    }

    /** Magnitude-weighted orientation channels, 8×320×320, from central differences. */
    static float[] orientationChannels(float[] grey) {
        float[] out = new float[ORIENTATIONS * CANVAS * CANVAS];
        double binWidth = 2 * Math.PI / ORIENTATIONS;
        for (int y = 0; y < CANVAS; y++) {
            int ym = Math.max(0, y - 1);
            int yp = Math.min(CANVAS - 1, y + 1);
            for (int x = 0; x < CANVAS; x++) {
                int xm = Math.max(0, x - 1);
                int xp = Math.min(CANVAS - 1, x + 1);
                double gx = (grey[y * CANVAS + xp] - grey[y * CANVAS + xm]) * 0.5;
                double gy = (grey[yp * CANVAS + x] - grey[ym * CANVAS + x]) * 0.5;
                double magnitude = Math.hypot(gx, gy);
                if (magnitude == 0) {
                    continue;
                }
                double bin = (Math.atan2(gy, gx) + 2 * Math.PI) / binWidth;
                int lower = (int) Math.floor(bin);
                double upperWeight = bin - lower;
                int pixel = y * CANVAS + x;
                out[(lower % ORIENTATIONS) * CANVAS * CANVAS + pixel] += (float) (magnitude * (1 - upperWeight));
                out[((lower + 1) % ORIENTATIONS) * CANVAS * CANVAS + pixel] += (float) (magnitude * upperWeight);
            }
        }
        return out;
    }

    /**
     * Separable Gaussian blur of every channel, normalised at the canvas edge (each output is the weighted
     * mean of the canvas pixels under the kernel). Written as two matrix products with a banded,
     * row-normalised 320×320 kernel matrix: the same result as a normalised depthwise convolution, several
     * times faster on the CPU.
     *
     * @param planes [1, C, 320, 320]
     */
    static NDArray blur(NDArray planes, double sigma) {
        NDManager manager = planes.getManager();
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[CANVAS * CANVAS];
        for (int out = 0; out < CANVAS; out++) {
            double sum = 0;
            for (int in = Math.max(0, out - radius); in <= Math.min(CANVAS - 1, out + radius); in++) {
                double weight = Math.exp(-0.5 * (in - out) * (in - out) / (sigma * sigma));
                kernel[out * CANVAS + in] = (float) weight;
                sum += weight;
            }
            for (int in = Math.max(0, out - radius); in <= Math.min(CANVAS - 1, out + radius); in++) {
                kernel[out * CANVAS + in] /= (float) sum;
            }
        }
        NDArray rows = manager.create(kernel, new Shape(CANVAS, CANVAS));
        // out[c] = K · X[c] · Kᵀ
        return rows.matMul(planes).matMul(rows.transpose());
    }

    /** Reads one level's descriptor (centre + ring histograms, colour) at any canvas position. */
    private static final class Sampler {
        private final float[] pooled;
        private final float[] colour;
        private final Level level;
        private final double flat;
        private final double[] histogram = new double[ORIENTATIONS];

        Sampler(float[] pooled, float[] colour, Level level) {
            this.pooled = pooled;
            this.colour = colour;
            this.level = level;
            this.flat = FLAT_FRACTION * typicalHistogramNorm(pooled) + 1e-12;
        }

        int channels() {
            return (1 + RING_POINTS) * ORIENTATIONS + (colour != null ? 3 : 0);
        }

        void describe(double cx, double cy, float[] out, int offset) {
            int points = 1 + RING_POINTS;
            for (int p = 0; p < points; p++) {
                double angle = 2 * Math.PI * (p - 1) / RING_POINTS;
                double radius = p == 0 ? 0 : level.ringRadius();
                double x = cx + radius * Math.cos(angle);
                double y = cy + radius * Math.sin(angle);
                double norm = 0;
                for (int o = 0; o < ORIENTATIONS; o++) {
                    histogram[o] = bilinear(pooled, o, x, y);
                    norm += histogram[o] * histogram[o];
                }
                // a weak histogram (flat region) stays weak instead of being blown up to unit length
                double scale = 1.0 / Math.sqrt(norm + flat * flat) / Math.sqrt(points);
                for (int o = 0; o < ORIENTATIONS; o++) {
                    out[offset + p * ORIENTATIONS + o] = (float) (histogram[o] * scale);
                }
            }
            if (colour != null) {
                for (int c = 0; c < 3; c++) {
                    out[offset + points * ORIENTATIONS + c] = (float) (level.colourWeight() * bilinear(colour, c, cx, cy));
                }
            }
        }
    }

    private static double typicalHistogramNorm(float[] pooled) {
        int plane = CANVAS * CANVAS;
        double total = 0;
        int count = 0;
        for (int i = 0; i < plane; i += 7) {
            double norm = 0;
            for (int o = 0; o < ORIENTATIONS; o++) {
                norm += pooled[o * plane + i] * pooled[o * plane + i];
            }
            total += Math.sqrt(norm);
            count++;
        }
        return total / count;
    }

    private static double bilinear(float[] planes, int channel, double x, double y) {
        double cx = Math.max(0, Math.min(CANVAS - 1, x));
        double cy = Math.max(0, Math.min(CANVAS - 1, y));
        int x0 = Math.min((int) cx, CANVAS - 2);
        int y0 = Math.min((int) cy, CANVAS - 2);
        double fx = cx - x0;
        double fy = cy - y0;
        int base = channel * CANVAS * CANVAS;
        double a = planes[base + y0 * CANVAS + x0] * (1 - fx) + planes[base + y0 * CANVAS + x0 + 1] * fx;
        double b = planes[base + (y0 + 1) * CANVAS + x0] * (1 - fx) + planes[base + (y0 + 1) * CANVAS + x0 + 1] * fx;
        return a * (1 - fy) + b * fy;
    }

    /** The image squashed to 288×288 like the network input, its border replicated to 320×320. */
    record Canvas(float[] grey, float[] lab) {

        static Canvas of(RgbImage image) {
            int size = PaperGeometry.RESIZED_SIZE;
            int pad = PaperGeometry.PAD;
            RgbImage resized = PilResize.resize(image, size, size);
            float[] grey = new float[CANVAS * CANVAS];
            float[] lab = new float[3 * CANVAS * CANVAS];
            int plane = CANVAS * CANVAS;
            for (int y = 0; y < CANVAS; y++) {
                int sy = Math.max(0, Math.min(size - 1, y - pad));
                for (int x = 0; x < CANVAS; x++) {
                    int sx = Math.max(0, Math.min(size - 1, x - pad));
                    double r = resized.get(sx, sy, 0) / 255.0;
                    double g = resized.get(sx, sy, 1) / 255.0;
                    double b = resized.get(sx, sy, 2) / 255.0;
                    int i = y * CANVAS + x;
                    grey[i] = (float) (0.299 * r + 0.587 * g + 0.114 * b);
                    // an opponent colour space: lightness and two chroma axes, roughly perceptual
                    lab[i] = grey[i];
                    lab[plane + i] = (float) (r - g);
                    lab[2 * plane + i] = (float) (0.5 * (r + g) - b);
                }
            }
            return new Canvas(grey, lab);
        }
    }
}
