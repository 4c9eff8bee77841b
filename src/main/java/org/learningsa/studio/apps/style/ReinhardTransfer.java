package org.learningsa.studio.apps.style;

import org.learningsa.studio.image.RgbImage;

/**
 * Global colour transfer of Reinhard et al. (2001): per Lab channel, the input's values are shifted
 * and scaled so their mean and standard deviation become the exemplar's:
 * {@code out = (σ_exemplar / σ_input)·(in − μ_input) + μ_exemplar}. The paper's source is the image
 * being recoloured (our input) and its target the colour provider (our exemplar); a popular Python
 * version scales by σ_input/σ_exemplar instead, which inverts the contrast change.
 *
 * <p>Used where the correspondence is not trusted and as the baseline the local transfer is tested against.
 */
public final class ReinhardTransfer {

    /** Keeps a flat input channel (σ ≈ 0) from blowing up the scale. */
    private static final double MIN_SIGMA = 1e-3;

    /** The per-channel affine model {@code out_c = scale[c]·in_c + offset[c]} in Lab. */
    public record ChannelModel(double[] scale, double[] offset) {
    }

    private ReinhardTransfer() {
    }

    /** The global model that carries the exemplar's Lab statistics onto the input. */
    public static ChannelModel fit(LabImage input, LabImage exemplar) {
        double[] scale = new double[3];
        double[] offset = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] in = meanAndSigma(input.channel(c));
            double[] ex = meanAndSigma(exemplar.channel(c));
            scale[c] = ex[1] / Math.max(MIN_SIGMA, in[1]);
            offset[c] = ex[0] - scale[c] * in[0];
        }
        return new ChannelModel(scale, offset);
    }

    /** The whole image recoloured with the global model. */
    public static RgbImage transfer(RgbImage input, RgbImage exemplar) {
        LabImage in = LabImage.fromRgb(input);
        ChannelModel model = fit(in, LabImage.fromRgb(exemplar));
        float[][] planes = new float[3][];
        for (int c = 0; c < 3; c++) {
            float[] src = in.channel(c);
            float[] dst = new float[src.length];
            for (int i = 0; i < src.length; i++) {
                dst[i] = (float) (model.scale()[c] * src[i] + model.offset()[c]);
            }
            planes[c] = dst;
        }
        return new LabImage(in.width(), in.height(), planes[0], planes[1], planes[2]).toRgb();
    }

    /** Mean and standard deviation of a plane. */
    static double[] meanAndSigma(float[] values) {
        double sum = 0;
        double sumSquares = 0;
        for (float v : values) {
            sum += v;
            sumSquares += (double) v * v;
        }
        double mean = sum / values.length;
        return new double[] {mean, Math.sqrt(Math.max(0, sumSquares / values.length - mean * mean))};
    }
}
