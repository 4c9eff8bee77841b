package org.learningsa.studio.align;

import java.util.List;
import org.learningsa.studio.align.GradientDescriptors.LevelDescriptors;

/**
 * Sub-cell refinement of a 20×20 correspondence grid for the default aligner. The soft-argmax readout
 * places a match among whole cells (16 canvas pixels, 1/18 of the image); hand-crafted descriptors are
 * cheap to evaluate densely, so each match is moved to the best-scoring position of the dense descriptor
 * lattice (4-pixel steps) within two cells of the soft-argmax estimate, then to the vertex of a parabola
 * through the neighbouring scores. Only the descriptors are used; nothing else is known about the pair.
 */
final class SubCellRefinement {

    /** Search window around the soft-argmax estimate: ±2 cells = ±8 lattice steps (±1 cell loses ~1 % PCK). */
    static final int SEARCH_STEPS = 8;
    private static final int CELLS = ExactMapping.CELLS;
    private static final int CELL_COUNT = CELLS * CELLS;
    private static final int LATTICE = GradientDescriptors.LATTICE;
    /** Lattice indices whose positions lie between the centres of the first and last cell (7.5 … 311.5). */
    private static final int LATTICE_MIN = 1;
    private static final int LATTICE_MAX = LATTICE - 3;

    private final List<LevelDescriptors> from;
    private final List<LevelDescriptors> to;
    private final float[][] toLatticeInverseNorms;

    /**
     * @param from descriptors of the image whose cells are queried (centred)
     * @param to   descriptors of the image searched (centred)
     */
    SubCellRefinement(List<LevelDescriptors> from, List<LevelDescriptors> to) {
        this.from = from;
        this.to = to;
        this.toLatticeInverseNorms = new float[to.size()][];
        for (int level = 0; level < to.size(); level++) {
            LevelDescriptors d = to.get(level);
            float[] inverse = new float[LATTICE * LATTICE];
            for (int k = 0; k < inverse.length; k++) {
                double sum = 0;
                for (int c = 0; c < d.channels(); c++) {
                    float v = d.lattice()[k * d.channels() + c];
                    sum += v * v;
                }
                inverse[k] = (float) (1.0 / Math.sqrt(sum + 1e-6));
            }
            toLatticeInverseNorms[level] = inverse;
        }
    }

    /**
     * Refines a grid (20×20×2 normalised, read at the "from" image).
     *
     * @param levelWeights     per level, 400 weights on the cells of the target image (a_L(t))
     * @param weightsAtQuery   true when the query cells are the target cells (T2S), false when the weights
     *                         are read at the cell of the estimate (S2T)
     * @param onlyLevel        −1 for the fused readout, else the level index whose descriptors alone are used
     */
    float[] refine(float[] grid, float[] levelWeights, boolean weightsAtQuery, int onlyLevel) {
        float[] refined = grid.clone();
        int levels = from.size();
        float[][] query = new float[levels][];
        double[] weights = new double[levels];
        double[][] scores = new double[2 * SEARCH_STEPS + 1][2 * SEARCH_STEPS + 1];
        for (int cell = 0; cell < CELL_COUNT; cell++) {
            double px = ExactMapping.canvasFromCell(ExactMapping.cellFromNormalised(grid[cell * 2]));
            double py = ExactMapping.canvasFromCell(ExactMapping.cellFromNormalised(grid[cell * 2 + 1]));
            int kx0 = clampLattice((int) Math.round(latticeIndex(px)));
            int ky0 = clampLattice((int) Math.round(latticeIndex(py)));
            int weightCell = weightsAtQuery ? cell : nearestCell(px, py);
            for (int level = 0; level < levels; level++) {
                boolean used = onlyLevel < 0 || onlyLevel == level;
                weights[level] = !used ? 0 : onlyLevel >= 0 ? 1 : levelWeights[level * CELL_COUNT + weightCell];
                query[level] = used ? normalisedColumn(from.get(level), cell) : null;
            }
            int bestX = kx0;
            int bestY = ky0;
            double best = Double.NEGATIVE_INFINITY;
            for (int dy = -SEARCH_STEPS; dy <= SEARCH_STEPS; dy++) {
                for (int dx = -SEARCH_STEPS; dx <= SEARCH_STEPS; dx++) {
                    int kx = kx0 + dx;
                    int ky = ky0 + dy;
                    double score = Double.NEGATIVE_INFINITY;
                    if (kx >= LATTICE_MIN && kx <= LATTICE_MAX && ky >= LATTICE_MIN && ky <= LATTICE_MAX) {
                        score = score(query, weights, ky * LATTICE + kx);
                    }
                    scores[dy + SEARCH_STEPS][dx + SEARCH_STEPS] = score;
                    if (score > best) {
                        best = score;
                        bestX = kx;
                        bestY = ky;
                    }
                }
            }
            int ix = bestX - kx0 + SEARCH_STEPS;
            int iy = bestY - ky0 + SEARCH_STEPS;
            double x = LevelDescriptors.latticePosition(bestX) + GradientDescriptors.LATTICE_STEP
                    * parabolaOffset(ix > 0 ? scores[iy][ix - 1] : Double.NEGATIVE_INFINITY, best,
                    ix < 2 * SEARCH_STEPS ? scores[iy][ix + 1] : Double.NEGATIVE_INFINITY);
            double y = LevelDescriptors.latticePosition(bestY) + GradientDescriptors.LATTICE_STEP
                    * parabolaOffset(iy > 0 ? scores[iy - 1][ix] : Double.NEGATIVE_INFINITY, best,
                    iy < 2 * SEARCH_STEPS ? scores[iy + 1][ix] : Double.NEGATIVE_INFINITY);
            refined[cell * 2] = (float) ExactMapping.normalisedFromCell(ExactMapping.cellFromCanvas(x));
            refined[cell * 2 + 1] = (float) ExactMapping.normalisedFromCell(ExactMapping.cellFromCanvas(y));
        }
        return refined;
    }

    private double score(float[][] query, double[] weights, int latticeIndex) {
        double total = 0;
        for (int level = 0; level < query.length; level++) {
            if (weights[level] == 0) {
                continue;
            }
            LevelDescriptors d = to.get(level);
            int channels = d.channels();
            float[] lattice = d.lattice();
            float[] q = query[level];
            int base = latticeIndex * channels;
            double dot = 0;
            for (int c = 0; c < channels; c++) {
                dot += q[c] * lattice[base + c];
            }
            total += weights[level] * dot * toLatticeInverseNorms[level][latticeIndex];
        }
        return total;
    }

    /** The vertex of the parabola through (−1, left), (0, centre), (1, right), within ±0.5. */
    static double parabolaOffset(double left, double centre, double right) {
        if (Double.isInfinite(left) || Double.isInfinite(right)) {
            return 0;
        }
        double curvature = left - 2 * centre + right;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }

    private static float[] normalisedColumn(LevelDescriptors d, int cell) {
        float[] column = new float[d.channels()];
        double sum = 0;
        for (int c = 0; c < column.length; c++) {
            column[c] = d.cells()[c * CELL_COUNT + cell];
            sum += column[c] * column[c];
        }
        float inverse = (float) (1.0 / Math.sqrt(sum + 1e-6));
        for (int c = 0; c < column.length; c++) {
            column[c] *= inverse;
        }
        return column;
    }

    private static double latticeIndex(double canvas) {
        return (canvas - (GradientDescriptors.LATTICE_STEP - 0.5)) / GradientDescriptors.LATTICE_STEP;
    }

    private static int clampLattice(int k) {
        return Math.max(LATTICE_MIN, Math.min(LATTICE_MAX, k));
    }

    private static int nearestCell(double canvasX, double canvasY) {
        int col = (int) Math.max(0, Math.min(CELLS - 1, Math.round(ExactMapping.cellFromCanvas(canvasX))));
        int row = (int) Math.max(0, Math.min(CELLS - 1, Math.round(ExactMapping.cellFromCanvas(canvasY))));
        return row * CELLS + col;
    }
}
