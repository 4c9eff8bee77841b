package org.learningsa.studio.apps.colorize;

import java.util.Arrays;

/**
 * How much to trust the chroma read through the correspondence at each grid pixel: the correspondence's
 * own confidence, times how well the exemplar's lightness there agrees with the input's. The second factor
 * matters at edges: a match a few pixels off lands on the other side of an edge, where the lightness (and
 * so, usually, the colour) is another one; the propagation then fills such pixels from their own side.
 * The agreement is judged against the typical disagreement of confident matches, so an exemplar of
 * another scene (whose lightness never agrees closely) is not distrusted everywhere.
 */
final class ChromaEvidence {

    /**
     * The smallest σ of the lightness agreement, in L units (same-scene matches typically differ by 1–3). On the
     * 32 known-truth cases of {@link LightnessSnap#RADIUS}: mean ΔE_ab 4.38 at 2, 4.43 at 4, 4.58 at 8.
     */
    static final double MIN_AGREEMENT_SIGMA = 2.0;
    /** σ = this × the median disagreement of confident matches. */
    static final double AGREEMENT_SPREAD = 1.5;

    private ChromaEvidence() {
    }

    /** @param difference per grid pixel, |L of the input − L of the exemplar where its chroma is read| */
    static float[] weights(float[] confidence, float[] difference) {
        int n = confidence.length;
        float[] confidentDifferences = new float[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (confidence[i] >= 0.5f) {
                confidentDifferences[count++] = difference[i];
            }
        }
        double median = 0;
        if (count > 0) {
            float[] sorted = Arrays.copyOf(confidentDifferences, count);
            Arrays.sort(sorted);
            median = sorted[count / 2];
        }
        double sigma = Math.max(MIN_AGREEMENT_SIGMA, AGREEMENT_SPREAD * median);
        double inverse = 1 / (2 * sigma * sigma);
        float[] weight = new float[n];
        for (int i = 0; i < n; i++) {
            double d = difference[i];
            weight[i] = (float) (confidence[i] * Math.exp(-d * d * inverse));
        }
        return weight;
    }
}
