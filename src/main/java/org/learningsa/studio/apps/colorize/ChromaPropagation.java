package org.learningsa.studio.apps.colorize;

import java.util.stream.IntStream;
import org.learningsa.studio.core.CancelToken;

/**
 * Chroma spread from where it is known to where it is not, along the input's own edges: the weighted
 * least-squares form of Levin, Lischinski &amp; Weiss (2004, "Colorization using optimization"),
 * <pre>  Σ_i w_i (x_i − d_i)² + λ Σ_(i,j) s_ij (x_i − x_j)² + ε Σ_i (x_i − m)²</pre>
 * over 4-neighbours, with s_ij = exp(−(L_i − L_j)²/2σ²) so colour flows freely inside a region of even
 * lightness and hardly across an edge. The data weight w is the confidence of the chroma read through the
 * correspondence (soft constraints rather than the paper's hard scribbles, because read-through chroma is
 * noisy). The tiny ε toward the confident mean m only makes the system definite where no confident pixel is
 * reachable at all.
 *
 * <p>Solved with Jacobi-preconditioned conjugate gradients, coarse to fine: each level starts from the
 * coarser level's solution, so the long-range spreading that plain iterations do slowly is done cheaply at
 * low resolution and the fine levels only correct details.
 */
final class ChromaPropagation {

    /**
     * λ: weight of smoothness against the data. On the 32 known-truth cases of {@link LightnessSnap#RADIUS}, with
     * σ = 4: mean ΔE_ab 4.42 at λ = 0.25, 4.43 at 1, 4.70 at 4.
     */
    static final double SMOOTHNESS = 1.0;
    /**
     * σ of the lightness difference across which colour still flows, in L units: mean ΔE_ab 4.11 at 2, 4.19 at
     * 2.5, 4.38 at 4, 4.66 at 8 on the same cases (smaller lets less colour bleed over edges).
     */
    static final double EDGE_SIGMA = 2.0;
    /** Floor of the edge weight: a region closed by strong edges still hears from its neighbours. */
    static final double MIN_EDGE_WEIGHT = 1e-3;
    /** ε of the prior toward the confident mean. */
    static final double PRIOR = 1e-5;
    /** Iterations at the finest level and at each coarser one (the coarsest runs to convergence). */
    static final int FINE_ITERATIONS = 40;
    static final int COARSE_ITERATIONS = 60;
    static final int COARSEST_SIDE = 24;

    private ChromaPropagation() {
    }

    /**
     * @param lightness the input's L on the grid (the guide)
     * @param weight    per pixel, how much its {@code data} is trusted, in [0, 1]
     * @param data      planes to propagate (a and b), each width × height
     * @return the propagated planes, same layout
     */
    static float[][] solve(float[] lightness, float[] weight, float[][] data, int width, int height, CancelToken cancel) {
        Level level = new Level(width, height, lightness, weight, data);
        return solve(level, cancel, true);
    }

    private static float[][] solve(Level level, CancelToken cancel, boolean finest) {
        cancel.throwIfCancelled();
        float[][] start;
        int iterations;
        if (Math.max(level.width, level.height) <= COARSEST_SIDE || level.width < 2 || level.height < 2) {
            start = new float[level.data.length][];
            for (int c = 0; c < start.length; c++) {
                start[c] = new float[level.size()];
                java.util.Arrays.fill(start[c], (float) level.mean[c]);
            }
            iterations = 4 * level.size();
        } else {
            float[][] coarse = solve(level.coarser(), cancel, false);
            start = new float[coarse.length][];
            for (int c = 0; c < coarse.length; c++) {
                start[c] = upsample(coarse[c], (level.width + 1) / 2, (level.height + 1) / 2, level.width, level.height);
            }
            iterations = finest ? FINE_ITERATIONS : COARSE_ITERATIONS;
        }
        cancel.throwIfCancelled();
        // a and b share the matrix but not the right-hand side: solved side by side
        int steps = iterations;
        float[][] solution = start;
        IntStream.range(0, start.length).parallel().forEach(c -> level.conjugateGradients(c, solution[c], steps));
        return start;
    }

    /** Nearest-cell-centre bilinear upsampling by two (the coarse cell (i, j) covers fine 2i..2i+1). */
    private static float[] upsample(float[] coarse, int cw, int ch, int width, int height) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            double cy = Math.max(0, Math.min(ch - 1, (y - 0.5) / 2));
            int y0 = Math.min(ch - 1, (int) cy);
            int y1 = Math.min(ch - 1, y0 + 1);
            double ty = cy - y0;
            for (int x = 0; x < width; x++) {
                double cx = Math.max(0, Math.min(cw - 1, (x - 0.5) / 2));
                int x0 = Math.min(cw - 1, (int) cx);
                int x1 = Math.min(cw - 1, x0 + 1);
                double tx = cx - x0;
                double top = coarse[y0 * cw + x0] + tx * (coarse[y0 * cw + x1] - coarse[y0 * cw + x0]);
                double bottom = coarse[y1 * cw + x0] + tx * (coarse[y1 * cw + x1] - coarse[y1 * cw + x0]);
                out[y * width + x] = (float) (top + ty * (bottom - top));
            }
        }
        return out;
    }

    /** One pyramid level: the system's coefficients at that resolution. */
    private static final class Level {
        final int width;
        final int height;
        final float[] lightness;
        final float[] weight;
        final float[][] data;
        /** Edge weights to the right and downward neighbour (0 past the border). */
        final float[] right;
        final float[] down;
        final double[] mean;

        Level(int width, int height, float[] lightness, float[] weight, float[][] data) {
            this.width = width;
            this.height = height;
            this.lightness = lightness;
            this.weight = weight;
            this.data = data;
            int n = width * height;
            right = new float[n];
            down = new float[n];
            double inverse = 1 / (2 * EDGE_SIGMA * EDGE_SIGMA);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    if (x + 1 < width) {
                        right[i] = edge(lightness[i] - lightness[i + 1], inverse);
                    }
                    if (y + 1 < height) {
                        down[i] = edge(lightness[i] - lightness[i + width], inverse);
                    }
                }
            }
            mean = new double[data.length];
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += weight[i];
            }
            for (int c = 0; c < data.length; c++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += weight[i] * data[c][i];
                }
                mean[c] = total > 0 ? sum / total : 0;
            }
        }

        private static float edge(double difference, double inverse) {
            return (float) Math.max(MIN_EDGE_WEIGHT, Math.exp(-difference * difference * inverse));
        }

        int size() {
            return width * height;
        }

        /** Half the resolution: mean lightness, mean weight, weight-averaged data. */
        Level coarser() {
            int cw = (width + 1) / 2;
            int ch = (height + 1) / 2;
            float[] l = new float[cw * ch];
            float[] w = new float[cw * ch];
            float[][] d = new float[data.length][cw * ch];
            for (int cy = 0; cy < ch; cy++) {
                for (int cx = 0; cx < cw; cx++) {
                    int o = cy * cw + cx;
                    int count = 0;
                    double sumL = 0;
                    double sumW = 0;
                    double[] sumD = new double[data.length];
                    for (int y = 2 * cy; y < Math.min(height, 2 * cy + 2); y++) {
                        for (int x = 2 * cx; x < Math.min(width, 2 * cx + 2); x++) {
                            int i = y * width + x;
                            count++;
                            sumL += lightness[i];
                            sumW += weight[i];
                            for (int c = 0; c < data.length; c++) {
                                sumD[c] += weight[i] * data[c][i];
                            }
                        }
                    }
                    l[o] = (float) (sumL / count);
                    w[o] = (float) (sumW / count);
                    for (int c = 0; c < data.length; c++) {
                        d[c][o] = sumW > 0 ? (float) (sumD[c] / sumW) : 0f;
                    }
                }
            }
            return new Level(cw, ch, l, w, d);
        }

        /** Improves {@code x} (in place) toward the solution for channel {@code c}. */
        void conjugateGradients(int c, float[] x, int iterations) {
            int n = size();
            double[] diagonal = new double[n];
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                double neighbours = right[i] + down[i] + (i % width > 0 ? right[i - 1] : 0) + (i >= width ? down[i - width] : 0);
                diagonal[i] = weight[i] + PRIOR + SMOOTHNESS * neighbours;
                rhs[i] = weight[i] * data[c][i] + PRIOR * mean[c];
            }
            double[] residual = new double[n];
            double[] product = new double[n];
            multiply(x, product);
            for (int i = 0; i < n; i++) {
                residual[i] = rhs[i] - product[i];
            }
            double[] preconditioned = new double[n];
            double[] direction = new double[n];
            double rho = 0;
            for (int i = 0; i < n; i++) {
                preconditioned[i] = residual[i] / diagonal[i];
                direction[i] = preconditioned[i];
                rho += residual[i] * preconditioned[i];
            }
            double[] xs = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x[i];
            }
            for (int iteration = 0; iteration < iterations && rho > 1e-10 * n; iteration++) {
                multiply(direction, product);
                double curvature = 0;
                for (int i = 0; i < n; i++) {
                    curvature += direction[i] * product[i];
                }
                double step = rho / curvature;
                double next = 0;
                for (int i = 0; i < n; i++) {
                    xs[i] += step * direction[i];
                    residual[i] -= step * product[i];
                    preconditioned[i] = residual[i] / diagonal[i];
                    next += residual[i] * preconditioned[i];
                }
                double beta = next / rho;
                rho = next;
                for (int i = 0; i < n; i++) {
                    direction[i] = preconditioned[i] + beta * direction[i];
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = (float) xs[i];
            }
        }

        private void multiply(float[] x, double[] out) {
            double[] copy = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                copy[i] = x[i];
            }
            multiply(copy, out);
        }

        /** out = A·x with A = diag(w + ε) + λ·(graph Laplacian of the edge weights). */
        private void multiply(double[] x, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (weight[i] + PRIOR) * x[i];
            }
            for (int y = 0; y < height; y++) {
                for (int xPos = 0; xPos < width; xPos++) {
                    int i = y * width + xPos;
                    if (xPos + 1 < width) {
                        double flow = SMOOTHNESS * right[i] * (x[i] - x[i + 1]);
                        out[i] += flow;
                        out[i + 1] -= flow;
                    }
                    if (y + 1 < height) {
                        double flow = SMOOTHNESS * down[i] * (x[i] - x[i + width]);
                        out[i] += flow;
                        out[i + width] -= flow;
                    }
                }
            }
        }
    }
}
