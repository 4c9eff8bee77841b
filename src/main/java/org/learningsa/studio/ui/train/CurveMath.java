package org.learningsa.studio.ui.train;

/**
 * The two transformations between a logged curve and what the chart draws: smoothing (as TensorBoard
 * does it, so curves look the same there and here) and decimation to a few points per pixel column.
 */
final class CurveMath {

    private CurveMath() {
    }

    /**
     * A debiased exponential moving average: {@code s_i = w·s_{i-1} + (1−w)·y_i}, divided by
     * {@code 1 − w^(i+1)} so that the first points are not pulled towards 0. NaN points are skipped
     * (they keep the previous value) so that one diverged step does not erase the rest of the curve.
     *
     * @param weight 0 (no smoothing) … 0.999
     */
    static double[] smooth(double[] values, int count, double weight) {
        double[] out = new double[count];
        if (weight <= 0) {
            System.arraycopy(values, 0, out, 0, count);
            return out;
        }
        double last = 0;
        double weightPower = 1; // weight^seen, kept as a product: no pow() per point
        boolean seen = false;
        for (int i = 0; i < count; i++) {
            double y = values[i];
            if (Double.isFinite(y)) {
                last = weight * last + (1 - weight) * y;
                weightPower *= weight;
                seen = true;
            }
            out[i] = seen ? last / (1 - weightPower) : y;
        }
        return out;
    }

    /** Points to draw: {@code x[k], y[k]} for k below {@code count}. */
    record Points(double[] x, double[] y, int count) {
    }

    /**
     * Keeps the first, minimum, maximum and last point of each of {@code buckets} equal runs of
     * points (in x order), so that a spike is never lost however many steps there are, and returns
     * everything when there are few points already. At most {@code 4·buckets} points come out.
     */
    static Points decimate(double[] x, double[] y, int count, int buckets) {
        if (count <= 4L * buckets || buckets <= 0) {
            double[] xs = java.util.Arrays.copyOf(x, count);
            double[] ys = java.util.Arrays.copyOf(y, count);
            return new Points(xs, ys, count);
        }
        double[] xs = new double[4 * buckets];
        double[] ys = new double[4 * buckets];
        int n = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) count * b / buckets);
            int to = (int) ((long) count * (b + 1) / buckets);
            if (to <= from) {
                continue;
            }
            int min = from;
            int max = from;
            for (int i = from + 1; i < to; i++) {
                // NaN never wins a comparison, so a diverged point does not hide the curve around it
                if (y[i] < y[min] || Double.isNaN(y[min])) {
                    min = i;
                }
                if (y[i] > y[max] || Double.isNaN(y[max])) {
                    max = i;
                }
            }
            int first = Math.min(min, max);
            int second = Math.max(min, max);
            for (int index : new int[] {from, first, second, to - 1}) {
                if (n == 0 || xs[n - 1] != x[index]) {
                    xs[n] = x[index];
                    ys[n] = y[index];
                    n++;
                }
            }
        }
        return new Points(xs, ys, n);
    }
}
