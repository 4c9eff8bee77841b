package org.learningsa.studio.apps.style;

/**
 * A per-pixel affine colour model in Lab, {@code out_c = scale_c·in_c + offset_c}, fitted on the
 * working grid from confidence-weighted window statistics of the input and the warped exemplar (the
 * local form of Reinhard's transfer; Neural Color Transfer's initial a = σ_G/σ_S, b = μ_G − a·μ_S),
 * blended into the global Reinhard model where the window holds few confident matches, then smoothed
 * with the same window as a guided filter averages its coefficients. Being smooth, it is fitted at low
 * resolution and applied to the full-resolution input, whose edges and shading therefore stay its own.
 *
 * @param trust per grid pixel, the share of the local model (1) against the global fallback (0)
 */
record LocalColorModel(int width, int height, float[][] scale, float[][] offset, float[] trust) {

    /**
     * Mean window confidence at which the local model gets full weight; below it the global model
     * takes over linearly. 0.5: a window half full of confident matches already pins its statistics.
     */
    static final double CONFIDENT_WINDOW = 0.5;
    /** Bounds on the local contrast scale: beyond them a window's statistics are not worth trusting. */
    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 10.0;
    /** Keeps the weights positive so an all-unconfident window still has defined (unused) statistics. */
    private static final float MIN_WEIGHT = 1e-4f;

    static LocalColorModel fit(WarpedExemplar warp, ReinhardTransfer.ChannelModel global, StyleSettings settings) {
        int w = warp.width();
        int h = warp.height();
        int n = w * h;
        int radius = Math.max(1, (int) Math.round(settings.window() * Math.max(w, h)));
        double regulariser = settings.smoothness() * settings.smoothness() + 1e-6;

        float[] weight = new float[n];
        for (int i = 0; i < n; i++) {
            weight[i] = Math.max(MIN_WEIGHT, warp.confidence()[i]);
        }
        double[] sumWeight = BoxFilter.sums(weight, w, h, radius);
        float[] meanConfidence = BoxFilter.mean(warp.confidence(), w, h, radius);
        float[] trust = new float[n];
        for (int i = 0; i < n; i++) {
            trust[i] = (float) Math.min(1.0, meanConfidence[i] / CONFIDENT_WINDOW);
        }

        float[][] scale = new float[3][];
        float[][] offset = new float[3][];
        float[] weighted = new float[n];
        for (int c = 0; c < 3; c++) {
            float[] in = warp.input().channel(c);
            float[] ex = warp.warped().channel(c);
            double[] sumIn = weightedSums(weight, in, 1, weighted, w, h, radius);
            double[] sumInSquared = weightedSums(weight, in, 2, weighted, w, h, radius);
            double[] sumEx = weightedSums(weight, ex, 1, weighted, w, h, radius);
            double[] sumExSquared = weightedSums(weight, ex, 2, weighted, w, h, radius);
            float[] a = new float[n];
            float[] b = new float[n];
            for (int i = 0; i < n; i++) {
                double meanIn = sumIn[i] / sumWeight[i];
                double meanEx = sumEx[i] / sumWeight[i];
                double varIn = Math.max(0, sumInSquared[i] / sumWeight[i] - meanIn * meanIn);
                double varEx = Math.max(0, sumExSquared[i] / sumWeight[i] - meanEx * meanEx);
                double localScale = Math.max(MIN_SCALE, Math.min(MAX_SCALE,
                        Math.sqrt((varEx + regulariser) / (varIn + regulariser))));
                double localOffset = meanEx - localScale * meanIn;
                double t = trust[i];
                a[i] = (float) (t * localScale + (1 - t) * global.scale()[c]);
                b[i] = (float) (t * localOffset + (1 - t) * global.offset()[c]);
            }
            scale[c] = BoxFilter.mean(a, w, h, radius);
            offset[c] = BoxFilter.mean(b, w, h, radius);
        }
        return new LocalColorModel(w, h, scale, offset, trust);
    }

    /** Window sums of weight·value^power (power 1 or 2), using {@code scratch} for the product. */
    private static double[] weightedSums(float[] weight, float[] values, int power, float[] scratch,
                                         int w, int h, int radius) {
        for (int i = 0; i < scratch.length; i++) {
            float v = values[i];
            scratch[i] = weight[i] * (power == 1 ? v : v * v);
        }
        return BoxFilter.sums(scratch, w, h, radius);
    }
}
