package org.learningsa.studio.editing;

import java.util.List;
import org.learningsa.studio.align.PixelPoint;

/**
 * A residual field that is exact at its centres and exactly zero farther than {@code radius} from all of
 * them: radial basis interpolation with Wendland's compactly supported C² function
 * φ(r) = (1 − r/ρ)⁴ (4 r/ρ + 1) for r < ρ, 0 beyond. φ is positive definite in the plane, so the N×N
 * system has one solution for distinct centres whatever their layout, and the field is smooth (C²) and
 * local: a point the user corrects moves the map only within ρ of itself.
 */
final class WendlandResidualField implements PointInterpolant {

    private final double[] centreX;
    private final double[] centreY;
    private final double[] weights;
    private final double radius;

    /**
     * @param centres distinct points (see {@link CorrectedCorrespondence}: later points replace earlier ones at the same place)
     * @param values  the residual (dx, dy) wanted at each centre
     */
    WendlandResidualField(List<PixelPoint> centres, List<double[]> values, double radius) {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("radius must be positive: " + radius);
        }
        int n = centres.size();
        this.radius = radius;
        centreX = new double[n];
        centreY = new double[n];
        for (int i = 0; i < n; i++) {
            centreX[i] = centres.get(i).x();
            centreY[i] = centres.get(i).y();
        }
        double[] kernel = new double[n * n];
        double[] rhs = new double[n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kernel[i * n + j] = phiAt(centreX[i] - centreX[j], centreY[i] - centreY[j]);
            }
            rhs[i * 2] = values.get(i)[0];
            rhs[i * 2 + 1] = values.get(i)[1];
        }
        double[] solved = n == 0 ? new double[0] : DenseSolver.solve(kernel, rhs, n, 2);
        if (solved == null) {
            // cannot happen for distinct centres (φ is strictly positive definite); guard against a caller bug
            throw new IllegalStateException("the Wendland system is singular: centres are not distinct");
        }
        weights = solved;
    }

    @Override
    public double[] at(double x, double y) {
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < centreX.length; i++) {
            double w = phiAt(x - centreX[i], y - centreY[i]);
            if (w != 0) {
                dx += weights[i * 2] * w;
                dy += weights[i * 2 + 1] * w;
            }
        }
        return new double[] {dx, dy};
    }

    /** How strongly the nearest centre acts here: 1 at a centre, falling to 0 at the radius. */
    double support(double x, double y) {
        double best = 0;
        for (int i = 0; i < centreX.length; i++) {
            best = Math.max(best, phiAt(x - centreX[i], y - centreY[i]));
        }
        return best;
    }

    /**
     * φ at offset (dx, dy); centres beyond the radius are rejected on the squared distance, without a square
     * root: a dense consumer (a morph reads every pixel) visits every centre per pixel, and most lie beyond.
     */
    private double phiAt(double dx, double dy) {
        double squared = dx * dx + dy * dy;
        return squared >= radius * radius ? 0 : phi(Math.sqrt(squared));
    }

    double radius() {
        return radius;
    }

    private double phi(double distance) {
        double r = distance / radius;
        if (r >= 1) {
            return 0;
        }
        double oneMinus = 1 - r;
        double squared = oneMinus * oneMinus;
        return squared * squared * (4 * r + 1);
    }
}
