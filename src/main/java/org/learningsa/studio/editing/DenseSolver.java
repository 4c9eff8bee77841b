package org.learningsa.studio.editing;

/**
 * Solves the small dense linear systems of the point interpolants (N ≤ a few hundred points): Gaussian
 * elimination with partial pivoting, several right-hand sides at once. The thin-plate system is
 * symmetric but indefinite, so Cholesky does not apply to it.
 */
final class DenseSolver {

    /** A pivot this small relative to the matrix's largest entry means the points do not determine the map. */
    private static final double SINGULAR_RELATIVE_PIVOT = 1e-12;

    private DenseSolver() {
    }

    /**
     * Solves A·X = B in place of copies; A is n×n row-major, B is n×m row-major.
     *
     * @return X (n×m row-major), or null when A is singular (e.g. coinciding or collinear points)
     */
    static double[] solve(double[] a, double[] b, int n, int m) {
        double[] lu = a.clone();
        double[] x = b.clone();
        double scale = 0;
        for (double v : lu) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0) {
            return null;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(lu[row * n + col]) > Math.abs(lu[pivot * n + col])) {
                    pivot = row;
                }
            }
            if (Math.abs(lu[pivot * n + col]) <= SINGULAR_RELATIVE_PIVOT * scale) {
                return null;
            }
            if (pivot != col) {
                swapRows(lu, n, pivot, col);
                swapRows(x, m, pivot, col);
            }
            double diagonal = lu[col * n + col];
            for (int row = col + 1; row < n; row++) {
                double factor = lu[row * n + col] / diagonal;
                if (factor == 0) {
                    continue;
                }
                for (int k = col; k < n; k++) {
                    lu[row * n + k] -= factor * lu[col * n + k];
                }
                for (int k = 0; k < m; k++) {
                    x[row * m + k] -= factor * x[col * m + k];
                }
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            for (int k = 0; k < m; k++) {
                double sum = x[row * m + k];
                for (int j = row + 1; j < n; j++) {
                    sum -= lu[row * n + j] * x[j * m + k];
                }
                x[row * m + k] = sum / lu[row * n + row];
            }
        }
        return x;
    }

    private static void swapRows(double[] matrix, int width, int r1, int r2) {
        for (int k = 0; k < width; k++) {
            double t = matrix[r1 * width + k];
            matrix[r1 * width + k] = matrix[r2 * width + k];
            matrix[r2 * width + k] = t;
        }
    }
}
