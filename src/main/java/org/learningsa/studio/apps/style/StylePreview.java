package org.learningsa.studio.apps.style;

import org.learningsa.studio.image.ColorMaps;
import org.learningsa.studio.image.RgbImage;

/**
 * A style transfer whose correspondence has been read: renders the result for any settings. The last
 * full-strength result is kept, so changing only the strength is one blend over the pixels. Thread-safe
 * (the view renders on a worker thread while the user keeps moving the slider).
 */
public final class StylePreview {

    private final RgbImage input;
    private final RgbImage exemplar;
    private final WarpedExemplar warp;
    private final String description;
    private final ReinhardTransfer.ChannelModel global;
    private LabImage inputLab;
    private float[] exemplarLuminance;
    private StyleSettings cachedSettings;
    private RgbImage cachedFull;

    StylePreview(RgbImage input, RgbImage exemplar, WarpedExemplar warp, String description) {
        this.input = input;
        this.exemplar = exemplar;
        this.warp = warp;
        this.description = description;
        // the fallback is the classic global transfer between the whole images (statistics of reduced copies)
        this.global = ReinhardTransfer.fit(warp.input(), warp.exemplar());
    }

    public RgbImage input() {
        return input;
    }

    public RgbImage exemplar() {
        return exemplar;
    }

    /** The correspondence's own description (model, readout, user points). */
    public String description() {
        return description;
    }

    /** The result at the input's size; strength 0 returns the input's pixels unchanged. */
    public RgbImage render(StyleSettings settings) {
        if (settings.strength() == 0) {
            return StrengthBlend.blend(input, input, 0);
        }
        return StrengthBlend.blend(input, fullStrength(settings), settings.strength());
    }

    /** Mean confidence of the correspondence over the input, 0..1. */
    public double meanConfidence() {
        double sum = 0;
        for (float c : warp.confidence()) {
            sum += c;
        }
        return sum / warp.confidence().length;
    }

    /**
     * The confidence of the correspondence over the input at the input's size, viridis-coloured
     * (yellow = trusted, dark blue = the global fallback takes over).
     */
    public RgbImage confidenceMask() {
        float[] full = Planes.resize(warp.confidence(), warp.width(), warp.height(), input.width(), input.height());
        return ColorMaps.viridisImage(full, input.width(), input.height());
    }

    private synchronized RgbImage fullStrength(StyleSettings settings) {
        if (cachedFull != null && cachedSettings.sameModelAs(settings)) {
            return cachedFull;
        }
        if (inputLab == null) {
            inputLab = LabImage.fromRgb(input);
        }
        LocalColorModel model = LocalColorModel.fit(warp, global, settings);
        int width = input.width();
        int height = input.height();
        int n = width * height;
        float[][] planes = new float[3][n];
        for (int c = 0; c < 3; c++) {
            float[] scale = Planes.resize(model.scale()[c], model.width(), model.height(), width, height);
            float[] offset = Planes.resize(model.offset()[c], model.width(), model.height(), width, height);
            float[] in = inputLab.channel(c);
            float[] out = planes[c];
            for (int i = 0; i < n; i++) {
                out[i] = scale[i] * in[i] + offset[i];
            }
        }
        if (settings.texture() > 0) {
            addTexture(planes[0], settings.texture());
        }
        for (int i = 0; i < n; i++) {
            planes[0][i] = Math.max(0f, Math.min(100f, planes[0][i]));
        }
        cachedFull = new LabImage(width, height, planes[0], planes[1], planes[2]).toRgb();
        cachedSettings = settings;
        return cachedFull;
    }

    /**
     * Adds the warped exemplar's high-frequency luminance (its difference from a small box mean) where
     * the correspondence is confident: brush strokes and grain, never the exemplar's shapes, which live
     * in the low frequencies the input keeps.
     */
    private void addTexture(float[] luminance, double amount) {
        int width = input.width();
        int height = input.height();
        if (exemplarLuminance == null) {
            exemplarLuminance = LabImage.fromRgb(exemplar).l();
        }
        float[] x = Planes.resize(warp.exemplarX(), warp.width(), warp.height(), width, height);
        float[] y = Planes.resize(warp.exemplarY(), warp.width(), warp.height(), width, height);
        float[] confidence = Planes.resize(warp.confidence(), warp.width(), warp.height(), width, height);
        float[] warped = new float[width * height];
        for (int i = 0; i < warped.length; i++) {
            warped[i] = Planes.bilinear(exemplarLuminance, exemplar.width(), exemplar.height(), x[i], y[i]);
        }
        int radius = Math.max(1, Math.round(Math.max(width, height) / 256f));
        float[] coarse = BoxFilter.mean(warped, width, height, radius);
        for (int i = 0; i < warped.length; i++) {
            luminance[i] += (float) (amount * confidence[i] * (warped[i] - coarse[i]));
        }
    }
}
