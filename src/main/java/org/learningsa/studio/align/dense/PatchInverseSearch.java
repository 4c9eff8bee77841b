package org.learningsa.studio.align.dense;

import org.learningsa.studio.core.CancelToken;

/**
 * One pyramid level of the refinement, after DIS (Kroeger et al. 2016): for a grid of small overlapping patches of
 * the source, the best of a few candidate displacements (the previous level's, the coarse prior's, the neighbours'
 * in two sweeps: PatchMatch-style propagation) chosen by zero-mean normalised cross-correlation, then refined
 * by inverse-compositional Lucas–Kanade on the mean-removed patch (structure, not raw
 * brightness). The patches' displacements are then spread to every pixel, each pixel trusting most the patches
 * that explain its own grey level and whose centre looks like it (edge-aware densification), so the flow's
 * discontinuities follow the image's edges.
 */
final class PatchInverseSearch {

    /** The knobs of one level. */
    record Settings(int patchSize, int stride, int iterations) {
    }

    /** Below this standard deviation (grey levels) a patch carries no structure: it keeps its initial flow. */
    private static final float FLAT_PATCH_STD = 1.5f;
    /** σ of the colour-similarity weight of the densification, in grey levels. */
    private static final float SIMILARITY_SIGMA = 20f;
    /** LK stops when an update is smaller than this (pixels). */
    private static final float CONVERGED = 0.01f;

    private final Plane source;
    private final Plane sourceDx;
    private final Plane sourceDy;
    private final Plane target;
    private final Settings settings;

    PatchInverseSearch(Plane source, Plane sourceDx, Plane sourceDy, Plane target, Settings settings) {
        this.source = source;
        this.sourceDx = sourceDx;
        this.sourceDy = sourceDy;
        this.target = target;
        this.settings = settings;
    }

    /** The dense flow of this level, starting from {@code initial}, with {@code prior}'s displacement a candidate. */
    FlowField run(FlowField initial, FlowField prior, CancelToken cancel) {
        int size = settings.patchSize();
        if (source.width < size || source.height < size) {
            return initial;
        }
        int[] xs = starts(source.width, size, settings.stride());
        int[] ys = starts(source.height, size, settings.stride());
        int columns = xs.length;
        int rows = ys.length;
        float[] patchDx = new float[rows * columns];
        float[] patchDy = new float[rows * columns];
        float[] meanShift = new float[rows * columns];
        boolean[] flat = new boolean[rows * columns];
        float[] patchCost = new float[rows * columns];
        Patch patch = new Patch(size);
        for (int row = 0; row < rows; row++) {
            cancel.throwIfCancelled();
            for (int column = 0; column < columns; column++) {
                int index = row * columns + column;
                int px = xs[column];
                int py = ys[row];
                float centreX = px + (size - 1) / 2f;
                float centreY = py + (size - 1) / 2f;
                patchDx[index] = initial.sampleX(centreX, centreY);
                patchDy[index] = initial.sampleY(centreX, centreY);
                if (!patch.loadTemplate(px, py)) {
                    flat[index] = true;
                    continue;
                }
                float priorDx = prior.sampleX(centreX, centreY);
                float priorDy = prior.sampleY(centreX, centreY);
                patchCost[index] = Float.MAX_VALUE;
                // candidates: this level's start, the prior, the left and upper neighbours' answers
                consider(patch, index, px, py, patchDx[index], patchDy[index], patchDx, patchDy, patchCost);
                consider(patch, index, px, py, priorDx, priorDy, patchDx, patchDy, patchCost);
                if (column > 0 && !flat[index - 1]) {
                    consider(patch, index, px, py, patchDx[index - 1], patchDy[index - 1], patchDx, patchDy,
                            patchCost);
                }
                if (row > 0 && !flat[index - columns]) {
                    consider(patch, index, px, py, patchDx[index - columns], patchDy[index - columns], patchDx,
                            patchDy, patchCost);
                }
                refine(patch, index, px, py, patchDx, patchDy, patchCost);
            }
        }
        // PatchMatch's second sweep: the right and lower neighbours' answers travel back up and left
        for (int row = rows - 1; row >= 0; row--) {
            cancel.throwIfCancelled();
            for (int column = columns - 1; column >= 0; column--) {
                int index = row * columns + column;
                if (flat[index]) {
                    continue;
                }
                int px = xs[column];
                int py = ys[row];
                patch.loadTemplate(px, py);
                boolean changed = false;
                if (column < columns - 1 && !flat[index + 1]) {
                    changed |= consider(patch, index, px, py, patchDx[index + 1], patchDy[index + 1], patchDx,
                            patchDy, patchCost);
                }
                if (row < rows - 1 && !flat[index + columns]) {
                    changed |= consider(patch, index, px, py, patchDx[index + columns],
                            patchDy[index + columns], patchDx, patchDy, patchCost);
                }
                if (changed) {
                    refine(patch, index, px, py, patchDx, patchDy, patchCost);
                }
            }
        }
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int index = row * columns + column;
                if (!flat[index]) {
                    patch.loadTemplate(xs[column], ys[row]);
                    meanShift[index] = patch.meanShift(xs[column] + patchDx[index], ys[row] + patchDy[index]);
                }
            }
        }
        return densify(initial, xs, ys, patchDx, patchDy, meanShift, flat);
    }

    /** Takes (dx, dy) for the patch when it correlates better than the patch's current one; true if so. */
    private boolean consider(Patch patch, int index, int px, int py, float dx, float dy, float[] patchDx,
                             float[] patchDy, float[] patchCost) {
        float cost = 1 - patch.correlation(px + dx, py + dy);
        if (cost < patchCost[index]) {
            patchCost[index] = cost;
            patchDx[index] = dx;
            patchDy[index] = dy;
            return true;
        }
        return false;
    }

    /** Lucas–Kanade from the patch's current displacement, kept when it raises the correlation. */
    private void refine(Patch patch, int index, int px, int py, float[] patchDx, float[] patchDy,
                        float[] patchCost) {
        float[] refined = patch.lucasKanade(px, py, patchDx[index], patchDy[index], settings.iterations());
        consider(patch, index, px, py, refined[0], refined[1], patchDx, patchDy, patchCost);
    }

    /**
     * Every pixel's flow as the weighted mean of the patches covering it: weight 1 / max(1, |residual|) for the
     * patch's grey-level residual at that pixel (DIS) times the similarity of the pixel to the patch's centre.
     * Flat patches weigh little so textured neighbours decide.
     */
    private FlowField densify(FlowField initial, int[] xs, int[] ys, float[] patchDx, float[] patchDy,
                              float[] meanShift, boolean[] flat) {
        int w = source.width;
        int h = source.height;
        int size = settings.patchSize();
        float[] sumDx = new float[w * h];
        float[] sumDy = new float[w * h];
        float[] sumWeight = new float[w * h];
        float[] a = source.values;
        float twoSigma2 = 2 * SIMILARITY_SIGMA * SIMILARITY_SIGMA;
        for (int row = 0; row < ys.length; row++) {
            for (int column = 0; column < xs.length; column++) {
                int index = row * xs.length + column;
                int px = xs[column];
                int py = ys[row];
                float fdx = patchDx[index];
                float fdy = patchDy[index];
                float shift = meanShift[index];
                float centre = source.sample(px + (size - 1) / 2f, py + (size - 1) / 2f);
                float base = flat[index] ? 0.05f : 1f;
                for (int y = py; y < py + size; y++) {
                    for (int x = px; x < px + size; x++) {
                        int i = y * w + x;
                        float residual = Math.abs(target.sample(x + fdx, y + fdy) - a[i] - shift);
                        float difference = a[i] - centre;
                        float weight = base / Math.max(1f, residual)
                                * (float) Math.exp(-difference * difference / twoSigma2);
                        sumDx[i] += weight * fdx;
                        sumDy[i] += weight * fdy;
                        sumWeight[i] += weight;
                    }
                }
            }
        }
        FlowField dense = new FlowField(w, h);
        for (int i = 0; i < w * h; i++) {
            if (sumWeight[i] > 0) {
                dense.dx[i] = sumDx[i] / sumWeight[i];
                dense.dy[i] = sumDy[i] / sumWeight[i];
            } else {
                dense.dx[i] = initial.dx[i];
                dense.dy[i] = initial.dy[i];
            }
        }
        return dense;
    }

    /** Patch corners every {@code stride} pixels, the last one flush with the edge so every pixel is covered. */
    private static int[] starts(int length, int size, int stride) {
        int count = (length - size) / stride + 1;
        boolean extra = (count - 1) * stride != length - size;
        int[] starts = new int[count + (extra ? 1 : 0)];
        for (int i = 0; i < count; i++) {
            starts[i] = i * stride;
        }
        if (extra) {
            starts[count] = length - size;
        }
        return starts;
    }

    /** One source patch, mean removed, with what inverse-compositional LK needs precomputed. */
    private final class Patch {
        private final int size;
        private final int n;
        private final float[] template;
        private final float[] gx;
        private final float[] gy;
        private final float[] warped;
        private float templateMean;
        private float templateNorm;
        private float h11;
        private float h12;
        private float h22;

        Patch(int size) {
            this.size = size;
            this.n = size * size;
            template = new float[n];
            gx = new float[n];
            gy = new float[n];
            warped = new float[n];
        }

        /** Loads the patch at (px, py); false when it is too flat to say anything. */
        boolean loadTemplate(int px, int py) {
            float sum = 0;
            for (int y = 0, k = 0; y < size; y++) {
                int row = (py + y) * source.width + px;
                for (int x = 0; x < size; x++, k++) {
                    template[k] = source.values[row + x];
                    gx[k] = sourceDx.values[row + x];
                    gy[k] = sourceDy.values[row + x];
                    sum += template[k];
                }
            }
            templateMean = sum / n;
            float norm = 0;
            h11 = 0;
            h12 = 0;
            h22 = 0;
            for (int k = 0; k < n; k++) {
                template[k] -= templateMean;
                norm += template[k] * template[k];
                h11 += gx[k] * gx[k];
                h12 += gx[k] * gy[k];
                h22 += gy[k] * gy[k];
            }
            templateNorm = (float) Math.sqrt(norm);
            return norm / n >= FLAT_PATCH_STD * FLAT_PATCH_STD;
        }

        /** Samples the target patch at top-left (x, y), mean removed; returns its mean. */
        private float loadWarped(float x, float y) {
            float sum = 0;
            for (int j = 0, k = 0; j < size; j++) {
                for (int i = 0; i < size; i++, k++) {
                    warped[k] = target.sample(x + i, y + j);
                    sum += warped[k];
                }
            }
            float mean = sum / n;
            for (int k = 0; k < n; k++) {
                warped[k] -= mean;
            }
            return mean;
        }

        /** Zero-mean normalised cross-correlation with the target patch at top-left (x, y), in [−1, 1]. */
        float correlation(float x, float y) {
            loadWarped(x, y);
            float dot = 0;
            float norm = 0;
            for (int k = 0; k < n; k++) {
                dot += template[k] * warped[k];
                norm += warped[k] * warped[k];
            }
            if (norm <= 1e-6f) {
                return 0;
            }
            return dot / (templateNorm * (float) Math.sqrt(norm));
        }

        /** Target mean minus template mean at the final displacement (the brightness offset zero-mean ignores). */
        float meanShift(float x, float y) {
            return loadWarped(x, y) - templateMean;
        }

        /** Inverse-compositional LK on the zero-mean patch from (dx, dy); returns the refined displacement. */
        float[] lucasKanade(int px, int py, float dx, float dy, int iterations) {
            float det = h11 * h22 - h12 * h12;
            float trace = h11 + h22;
            if (det <= 1e-6f * trace * trace || trace <= 1e-6f) {
                return new float[] {dx, dy}; // an edge or less: no 2-D update is determined
            }
            float startDx = dx;
            float startDy = dy;
            float limit = 2f * size;
            for (int it = 0; it < iterations; it++) {
                loadWarped(px + dx, py + dy);
                float b1 = 0;
                float b2 = 0;
                for (int k = 0; k < n; k++) {
                    float e = warped[k] - template[k];
                    b1 += gx[k] * e;
                    b2 += gy[k] * e;
                }
                float ux = (h22 * b1 - h12 * b2) / det;
                float uy = (h11 * b2 - h12 * b1) / det;
                dx -= ux;
                dy -= uy;
                if (Math.abs(dx - startDx) > limit || Math.abs(dy - startDy) > limit) {
                    return new float[] {startDx, startDy}; // diverging: keep the start
                }
                if (ux * ux + uy * uy < CONVERGED * CONVERGED) {
                    break;
                }
            }
            return new float[] {dx, dy};
        }
    }
}
