package org.learningsa.studio.apps.style;

import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.RgbImage;

/**
 * One level of the synthesis pyramid: the input's structure guide and the exemplar's guide and colours,
 * interleaved per pixel ({@link #guideChannels} guide values; the exemplar's Lab colours, 3 values) so a
 * patch comparison walks memory in order.
 *
 * <p>The guide is the lightness after a blur, and its gradients: a painterly filter flattens fine detail
 * and keeps edges, so after the blur a photo patch and the painted patch of the same content have about
 * the same lightness and edges. The input's lightness is brought to the exemplar's global mean and
 * spread first, so a darker or flatter painting still matches the photo's shapes.
 *
 * <p>The chroma channels (a and b, blurred; absent without a chroma guide) compare the exemplar's colours with
 * those of a recoloured input, for the patches of the right region's colour.
 */
record PatchLevel(int width, int height, int exemplarWidth, int exemplarHeight, int guideChannels,
                  float[] inputGuide, float[] exemplarGuide, float[] exemplarColour) {

    /** Blurred lightness and its two gradients. */
    static final int STRUCTURE_CHANNELS = 3;
    /** The structure channels, then the blurred chroma a and b (scaled by √CHROMA_GAIN). */
    static final int WITH_CHROMA_CHANNELS = 5;
    /**
     * Weight of the chroma channels against the lightness channels. They compare the exemplar's blurred
     * colours with the colour method's result (the input recoloured from the exemplar region by region), so
     * where the lightness alone is ambiguous (a red apple and a green backdrop of the same lightness) the
     * patches come from the region of the right colour; 0.3 and 1 measured alike on the known-truth cases,
     * and both removed the backdrop's wrong red patches on the apple.
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

    static PatchLevel build(RgbImage input, RgbImage exemplar, RgbImage chromaGuide, int width, int height,
                            int exemplarWidth, int exemplarHeight, int blurRadius, Normalisation normalisation) {
        LabImage in = LabImage.fromRgb(sized(input, width, height));
        LabImage ex = LabImage.fromRgb(sized(exemplar, exemplarWidth, exemplarHeight));
        float[] inLightness = in.l().clone();
        for (int i = 0; i < inLightness.length; i++) {
            inLightness[i] = normalisation.apply(inLightness[i]);
        }
        int channels = chromaGuide == null ? STRUCTURE_CHANNELS : WITH_CHROMA_CHANNELS;
        float[] inputGuide = guide(inLightness, width, height, blurRadius, channels);
        float[] exemplarGuide = guide(ex.l(), exemplarWidth, exemplarHeight, blurRadius, channels);
        if (chromaGuide != null) {
            addChroma(inputGuide, LabImage.fromRgb(sized(chromaGuide, width, height)), width, height);
            addChroma(exemplarGuide, ex, exemplarWidth, exemplarHeight);
        }
        int n = exemplarWidth * exemplarHeight;
        float[] colour = new float[n * 3];
        for (int i = 0; i < n; i++) {
            colour[3 * i] = ex.l()[i];
            colour[3 * i + 1] = ex.a()[i];
            colour[3 * i + 2] = ex.b()[i];
        }
        return new PatchLevel(width, height, exemplarWidth, exemplarHeight, channels, inputGuide, exemplarGuide,
                colour);
    }

    /** Writes the blurred a and b of {@code image} into the guide's last two channels. */
    private static void addChroma(float[] guide, LabImage image, int width, int height) {
        float[] a = BoxFilter.mean(BoxFilter.mean(image.a(), width, height, CHROMA_BLUR), width, height, CHROMA_BLUR);
        float[] b = BoxFilter.mean(BoxFilter.mean(image.b(), width, height, CHROMA_BLUR), width, height, CHROMA_BLUR);
        float gain = (float) Math.sqrt(CHROMA_GAIN);
        for (int i = 0; i < a.length; i++) {
            guide[WITH_CHROMA_CHANNELS * i + 3] = gain * a[i];
            guide[WITH_CHROMA_CHANNELS * i + 4] = gain * b[i];
        }
    }

    /** Blurred lightness and its x and y gradients, interleaved, the chroma channels left 0. */
    private static float[] guide(float[] lightness, int width, int height, int blurRadius, int channels) {
        // two box passes: close to a Gaussian of σ ≈ 0.8·radius, without its cost
        float[] blurred = BoxFilter.mean(BoxFilter.mean(lightness, width, height, blurRadius), width, height, blurRadius);
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

    private static RgbImage sized(RgbImage image, int width, int height) {
        return image.width() == width && image.height() == height ? image : AreaResize.resize(image, width, height);
    }
}
