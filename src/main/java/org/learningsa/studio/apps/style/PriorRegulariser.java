package org.learningsa.studio.apps.style;

/**
 * Makes the correspondence prior precise enough for the patches to follow it to the pixel: every sample is
 * replaced by a robust, confidence-weighted local affine fit of the displacements around it (local
 * regression over a window of {@link #RADIUS_FRACTION} of the grid's longer side, reweighted three times
 * with Tukey's biweight (its constant halved each time) so a wrong match does not pull its neighbours).
 *
 * <p>Why: a dense map read between a photo and a painting of it is right on average but noisy to a pixel or
 * two (its matches compare photo patches with painted ones), and the painted strokes are hard-edged, so a
 * pixel of error costs several dB. Measured on known-truth cases (the painterly filters of the samples moved
 * by an affine map, read through the default aligner and the dense refinement), the fit brought the
 * prior's mean end-point error from 1.7–2.8 px to 0.8–1.3 px on ImageMagick {@code -paint}, and from about
 * 1.1 to 0.4–0.5 px on {@code -kuwahara}; what remains on {@code -paint} is mostly the filter's own shift
 * of the content (0.5–0.75 px, measured against the unmoved photo). The fit also fills samples of low
 * confidence from the confident ones within the window and raises their confidence to the window's support.
 * A map that is locally affine comes through unchanged; a non-rigid semantic map is smoothed at a quarter of
 * the window's scale, coarser than the network's 20×20 grid resolves anyway.
 */
final class PriorRegulariser {

    /** Half the window's side as a fraction of the grid's longer side: 32 samples on a 256 grid. */
    static final double RADIUS_FRACTION = 0.125;
    /**
     * Tukey's constant as a fraction of the exemplar's longer side (3 pixels at 256), never under 2 pixels:
     * a match further than this from the local fit has no say in it.
     */
    static final double TUKEY_FRACTION = 0.012;
    private static final int REWEIGHTINGS = 3;
    /**
     * A match this sure (a user's point, or a map known exactly) is kept where the fit departs from it and
     * is not moved by the alignment. Not lower: the dense map's round-trip confidence is high on some wrong
     * matches, and keeping those from 0.95 up raised the mean error on the known-truth cases by 0.05–0.1 px.
     */
    private static final float CERTAIN = 0.999f;
    /**
     * The mean squared correlation of the aligned windows (correlation about 0.7) from which the images are
     * taken to agree fully: the prior then moves all the way to the aligned fit.
     */
    static final float FULL_AGREEMENT = 0.5f;
    /** Below this support (weight per sample in the window) the fit is not trusted and the sample stays. */
    private static final double MIN_SUPPORT = 0.02;
    /** Ridge on the slopes, relative to the window's second moment: keeps a one-sided window from tilting. */
    private static final double RIDGE = 1e-3;

    private PriorRegulariser() {
    }

    /**
     * The prior moved to where {@link PriorAlignment} aligned it, as far as the images agree around each sample:
     * a robust local affine fit of the aligned windows, blended with the prior by the agreement (the aligned
     * windows' squared correlation, averaged over the fit's window, against {@link #FULL_AGREEMENT}), which
     * the result carries. Where no window aligned (different objects, a painting of another scene) the prior is
     * unchanged and its agreement 0. Confidences stay the prior's.
     */
    static CorrespondencePrior realign(CorrespondencePrior prior, float[][] aligned, int exemplarWidth,
                                       int exemplarHeight) {
        int n = prior.width() * prior.height();
        float[] x = new float[n];
        float[] y = new float[n];
        float[] trust = new float[n];
        for (int i = 0; i < n; i++) {
            boolean hit = aligned[2][i] > 0;
            x[i] = hit ? aligned[0][i] : prior.exemplarX()[i];
            y[i] = hit ? aligned[1][i] : prior.exemplarY()[i];
            trust[i] = hit ? (float) Math.sqrt(aligned[2][i]) : 0f;
        }
        int radius = radius(prior.width(), prior.height());
        float[] alignedWeight = new float[n];
        for (int i = 0; i < n; i++) {
            alignedWeight[i] = trust[i] * trust[i];
        }
        float[] density = BoxFilter.mean(alignedWeight, prior.width(), prior.height(), radius);
        CorrespondencePrior fitted = regularise(new CorrespondencePrior(prior.width(), prior.height(), x, y, trust),
                exemplarWidth, exemplarHeight);
        float[] outX = new float[n];
        float[] outY = new float[n];
        float[] agreement = new float[n];
        // one window per STEP² samples; full agreement where their squared correlation averages FULL_AGREEMENT
        float perWindow = PriorAlignment.STEP * PriorAlignment.STEP / FULL_AGREEMENT;
        for (int i = 0; i < n; i++) {
            float a = Math.min(1f, density[i] * perWindow);
            agreement[i] = a;
            // a certain match (a user's point, a map known exactly) stays where it is: it is the truth the
            // alignment would only blur (a painterly filter moves its strokes by part of a pixel)
            float moved = prior.confidence()[i] >= CERTAIN ? 0f : a;
            outX[i] = moved * fitted.exemplarX()[i] + (1 - moved) * prior.exemplarX()[i];
            outY[i] = moved * fitted.exemplarY()[i] + (1 - moved) * prior.exemplarY()[i];
        }
        return new CorrespondencePrior(prior.width(), prior.height(), outX, outY, prior.confidence(), agreement);
    }

    private static int radius(int width, int height) {
        return Math.max(2, (int) Math.round(RADIUS_FRACTION * Math.max(width, height)));
    }

    static CorrespondencePrior regularise(CorrespondencePrior prior, int exemplarWidth, int exemplarHeight) {
        int width = prior.width();
        int height = prior.height();
        int n = width * height;
        float[] u = new float[n];
        float[] v = new float[n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                u[i] = prior.exemplarX()[i] - identity(x, width, exemplarWidth);
                v[i] = prior.exemplarY()[i] - identity(y, height, exemplarHeight);
            }
        }
        int radius = radius(width, height);
        double tukey = Math.max(2, TUKEY_FRACTION * Math.max(exemplarWidth, exemplarHeight));
        float[] confidence = prior.confidence();
        float[] weight = new float[n];
        for (int i = 0; i < n; i++) {
            // squared, so a half-sure match counts a quarter: the fit leans on the sure ones
            weight[i] = confidence[i] * confidence[i];
        }
        Fit fit = Fit.of(u, v, weight, width, height, radius);
        for (int pass = 0; pass < REWEIGHTINGS; pass++) {
            // annealed: the first fit may be pulled by wrong matches, so its residuals are judged loosely
            double scale = tukey * (1 << (REWEIGHTINGS - 1 - pass));
            float[] robust = new float[n];
            for (int i = 0; i < n; i++) {
                robust[i] = (float) (confidence[i] * confidence[i]
                        * biweight(Math.hypot(u[i] - fit.u[i], v[i] - fit.v[i]) / scale));
            }
            fit = Fit.of(u, v, robust, width, height, radius);
        }
        float[] x = new float[n];
        float[] y = new float[n];
        float[] c = new float[n];
        for (int gy = 0; gy < height; gy++) {
            for (int gx = 0; gx < width; gx++) {
                int i = gy * width + gx;
                double residual = Math.hypot(u[i] - fit.u[i], v[i] - fit.v[i]);
                // a certain match that the fit does not explain (a user's point pulling its region) is kept
                boolean keep = fit.support[i] < MIN_SUPPORT || (residual > tukey && confidence[i] >= CERTAIN);
                float du = keep ? u[i] : fit.u[i];
                float dv = keep ? v[i] : fit.v[i];
                x[i] = du + identity(gx, width, exemplarWidth);
                y[i] = dv + identity(gy, height, exemplarHeight);
                c[i] = confidence[i];
            }
        }
        return new CorrespondencePrior(width, height, x, y, c, prior.agreement());
    }

    /** Where grid sample {@code index} of {@code size} lies in an exemplar of {@code exemplarSize} pixels. */
    private static float identity(int index, int size, int exemplarSize) {
        return (float) WarpedExemplar.rescale(index, size, exemplarSize);
    }

    private static double biweight(double r) {
        return r < 1 ? (1 - r * r) * (1 - r * r) : 0;
    }

    /** A weighted local affine fit of (u, v) over the window around every sample, evaluated at the sample. */
    private record Fit(float[] u, float[] v, float[] support) {

        static Fit of(float[] u, float[] v, float[] weight, int width, int height, int radius) {
            int n = width * height;
            float[][] moments = new float[12][n];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    float w = weight[i];
                    moments[0][i] = w;
                    moments[1][i] = w * x;
                    moments[2][i] = w * y;
                    moments[3][i] = w * x * x;
                    moments[4][i] = w * x * y;
                    moments[5][i] = w * y * y;
                    moments[6][i] = w * u[i];
                    moments[7][i] = w * u[i] * x;
                    moments[8][i] = w * u[i] * y;
                    moments[9][i] = w * v[i];
                    moments[10][i] = w * v[i] * x;
                    moments[11][i] = w * v[i] * y;
                }
            }
            double[][] sums = new double[12][];
            for (int k = 0; k < 12; k++) {
                sums[k] = BoxFilter.sums(moments[k], width, height, radius);
            }
            float[] fu = u.clone();
            float[] fv = v.clone();
            float[] support = new float[n];
            for (int y = 0; y < height; y++) {
                int rows = Math.min(height - 1, y + radius) - Math.max(0, y - radius) + 1;
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    int cols = Math.min(width - 1, x + radius) - Math.max(0, x - radius) + 1;
                    double s0 = sums[0][i];
                    support[i] = (float) (s0 / (rows * cols));
                    if (s0 < 1e-6) {
                        continue;
                    }
                    // moments about the sample itself, so the fit's intercept is its value there
                    double sx = sums[1][i] - x * s0;
                    double sy = sums[2][i] - y * s0;
                    double sxx = sums[3][i] - 2.0 * x * sums[1][i] + (double) x * x * s0;
                    double sxy = sums[4][i] - x * sums[2][i] - y * sums[1][i] + (double) x * y * s0;
                    double syy = sums[5][i] - 2.0 * y * sums[2][i] + (double) y * y * s0;
                    double ridge = RIDGE * s0 * radius * radius;
                    fu[i] = (float) intercept(s0, sx, sy, sxx + ridge, sxy, syy + ridge, sums[6][i],
                            sums[7][i] - x * sums[6][i], sums[8][i] - y * sums[6][i]);
                    fv[i] = (float) intercept(s0, sx, sy, sxx + ridge, sxy, syy + ridge, sums[9][i],
                            sums[10][i] - x * sums[9][i], sums[11][i] - y * sums[9][i]);
                }
            }
            return new Fit(fu, fv, support);
        }

        /** The intercept a of the normal equations of a + b·dx + c·dy (Cramer's rule). */
        private static double intercept(double s0, double sx, double sy, double sxx, double sxy, double syy,
                                        double t0, double tx, double ty) {
            double det = s0 * (sxx * syy - sxy * sxy) - sx * (sx * syy - sxy * sy) + sy * (sx * sxy - sxx * sy);
            if (Math.abs(det) < 1e-12 * Math.max(1, s0 * sxx * syy)) {
                return t0 / s0;
            }
            return (t0 * (sxx * syy - sxy * sxy) - sx * (tx * syy - sxy * ty) + sy * (tx * sxy - sxx * ty)) / det;
        }
    }
}
