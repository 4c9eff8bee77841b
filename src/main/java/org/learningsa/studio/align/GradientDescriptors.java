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
 * width (on DJL, as products with banded kernel matrices, sampled every {@link #poolStep} pixels), read at
 * each of the 20×20 cell centres and on a ring of 8 points around it, each histogram normalised; the two
 * coarse levels add the mean colour. Computed on the image squashed to 288×288 exactly like the network's
 * input.
 *
 * <p>Only content is described ({@link ContentMask}): gradients are measured and colours pooled over
 * content pixels alone and divided by the share of content under the pooling window (normalised
 * convolution), so the 16-pixel padding ring and black (or other constant) fills along the image border
 * add no edge of the frame; each sample point carries that share as its support, and the positions off
 * content are marked so that {@link DefaultAligner} never places a match there.
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
    /** Sample points of a descriptor: the centre and the ring. */
    static final int POINTS = 1 + RING_POINTS;
    /**
     * A pooled histogram is divided by the share of its window that shows content (normalised convolution),
     * but by at least this much, so a point that sees only a sliver of content is not blown up.
     */
    private static final double MIN_SUPPORT = 0.2;
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

    /**
     * The descriptors of one level: at the 400 cell centres, and on the dense lattice; and for each of
     * their {@link #POINTS} sample points how much of its pooling window shows content ({@link ContentMask}):
     * 0 for a point in the padding ring or on a fill, 1 from half a window of content on.
     *
     * @param cellSupport    400×POINTS, cell-major
     * @param latticeSupport LATTICE²×POINTS, position-major
     */
    record LevelDescriptors(int channels, float[] cells, float[] lattice, float[] cellSupport, float[] latticeSupport) {

        /** Canvas coordinate of lattice index {@code k}. */
        static double latticePosition(int k) {
            return LATTICE_STEP * k + LATTICE_STEP - 0.5;
        }
    }

    /**
     * The descriptors of one image: per level (fine to coarse), and which cells and lattice positions lie
     * on content (their centre pixel is content in the {@link ContentMask}); a match is never placed elsewhere.
     */
    record Description(List<LevelDescriptors> levels, boolean[] cellOnContent, boolean[] latticeOnContent) {

        /** Whether any cell lies on content (an image of one flat colour is a fill all over). */
        boolean hasContent() {
            for (boolean onContent : cellOnContent) {
                if (onContent) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Per level: the cell descriptors (C×400, channel-major, ready for {@code MultiScaleMatcher.matchArrays})
     * and the dense lattice descriptors (position-major, LATTICE²×C), with the content support of each
     * sample point. Gradients and colours are pooled over content pixels only (normalised convolution), so
     * the padding ring and fills neither add edges nor darken colours.
     */
    static Description describe(RgbImage image, NDManager manager) {
        Canvas canvas = Canvas.of(image);
        float[] orientations = orientationChannels(canvas.grey(), canvas.content());
        List<LevelDescriptors> levels = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray histogramPlanes = scope.create(orientations, new Shape(1, ORIENTATIONS + 1, CANVAS, CANVAS));
            NDArray colourPlanes = scope.create(canvas.maskedLab(), new Shape(1, 4, CANVAS, CANVAS));
            for (Level level : LEVELS) {
                int step = poolStep(level.poolSigma());
                Pooled pooled = new Pooled(blur(histogramPlanes, level.poolSigma(), step).toFloatArray(), step);
                Pooled colour = level.colourWeight() > 0
                        ? new Pooled(blur(colourPlanes, level.poolSigma(), step).toFloatArray(), step) : null;
                Sampler sampler = new Sampler(pooled, colour, level);
                float[] cells = new float[sampler.channels() * CELL_COUNT];
                float[] cellSupport = new float[POINTS * CELL_COUNT];
                float[] one = new float[sampler.channels()];
                for (int cell = 0; cell < CELL_COUNT; cell++) {
                    sampler.describe(ExactMapping.canvasFromCell(cell % CELLS), ExactMapping.canvasFromCell(cell / CELLS),
                            one, 0, cellSupport, cell * POINTS);
                    for (int c = 0; c < one.length; c++) {
                        cells[c * CELL_COUNT + cell] = one[c];
                    }
                }
                float[] lattice = new float[LATTICE * LATTICE * sampler.channels()];
                float[] latticeSupport = new float[LATTICE * LATTICE * POINTS];
                for (int ky = 0; ky < LATTICE; ky++) {
                    for (int kx = 0; kx < LATTICE; kx++) {
                        int k = ky * LATTICE + kx;
                        sampler.describe(LevelDescriptors.latticePosition(kx), LevelDescriptors.latticePosition(ky),
                                lattice, k * sampler.channels(), latticeSupport, k * POINTS);
                    }
                }
                levels.add(new LevelDescriptors(sampler.channels(), cells, lattice, cellSupport, latticeSupport));
            }
        }
        boolean[] cellOnContent = new boolean[CELL_COUNT];
        for (int cell = 0; cell < CELL_COUNT; cell++) {
            cellOnContent[cell] = canvas.onContent(ExactMapping.canvasFromCell(cell % CELLS),
                    ExactMapping.canvasFromCell(cell / CELLS));
        }
        boolean[] latticeOnContent = new boolean[LATTICE * LATTICE];
        for (int k = 0; k < latticeOnContent.length; k++) {
            latticeOnContent[k] = canvas.onContent(LevelDescriptors.latticePosition(k % LATTICE),
                    LevelDescriptors.latticePosition(k / LATTICE));
        }
        return new Description(levels, cellOnContent, latticeOnContent);
    }

    /**
     * Magnitude-weighted orientation channels from central differences, 8×320×320, followed by a ninth
     * plane that is 1 where a gradient was measured: at content pixels whose four neighbours are content
     * too (a difference across the edge of a fill or of the padding would be an edge of the frame).
     */
    static float[] orientationChannels(float[] grey, float[] content) {
        int plane = CANVAS * CANVAS;
        float[] out = new float[(ORIENTATIONS + 1) * plane];
        double binWidth = 2 * Math.PI / ORIENTATIONS;
        for (int y = 0; y < CANVAS; y++) {
            int ym = Math.max(0, y - 1);
            int yp = Math.min(CANVAS - 1, y + 1);
            for (int x = 0; x < CANVAS; x++) {
                int xm = Math.max(0, x - 1);
                int xp = Math.min(CANVAS - 1, x + 1);
                int pixel = y * CANVAS + x;
                if (content[pixel] == 0 || content[y * CANVAS + xm] == 0 || content[y * CANVAS + xp] == 0
                        || content[ym * CANVAS + x] == 0 || content[yp * CANVAS + x] == 0) {
                    continue;
                }
                out[ORIENTATIONS * plane + pixel] = 1f;
                double gx = (grey[y * CANVAS + xp] - grey[y * CANVAS + xm]) * 0.5;
                double gy = (grey[yp * CANVAS + x] - grey[ym * CANVAS + x]) * 0.5;
                double magnitude = Math.hypot(gx, gy);
                if (magnitude == 0) {
                    continue;
                }
                double bin = (Math.atan2(gy, gx) + 2 * Math.PI) / binWidth;
                int lower = (int) Math.floor(bin);
                double upperWeight = bin - lower;
                out[(lower % ORIENTATIONS) * plane + pixel] += (float) (magnitude * (1 - upperWeight));
                out[((lower + 1) % ORIENTATIONS) * plane + pixel] += (float) (magnitude * upperWeight);
            }
        }
        return out;
    }

    /**
     * Canvas pixels between the samples of a level's pooled planes: the largest power of two not above
     * σ/3, so bilinear reads between samples stay within a fraction of a percent of the full-resolution
     * blur while the coarse levels cost a fraction of it.
     */
    static int poolStep(double sigma) {
        int step = 1;
        while (2 * step <= sigma / 3) {
            step *= 2;
        }
        return step;
    }

    /**
     * Separable Gaussian blur of every channel, normalised at the canvas edge (each output is the weighted
     * mean of the canvas pixels under the kernel), evaluated every {@code step} canvas pixels at positions
     * step·j + (step − 1)/2. Written as two matrix products with a banded, row-normalised
     * (320/step)×320 kernel matrix: the same result as a normalised depthwise convolution, several times
     * faster on the CPU.
     *
     * @param planes [1, C, 320, 320]
     * @return [1, C, 320/step, 320/step]
     */
    static NDArray blur(NDArray planes, double sigma, int step) {
        NDManager manager = planes.getManager();
        int radius = (int) Math.ceil(3 * sigma);
        int samples = CANVAS / step;
        float[] kernel = new float[samples * CANVAS];
        for (int out = 0; out < samples; out++) {
            double centre = step * out + (step - 1) / 2.0;
            int first = Math.max(0, (int) Math.ceil(centre - radius));
            int last = Math.min(CANVAS - 1, (int) Math.floor(centre + radius));
            double sum = 0;
            for (int in = first; in <= last; in++) {
                double weight = Math.exp(-0.5 * (in - centre) * (in - centre) / (sigma * sigma));
                kernel[out * CANVAS + in] = (float) weight;
                sum += weight;
            }
            for (int in = first; in <= last; in++) {
                kernel[out * CANVAS + in] /= (float) sum;
            }
        }
        NDArray rows = manager.create(kernel, new Shape(samples, CANVAS));
        // out[c] = K · X[c] · Kᵀ
        return rows.matMul(planes).matMul(rows.transpose());
    }

    /** Pooled planes sampled every {@code step} canvas pixels ({@link #blur}), read at canvas positions. */
    record Pooled(float[] values, int step) {

        int size() {
            return CANVAS / step;
        }

        /** Bilinear value of a channel at a canvas position, clamped to the sampled area. */
        double at(int channel, double canvasX, double canvasY) {
            int n = size();
            double offset = (step - 1) / 2.0;
            double cx = Math.max(0, Math.min(n - 1, (canvasX - offset) / step));
            double cy = Math.max(0, Math.min(n - 1, (canvasY - offset) / step));
            int x0 = Math.min((int) cx, n - 2);
            int y0 = Math.min((int) cy, n - 2);
            double fx = cx - x0;
            double fy = cy - y0;
            int base = channel * n * n;
            double a = values[base + y0 * n + x0] * (1 - fx) + values[base + y0 * n + x0 + 1] * fx;
            double b = values[base + (y0 + 1) * n + x0] * (1 - fx) + values[base + (y0 + 1) * n + x0 + 1] * fx;
            return a * (1 - fy) + b * fy;
        }
    }

    /** Reads one level's descriptor (centre + ring histograms, colour) at any canvas position. */
    private static final class Sampler {
        private final Pooled pooled;
        private final Pooled colour;
        private final Level level;
        private final double flat;
        private final double[] histogram = new double[ORIENTATIONS];

        /**
         * @param pooled 9 pooled planes: 8 orientations, then the share of measured gradients
         * @param colour 4 pooled planes: 3 colour channels times content, then the share of content; or null
         */
        Sampler(Pooled pooled, Pooled colour, Level level) {
            this.pooled = pooled;
            this.colour = colour;
            this.level = level;
            this.flat = FLAT_FRACTION * typicalHistogramNorm(pooled) + 1e-12;
        }

        int channels() {
            return POINTS * ORIENTATIONS + (colour != null ? 3 : 0);
        }

        void describe(double cx, double cy, float[] out, int offset, float[] support, int supportOffset) {
            for (int p = 0; p < POINTS; p++) {
                double angle = 2 * Math.PI * (p - 1) / RING_POINTS;
                double radius = p == 0 ? 0 : level.ringRadius();
                double x = cx + radius * Math.cos(angle);
                double y = cy + radius * Math.sin(angle);
                double share = pooled.at(ORIENTATIONS, x, y);
                double inverseShare = 1.0 / Math.max(MIN_SUPPORT, share);
                double norm = 0;
                for (int o = 0; o < ORIENTATIONS; o++) {
                    histogram[o] = pooled.at(o, x, y) * inverseShare;
                    norm += histogram[o] * histogram[o];
                }
                // a weak histogram (flat region) stays weak instead of being blown up to unit length
                double scale = 1.0 / Math.sqrt(norm + flat * flat) / Math.sqrt(POINTS);
                for (int o = 0; o < ORIENTATIONS; o++) {
                    out[offset + p * ORIENTATIONS + o] = (float) (histogram[o] * scale);
                }
                support[supportOffset + p] = (float) Math.min(1, 2 * share);
            }
            if (colour != null) {
                double inverseShare = 1.0 / Math.max(MIN_SUPPORT, colour.at(3, cx, cy));
                for (int c = 0; c < 3; c++) {
                    out[offset + POINTS * ORIENTATIONS + c] =
                            (float) (level.colourWeight() * colour.at(c, cx, cy) * inverseShare);
                }
            }
        }
    }

    /** The mean length of the content-normalised histograms, over places with at least half a window of content. */
    private static double typicalHistogramNorm(Pooled pooled) {
        float[] values = pooled.values();
        int plane = pooled.size() * pooled.size();
        double total = 0;
        int count = 0;
        for (int i = 0; i < plane; i += 7) {
            double share = values[ORIENTATIONS * plane + i];
            if (share < 0.5) {
                continue;
            }
            double norm = 0;
            for (int o = 0; o < ORIENTATIONS; o++) {
                norm += values[o * plane + i] * values[o * plane + i];
            }
            total += Math.sqrt(norm) / share;
            count++;
        }
        return count == 0 ? 0 : total / count;
    }

    /**
     * The image squashed to 288×288 like the network input, its border replicated to 320×320 (those values
     * are masked out; replication only keeps the gradient stencil simple), and its {@link ContentMask}.
     *
     * @param maskedLab 4×320×320: the three colour channels times the content mask, then the mask
     */
    record Canvas(float[] grey, float[] maskedLab, float[] content) {

        static Canvas of(RgbImage image) {
            int size = PaperGeometry.RESIZED_SIZE;
            int pad = PaperGeometry.PAD;
            RgbImage resized = PilResize.resize(image, size, size);
            float[] content = ContentMask.of(resized);
            float[] grey = new float[CANVAS * CANVAS];
            float[] lab = new float[4 * CANVAS * CANVAS];
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
                    float m = content[i];
                    // an opponent colour space: lightness and two chroma axes, roughly perceptual
                    lab[i] = grey[i] * m;
                    lab[plane + i] = (float) (r - g) * m;
                    lab[2 * plane + i] = (float) (0.5 * (r + g) - b) * m;
                    lab[3 * plane + i] = m;
                }
            }
            return new Canvas(grey, lab, content);
        }

        /** Whether the canvas position lies on content (bilinear mask of at least one half). */
        boolean onContent(double x, double y) {
            return new Pooled(content, 1).at(0, x, y) >= 0.5;
        }
    }
}
