package org.learningsa.studio.apps.style;

import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.RgbImage;

/**
 * One level of the synthesis pyramid: the input's structure guide and the exemplar's guide and colours,
 * interleaved per pixel ({@link #GUIDE_CHANNELS} guide values, then for the exemplar 3 Lab values) so a
 * patch comparison walks memory in order.
 *
 * <p>The guide is the lightness after a blur, and its gradients: a painterly filter flattens fine detail
 * and keeps edges, so after the blur a photo patch and the painted patch of the same content have about
 * the same lightness and edges. The input's lightness is brought to the exemplar's global mean and
 * spread first, so a darker or flatter painting still matches the photo's shapes.
 *
 * <p>The chroma guide (a and b, blurred, two values per pixel; {@code null} without one) compares the
 * exemplar's colours with those of a recoloured input, for the patches of the right region's colour.
 */
record PatchLevel(int width, int height, int exemplarWidth, int exemplarHeight, float[] inputGuide,
                  float[] exemplarGuide, float[] exemplarColour, float[] inputChroma, float[] exemplarChroma) {

    static final int GUIDE_CHANNELS = 3;
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
        float[] inputGuide = guide(inLightness, width, height, blurRadius);
        float[] exemplarGuide = guide(ex.l(), exemplarWidth, exemplarHeight, blurRadius);
        int n = exemplarWidth * exemplarHeight;
        float[] colour = new float[n * 3];
        for (int i = 0; i < n; i++) {
            colour[3 * i] = ex.l()[i];
            colour[3 * i + 1] = ex.a()[i];
            colour[3 * i + 2] = ex.b()[i];
        }
        float[] inputChroma = null;
        float[] exemplarChroma = null;
        if (chromaGuide != null) {
            LabImage guide = LabImage.fromRgb(sized(chromaGuide, width, height));
            inputChroma = chroma(guide, width, height);
            exemplarChroma = chroma(ex, exemplarWidth, exemplarHeight);
        }
        return new PatchLevel(width, height, exemplarWidth, exemplarHeight, inputGuide, exemplarGuide, colour,
                inputChroma, exemplarChroma);
    }

    private static float[] chroma(LabImage image, int width, int height) {
        int radius = CHROMA_BLUR;
        float[] a = BoxFilter.mean(BoxFilter.mean(image.a(), width, height, radius), width, height, radius);
        float[] b = BoxFilter.mean(BoxFilter.mean(image.b(), width, height, radius), width, height, radius);
        float[] out = new float[2 * a.length];
        for (int i = 0; i < a.length; i++) {
            out[2 * i] = a[i];
            out[2 * i + 1] = b[i];
        }
        return out;
    }

    /** Blurred lightness, its x and y gradients, interleaved. */
    private static float[] guide(float[] lightness, int width, int height, int blurRadius) {
        // two box passes: close to a Gaussian of σ ≈ 0.8·radius, without its cost
        float[] blurred = BoxFilter.mean(BoxFilter.mean(lightness, width, height, blurRadius), width, height, blurRadius);
        float[] out = new float[width * height * GUIDE_CHANNELS];
        for (int y = 0; y < height; y++) {
            int up = Math.max(0, y - 1) * width;
            int down = Math.min(height - 1, y + 1) * width;
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int left = y * width + Math.max(0, x - 1);
                int right = y * width + Math.min(width - 1, x + 1);
                out[3 * i] = blurred[i];
                out[3 * i + 1] = GRADIENT_GAIN * 0.5f * (blurred[right] - blurred[left]);
                out[3 * i + 2] = GRADIENT_GAIN * 0.5f * (blurred[down + x] - blurred[up + x]);
            }
        }
        return out;
    }

    private static RgbImage sized(RgbImage image, int width, int height) {
        return image.width() == width && image.height() == height ? image : AreaResize.resize(image, width, height);
    }
}
