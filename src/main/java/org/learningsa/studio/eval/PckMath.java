package org.learningsa.studio.eval;

/**
 * The arithmetic of LearningSA's PCK (image.py {@code correct_keypoints}, custom_dataset.py), float32
 * step by step like the reference tensors, so that ties at a threshold fall the same way.
 */
final class PckMath {

    /** The padding value of absent keypoints in PF-style annotations. */
    static final double PADDING = -1;

    private PckMath() {
    }

    /** N_pts: how many source points are not (-1, -1); the reference compares the first N_pts. */
    static int validPointCount(double[] x, double[] y) {
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != PADDING && y[i] != PADDING) {
                count++;
            }
        }
        return count;
    }

    /**
     * Rescales the first {@code count} points to the image-size frame, x·frame/W and y·frame/H in
     * float32 (custom_dataset.py); the rest (the padding) stays as it is.
     */
    static double[][] rescale(double[] x, double[] y, int count, int width, int height, int frame) {
        double[] rx = x.clone();
        double[] ry = y.clone();
        for (int i = 0; i < Math.min(count, x.length); i++) {
            rx[i] = (float) x[i] * frame / (float) width;
            ry[i] = (float) y[i] * frame / (float) height;
        }
        return new double[][] {rx, ry};
    }

    /** How many leading points custom_dataset.py rescales: A's x values that are not -1. */
    static int rescaledPointCount(double[] sourceX) {
        int count = 0;
        for (double x : sourceX) {
            if (x != PADDING) {
                count++;
            }
        }
        return count;
    }

    /**
     * Euclidean distances of the first {@code count} points; a prediction that is NaN (its target
     * point was skipped) counts as (0, 0), the value the reference leaves in its array.
     */
    static double[] distances(double[] sourceX, double[] sourceY, double[] predictedX, double[] predictedY, int count) {
        double[] d = new double[count];
        for (int i = 0; i < count; i++) {
            float px = Double.isNaN(predictedX[i]) ? 0f : (float) predictedX[i];
            float py = Double.isNaN(predictedY[i]) ? 0f : (float) predictedY[i];
            float dx = (float) sourceX[i] - px;
            float dy = (float) sourceY[i] - py;
            d[i] = (float) Math.sqrt(dx * dx + dy * dy);
        }
        return d;
    }

    /** distance ≤ α·L, with α·L a float32 product as torch computes it. */
    static boolean withinThreshold(double distance, double thresholdLength, double alpha) {
        float limit = (float) thresholdLength * (float) alpha;
        return (float) distance <= limit;
    }

    /** The fraction of the distances within α·L; NaN for no points. */
    static double fraction(double[] distances, double thresholdLength, double alpha) {
        if (distances.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (double d : distances) {
            if (withinThreshold(d, thresholdLength, alpha)) {
                correct++;
            }
        }
        return (double) correct / distances.length;
    }

    /** max(x extent, y extent) of the points that are not (-1, -1): PF-WILLOW's L (of the target, in LearningSA). */
    static double keypointExtent(double[] x, double[] y) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == PADDING && y[i] == PADDING) {
                continue;
            }
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        return maxX < minX ? Double.NaN : (float) Math.max(maxX - minX, maxY - minY);
    }
}
