package org.learningsa.studio.apps;

import java.util.Objects;
import java.util.stream.IntStream;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.RgbImage;

/**
 * A morph between the two images of a {@link Correspondence}, ready to render any time t in [0, 1].
 *
 * <p>Geometry: a source point p whose match is q (both on the {@link MorphCanvas}) sits at (1 − t)·p + t·q at
 * time t; its colour is (1 − t)·A(p) + t·B(q). To draw frame t each output pixel x needs its pre-images: the
 * source point a with a + t·D_A(a) = x and the target point b with b + (1 − t)·D_B(b) = x, where D_A and D_B
 * are the dense canvas displacements of the two directions. Both are solved by damped fixed-point iteration
 * (Liao et al. 2014: a ← (1 − α)·a + α·(x − t·D_A(a)), α = 0.8, at most 20 steps), which is backward warping
 * through the inverted flow: no holes, and no drift on rotations as the one-step "evaluate the flow at x"
 * shortcut has. The displacements come from a 20×20 correspondence grid, so they are smooth at the scale of a
 * few pixels: pre-images are solved exactly on a lattice every {@value #LATTICE_STEP} canvas pixels and
 * interpolated bilinearly in between, which keeps scrubbing at 512×512 well above 30 frames per second.
 *
 * <p>Blend: w_A = (1 − t)·(δ + c_A(a)), w_B = t·(δ + c_B(b)), c the correspondence's confidence (forward–backward
 * consistency) and δ = {@value #CONFIDENCE_FLOOR}, the visibility-weighted blend of Super SloMo. A side whose
 * iteration did not converge (a fold in its flow) is weighted down by its residual, one whose pre-image falls off
 * its image gets weight 0, so where
 * the two directions disagree the image that sees the point wins instead of a smear; where neither does, the
 * frame falls back to a plain cross-dissolve at that pixel. Frame 0 is exactly the source placed on
 * the canvas and frame 1 exactly the target.
 */
public final class Morph {

    /** Canvas pixels between the lattice points where pre-images are solved exactly. */
    public static final int LATTICE_STEP = 4;
    /** Liao et al.'s damping and iteration count. */
    static final double DAMPING = 0.8;
    static final int MAX_ITERATIONS = 20;
    /** A pre-image whose residual |a + t·D(a) − x| is below this (canvas pixels) counts as converged. */
    static final double CONVERGED_PIXELS = 0.5;
    /**
     * Where the iteration does not converge (a fold or a jagged flow) the best iterate is still used, with a weight
     * exp(−(r/σ)²) of its residual r: σ = 1.5 canvas pixels, so an answer a pixel off counts, one 4 pixels off is
     * nearly ignored and the blend leans on the other image, then on a plain dissolve.
     */
    static final double RESIDUAL_SIGMA_PIXELS = 1.5;
    /** Keeps a side with zero confidence in play, so a frame never depends on one side alone by accident. */
    static final double CONFIDENCE_FLOOR = 0.1;

    private final Correspondence correspondence;
    private final MorphCanvas canvas;
    private final MorphSide source;
    private final MorphSide target;

    private Morph(Correspondence correspondence, MorphCanvas canvas, MorphSide source, MorphSide target) {
        this.correspondence = correspondence;
        this.canvas = canvas;
        this.source = source;
        this.target = target;
    }

    /**
     * Reads the dense maps of both directions at the canvas resolution (once per correspondence and canvas:
     * every frame after that only samples them).
     *
     * @param sourcePixels the source image's pixels (the correspondence's {@code source()} may be larger when
     *                     the pixels were downscaled for the network; only the scale differs)
     */
    public static Morph prepare(Correspondence correspondence, RgbImage sourcePixels, RgbImage targetPixels,
                                MorphCanvas canvas, ProgressListener progress, CancelToken cancel) {
        Objects.requireNonNull(correspondence, "correspondence");
        progress.progress("reading the source → target map", 0);
        MorphSide source = MorphSide.of(correspondence, Direction.SOURCE_TO_TARGET, sourcePixels, canvas.source(),
                canvas.target(), cancel);
        progress.progress("reading the target → source map", 0.5);
        MorphSide target = MorphSide.of(correspondence, Direction.TARGET_TO_SOURCE, targetPixels, canvas.target(),
                canvas.source(), cancel);
        progress.progress("morph ready", 1);
        return new Morph(correspondence, canvas, source, target);
    }

    public MorphCanvas canvas() {
        return canvas;
    }

    public Correspondence correspondence() {
        return correspondence;
    }

    /** Frame t as a new image. */
    public RgbImage renderRgb(double t) {
        int[] argb = new int[canvas.width() * canvas.height()];
        render(t, argb);
        byte[] rgb = new byte[argb.length * 3];
        for (int i = 0; i < argb.length; i++) {
            rgb[3 * i] = (byte) (argb[i] >> 16);
            rgb[3 * i + 1] = (byte) (argb[i] >> 8);
            rgb[3 * i + 2] = (byte) argb[i];
        }
        return new RgbImage(canvas.width(), canvas.height(), rgb);
    }

    /**
     * Draws frame t (clamped into [0, 1]) into {@code argb} (opaque 0xAARRGGBB, row-major, canvas size), rows in
     * parallel. Thread-safe: the preview and an export may render at the same time.
     */
    public void render(double t, int[] argb) {
        int w = canvas.width();
        int h = canvas.height();
        if (argb.length < w * h) {
            throw new IllegalArgumentException("buffer of " + argb.length + " pixels for a " + w + "x" + h + " frame");
        }
        double time = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        if (time == 0) {
            drawPlaced(source, argb);
            return;
        }
        if (time == 1) {
            drawPlaced(target, argb);
            return;
        }
        Lattice lattice = new Lattice(w, h);
        IntStream.range(0, lattice.rows).parallel().forEach(row -> lattice.solveRow(row, time, source, target));
        double[] rect = visibleRectangle(time);
        int bands = Math.max(1, Math.min(h, 4 * Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, bands).parallel().forEach(band -> {
            double[] colour = new double[3];
            for (int y = band * h / bands, end = (band + 1) * h / bands; y < end; y++) {
                drawRow(y, time, lattice, rect, colour, argb);
            }
        });
    }

    private void drawRow(int y, double t, Lattice lattice, double[] rect, double[] colour, int[] argb) {
        int w = canvas.width();
        int row = y * w;
        if (y < rect[1] - 0.5 || y > rect[3] - 0.5) {
            java.util.Arrays.fill(argb, row, row + w, 0xFF000000);
            return;
        }
        double gy = (double) y / LATTICE_STEP;
        int j0 = Math.min((int) gy, lattice.rows - 2);
        double fy = gy - j0;
        int cols = lattice.cols;
        // the row's values at every lattice column (interpolated in y once), then linear in x between them
        double[] left = new double[6];
        double[] right = new double[6];
        lattice.rowValues(j0 * cols, fy, left);
        int cell = 0;
        lattice.rowValues(j0 * cols + 1, fy, right);
        for (int x = 0; x < w; x++) {
            int i0 = Math.min(x / LATTICE_STEP, cols - 2);
            if (i0 != cell) {
                cell = i0;
                lattice.rowValues(j0 * cols + i0, fy, left);
                lattice.rowValues(j0 * cols + i0 + 1, fy, right);
            }
            if (x < rect[0] - 0.5 || x > rect[2] - 0.5) {
                argb[row + x] = 0xFF000000;
                continue;
            }
            double fx = (double) x / LATTICE_STEP - i0;
            double ax = left[0] + fx * (right[0] - left[0]);
            double ay = left[1] + fx * (right[1] - left[1]);
            double bx = left[2] + fx * (right[2] - left[2]);
            double by = left[3] + fx * (right[3] - left[3]);
            double validA = left[4] + fx * (right[4] - left[4]);
            double validB = left[5] + fx * (right[5] - left[5]);
            double weightA = validA > 0 && source.covers(ax, ay)
                    ? (1 - t) * (CONFIDENCE_FLOOR + source.confidenceAt(ax, ay)) * validA : 0;
            double weightB = validB > 0 && target.covers(bx, by)
                    ? t * (CONFIDENCE_FLOOR + target.confidenceAt(bx, by)) * validB : 0;
            double total = weightA + weightB;
            if (total < 1e-9) {
                // neither image has a trustworthy pre-image (a fold, or the point comes from outside both): a plain
                // dissolve at the pixel itself, never a hole and never the smear of a diverged position
                ax = x;
                ay = y;
                bx = x;
                by = y;
                weightA = 1 - t;
                weightB = t;
                total = 1;
            }
            colour[0] = 0;
            colour[1] = 0;
            colour[2] = 0;
            if (weightA > 0) {
                source.addColour(ax, ay, weightA / total, colour);
            }
            if (weightB > 0) {
                target.addColour(bx, by, weightB / total, colour);
            }
            argb[row + x] = 0xFF000000 | channel(colour[0]) << 16 | channel(colour[1]) << 8 | channel(colour[2]);
        }
    }

    private static int channel(double value) {
        int v = (int) (value + 0.5);
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** [left, top, right, bottom) of the picture at time t: the placements' rectangles interpolated. */
    private double[] visibleRectangle(double t) {
        MorphCanvas.Placement a = canvas.source();
        MorphCanvas.Placement b = canvas.target();
        return new double[] {
            (1 - t) * a.x() + t * b.x(),
            (1 - t) * a.y() + t * b.y(),
            (1 - t) * (a.x() + a.width()) + t * (b.x() + b.width()),
            (1 - t) * (a.y() + a.height()) + t * (b.y() + b.height())};
    }

    private void drawPlaced(MorphSide side, int[] argb) {
        java.util.Arrays.fill(argb, 0, canvas.width() * canvas.height(), 0xFF000000);
        MorphCanvas.Placement p = side.placement;
        for (int row = 0; row < p.height(); row++) {
            int out = (p.y() + row) * canvas.width() + p.x();
            int in = row * p.width();
            for (int col = 0; col < p.width(); col++) {
                argb[out + col] = 0xFF000000 | side.rgb[in + col];
            }
        }
    }

    /**
     * Pre-images solved on the lattice: per node (ax, ay, bx, by) in canvas pixels and how far each side's answer
     * can be trusted (1 converged … 0 diverged). One per frame, so frames render concurrently.
     */
    private static final class Lattice {
        final int cols;
        final int rows;
        final float[] solution;
        final float[] validity;

        Lattice(int width, int height) {
            // nodes at 0, step, 2·step, … up to the first one at or beyond the last pixel
            this.cols = Math.max(2, (width - 1 + LATTICE_STEP - 1) / LATTICE_STEP + 1);
            this.rows = Math.max(2, (height - 1 + LATTICE_STEP - 1) / LATTICE_STEP + 1);
            this.solution = new float[cols * rows * 4];
            this.validity = new float[cols * rows * 2];
        }

        /** (ax, ay, bx, by, validA, validB) between node {@code node} and the one below it, at fraction fy. */
        void rowValues(int node, double fy, double[] out) {
            int below = node + cols;
            for (int k = 0; k < 4; k++) {
                out[k] = solution[4 * node + k] + fy * (solution[4 * below + k] - solution[4 * node + k]);
            }
            for (int k = 0; k < 2; k++) {
                out[4 + k] = validity[2 * node + k] + fy * (validity[2 * below + k] - validity[2 * node + k]);
            }
        }

        void solveRow(int row, double t, MorphSide source, MorphSide target) {
            double y = (double) row * LATTICE_STEP;
            double[] start = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            double[] d = new double[2];
            double[] pre = new double[2];
            for (int col = 0; col < cols; col++) {
                double x = (double) col * LATTICE_STEP;
                int node = row * cols + col;
                double residualA = solve(source, t, x, y, start, 0, d, pre);
                solution[4 * node] = (float) pre[0];
                solution[4 * node + 1] = (float) pre[1];
                double residualB = solve(target, 1 - t, x, y, start, 2, d, pre);
                solution[4 * node + 2] = (float) pre[0];
                solution[4 * node + 3] = (float) pre[1];
                validity[2 * node] = (float) trust(residualA);
                validity[2 * node + 1] = (float) trust(residualB);
            }
        }

        private static double trust(double residual) {
            if (residual < CONVERGED_PIXELS) {
                return 1;
            }
            double r = residual / RESIDUAL_SIGMA_PIXELS;
            return r > 4 ? 0 : Math.exp(-r * r);
        }

        /**
         * Solves p + s·D(p) = (x, y) into {@code pre} (the best iterate) and returns its residual in canvas pixels;
         * starts from the previous node's offset when that one converged (the flow is smooth, so a neighbour's
         * answer is close).
         */
        private static double solve(MorphSide side, double s, double x, double y, double[] start, int slot,
                                    double[] d, double[] pre) {
            double px;
            double py;
            if (Double.isNaN(start[slot])) {
                side.displacement(x, y, d);
                px = x - s * d[0];
                py = y - s * d[1];
            } else {
                px = x + start[slot];
                py = y + start[slot + 1];
            }
            double bestResidual = Double.POSITIVE_INFINITY;
            double bestX = px;
            double bestY = py;
            for (int k = 0; k <= MAX_ITERATIONS; k++) {
                side.displacement(px, py, d);
                double residual = Math.hypot(px + s * d[0] - x, py + s * d[1] - y);
                if (residual < bestResidual) {
                    bestResidual = residual;
                    bestX = px;
                    bestY = py;
                }
                if (residual < 1e-3 || k == MAX_ITERATIONS) {
                    break;
                }
                px = (1 - DAMPING) * px + DAMPING * (x - s * d[0]);
                py = (1 - DAMPING) * py + DAMPING * (y - s * d[1]);
            }
            pre[0] = bestX;
            pre[1] = bestY;
            if (bestResidual < CONVERGED_PIXELS) {
                start[slot] = bestX - x;
                start[slot + 1] = bestY - y;
            } else {
                start[slot] = Double.NaN;
            }
            return bestResidual;
        }
    }
}
