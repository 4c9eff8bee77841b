package org.learningsa.studio.editing;

import java.util.List;
import org.learningsa.studio.align.PixelPoint;

/**
 * The thin-plate spline through N ≥ 3 point pairs: f(p) = a₀ + a₁x + a₂y + Σ wᵢ U(|p − pᵢ|), U(r) = r² log r,
 * with Σ wᵢ = Σ wᵢxᵢ = Σ wᵢyᵢ = 0. It is exact at the points, reproduces any affine map exactly (then all
 * wᵢ are 0), and away from the points follows its affine part: the global "trust my points" map.
 * Coordinates are divided by {@code scale} (the image's longer side) so the (N+3)² system is well conditioned.
 */
final class ThinPlateSpline implements PointInterpolant {

    private final double[] centreX;
    private final double[] centreY;
    /** (N + 3) × 2: the N kernel weights, then a₀, a₁, a₂, for the x and y outputs. */
    private final double[] coefficients;
    private final double scale;

    private ThinPlateSpline(double[] centreX, double[] centreY, double[] coefficients, double scale) {
        this.centreX = centreX;
        this.centreY = centreY;
        this.coefficients = coefficients;
        this.scale = scale;
    }

    /** @return the spline, or null when the points do not determine one (fewer than 3, or all on one line) */
    static ThinPlateSpline fit(List<PixelPoint> from, List<PixelPoint> to, double scale) {
        int n = from.size();
        if (n < 3) {
            return null;
        }
        double[] cx = new double[n];
        double[] cy = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = from.get(i).x() / scale;
            cy[i] = from.get(i).y() / scale;
        }
        int size = n + 3;
        double[] system = new double[size * size];
        double[] rhs = new double[size * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                system[i * size + j] = kernel(cx[i] - cx[j], cy[i] - cy[j]);
            }
            system[i * size + n] = 1;
            system[i * size + n + 1] = cx[i];
            system[i * size + n + 2] = cy[i];
            system[n * size + i] = 1;
            system[(n + 1) * size + i] = cx[i];
            system[(n + 2) * size + i] = cy[i];
            rhs[i * 2] = to.get(i).x() / scale;
            rhs[i * 2 + 1] = to.get(i).y() / scale;
        }
        double[] solved = DenseSolver.solve(system, rhs, size, 2);
        return solved == null ? null : new ThinPlateSpline(cx, cy, solved, scale);
    }

    @Override
    public double[] at(double x, double y) {
        double u = x / scale;
        double v = y / scale;
        int n = centreX.length;
        double sumX = coefficients[n * 2] + coefficients[(n + 1) * 2] * u + coefficients[(n + 2) * 2] * v;
        double sumY = coefficients[n * 2 + 1] + coefficients[(n + 1) * 2 + 1] * u + coefficients[(n + 2) * 2 + 1] * v;
        for (int i = 0; i < n; i++) {
            // one kernel value (a logarithm, the cost of a dense query) serves both outputs
            double k = kernel(u - centreX[i], v - centreY[i]);
            sumX += coefficients[i * 2] * k;
            sumY += coefficients[i * 2 + 1] * k;
        }
        return new double[] {sumX * scale, sumY * scale};
    }

    private static double kernel(double dx, double dy) {
        double squared = dx * dx + dy * dy;
        // r² log r = ½ r² log r²; 0 at r = 0 (its limit)
        return squared == 0 ? 0 : 0.5 * squared * Math.log(squared);
    }
}
