package org.learningsa.studio.apps.style;

import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.RgbImage;

/**
 * One level of the synthesis pyramid: the input's structure guide and the exemplar's guide and colours,
 * interleaved per pixel (the guide's channels; the exemplar's Lab colours, 3 values) so a
 * patch comparison walks memory in order.
 *
 * <p>The guide is the lightness after a blur, and its gradients: a painterly filter flattens fine detail
 * and keeps edges, so after the blur a photo patch and the painted patch of the same content have about
 * the same lightness and edges. The input's lightness is brought to the exemplar's global mean and
 * spread first, so a darker or flatter painting still matches the photo's shapes.
 *
 * <p>The chroma channels (a and b, blurred; absent without a chroma guide) compare the exemplar's colours with
 * those of a recoloured input, for the patches of the right region's colour, weighted per input pixel by how
 * far the recolouring is trusted.
 */
record PatchLevel(int width, int height, int exemplarWidth, int exemplarHeight, boolean withChroma,
                  float[] inputGuide, float[] exemplarGuide, float[] exemplarColour) {

    /** Blurred lightness and its two gradients. */
    static final int STRUCTURE_CHANNELS = 3;
    /** The exemplar's guide with chroma: the structure channels, then the blurred a and b. */
    static final int WITH_CHROMA_CHANNELS = 5;
    /** The input's guide with chroma: as the exemplar's, then the chroma's weight at the pixel. */
    static final int INPUT_WITH_CHROMA_CHANNELS = 6;
    /**
     * Weight of the chroma channels against the lightness channels. They compare the exemplar's blurred
     * colours with the colour method's result (the input recoloured from the exemplar region by region), so
     * where the lightness alone is ambiguous (a red apple and a green backdrop of the same lightness) the
     * patches come from the region of the right colour; 0.3 and 1 measured alike on the known-truth cases,
     * and both removed the backdrop's wrong red patches on the apple. Weighted by the correspondence's
     * confidence: where the colour method only recoloured globally (no sure match: the photo and The Scream
     * through the default aligner) the chroma guide would pull the sky to the painting's average brown.
     */
    static final float CHROMA_GAIN = 0.5f;
    /** Box radius (applied twice) of the chroma guide's blur: colours of regions, not of strokes. */
    private static final int CHROMA_BLUR = 2;
    /** Gradients are a few Lab units per pixel where lightness spans 0..100; this makes an edge count. */
    private static final float GRADIENT_GAIN = 3f;

    /** Global lightness statistics of the two full-size images (the guide's normalisation). */
    record Normalisation(double inputMean, double inputSigma, double exemplarMean, double exemplarSigma) {

        static Normalisation of(LabImage input, LabImage exemplar) {
            double[] in = ReinhardTransfer.meanAndSigma(input.l());
            double[] ex = ReinhardTransfer.meanAndSigma(exemplar.l());
            return new Normalisation(in[0], in[1], ex[0], ex[1]);
        }

        float apply(float inputLightness) {
            if (inputSigma < 1e-3) {
                return (float) exemplarMean;
            }
            return (float) ((inputLightness - inputMean) * exemplarSigma / inputSigma + exemplarMean);
        }
    }

    /**
     * @param chromaGuide  the input recoloured after the exemplar, or {@code null} for no chroma channels
     * @param chromaTrust  per pixel of this level, how far the chroma guide is trusted (0..1): the
     *                     correspondence's confidence, since the colour method recolours from the matches where
     *                     they are sure and only globally elsewhere
     */
    static PatchLevel build(RgbImage input, RgbImage exemplar, RgbImage chromaGuide, float[] chromaTrust, int width,
                            int height, int exemplarWidth, int exemplarHeight, int blurRadius,
                            Normalisation normalisation) {
        LabImage in = LabImage.fromRgb(AreaResize.toSize(input, width, height));
        LabImage ex = LabImage.fromRgb(AreaResize.toSize(exemplar, exemplarWidth, exemplarHeight));
        float[] inLightness = in.l().clone();
        for (int i = 0; i < inLightness.length; i++) {
            inLightness[i] = normalisation.apply(inLightness[i]);
        }
        boolean withChroma = chromaGuide != null;
        float[] inputGuide = guide(inLightness, width, height, blurRadius,
                withChroma ? INPUT_WITH_CHROMA_CHANNELS : STRUCTURE_CHANNELS);
        float[] exemplarGuide = guide(ex.l(), exemplarWidth, exemplarHeight, blurRadius,
                withChroma ? WITH_CHROMA_CHANNELS : STRUCTURE_CHANNELS);
        if (withChroma) {
            addChroma(inputGuide, INPUT_WITH_CHROMA_CHANNELS, LabImage.fromRgb(AreaResize.toSize(chromaGuide, width, height)),
                    width, height);
            for (int i = 0; i < width * height; i++) {
                float trust = Math.max(0f, Math.min(1f, chromaTrust[i]));
                inputGuide[INPUT_WITH_CHROMA_CHANNELS * i + 5] = (float) Math.sqrt(CHROMA_GAIN * trust);
            }
            addChroma(exemplarGuide, WITH_CHROMA_CHANNELS, ex, exemplarWidth, exemplarHeight);
        }
        int n = exemplarWidth * exemplarHeight;
        float[] colour = new float[n * 3];
        for (int i = 0; i < n; i++) {
            colour[3 * i] = ex.l()[i];
            colour[3 * i + 1] = ex.a()[i];
            colour[3 * i + 2] = ex.b()[i];
        }
        return new PatchLevel(width, height, exemplarWidth, exemplarHeight, withChroma, inputGuide, exemplarGuide,
                colour);
    }

    /** Writes the blurred a and b of {@code image} into channels 3 and 4 of the guide. */
    private static void addChroma(float[] guide, int channels, LabImage image, int width, int height) {
        float[] a = BoxFilter.smooth(image.a(), width, height, CHROMA_BLUR);
        float[] b = BoxFilter.smooth(image.b(), width, height, CHROMA_BLUR);
        for (int i = 0; i < a.length; i++) {
            guide[channels * i + 3] = a[i];
            guide[channels * i + 4] = b[i];
        }
    }

    /** Blurred lightness and its x and y gradients, interleaved, the chroma channels left 0. */
    private static float[] guide(float[] lightness, int width, int height, int blurRadius, int channels) {
        float[] blurred = BoxFilter.smooth(lightness, width, height, blurRadius);
        float[] out = new float[width * height * channels];
        for (int y = 0; y < height; y++) {
            int up = Math.max(0, y - 1) * width;
            int down = Math.min(height - 1, y + 1) * width;
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int left = y * width + Math.max(0, x - 1);
                int right = y * width + Math.min(width - 1, x + 1);
                out[channels * i] = blurred[i];
                out[channels * i + 1] = GRADIENT_GAIN * 0.5f * (blurred[right] - blurred[left]);
                out[channels * i + 2] = GRADIENT_GAIN * 0.5f * (blurred[down + x] - blurred[up + x]);
            }
        }
        return out;
    }

}
