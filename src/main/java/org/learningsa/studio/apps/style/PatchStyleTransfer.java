package org.learningsa.studio.apps.style;

import java.util.Objects;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.RgbImage;

/**
 * The patch method of style transfer, ready to render: the correspondence has been read (once, as the
 * prior of {@link PatchSynthesis}, regularised by {@link PriorRegulariser}) and the colour method's result
 * made (the synthesis's chroma guide); {@link #render} synthesises for any {@link PatchSettings}. The last
 * full-strength result is kept, so a strength change is one blend. Thread-safe.
 */
public final class PatchStyleTransfer {

    private final RgbImage input;
    private final RgbImage exemplar;
    private final CorrespondencePrior prior;
    private final RgbImage chromaGuide;
    private final double meanConfidence;
    private final String description;
    private PatchSettings cachedSettings;
    private RgbImage cachedFull;

    private PatchStyleTransfer(RgbImage input, RgbImage exemplar, CorrespondencePrior prior, RgbImage chromaGuide,
                               double meanConfidence, String description) {
        this.input = input;
        this.chromaGuide = chromaGuide;
        this.meanConfidence = meanConfidence;
        this.exemplar = exemplar;
        this.prior = prior;
        this.description = description;
    }

    /**
     * Reads the correspondence and renders the colour method once (together about a tenth of the synthesis).
     *
     * @param fromInput the direction that starts at the input: TARGET_TO_SOURCE when the input is the
     *                  correspondence's target
     * @throws IllegalArgumentException when the exemplar is smaller than the smallest patch size allows
     */
    public static PatchStyleTransfer prepare(Correspondence correspondence, Direction fromInput, RgbImage input,
                                             RgbImage exemplar, CancelToken cancel) {
        return prepare(correspondence, fromInput, StyleTransfer.prepare(correspondence, fromInput, input, exemplar,
                cancel), cancel);
    }

    /**
     * {@link #prepare} from the colour method already prepared on the same correspondence and images (as
     * {@code lsa style} has it for the confidence it reports), so its warp is not built twice.
     */
    public static PatchStyleTransfer prepare(Correspondence correspondence, Direction fromInput,
                                             StylePreview colourMethod, CancelToken cancel) {
        Objects.requireNonNull(correspondence, "correspondence");
        Objects.requireNonNull(fromInput, "fromInput");
        RgbImage input = colourMethod.input();
        RgbImage exemplar = colourMethod.exemplar();
        CorrespondencePrior read = CorrespondencePrior.sample(correspondence, fromInput, input.width(),
                input.height(), exemplar.width(), exemplar.height(), cancel);
        CorrespondencePrior regular = PriorRegulariser.regularise(read, exemplar.width(), exemplar.height());
        CorrespondencePrior prior = PriorRegulariser.realign(regular,
                PriorAlignment.align(regular, input, exemplar, cancel), exemplar.width(), exemplar.height());
        // the colour method's result: the input in the exemplar's colours, region by region (the chroma guide)
        RgbImage chromaGuide = colourMethod.render(StyleSettings.defaults());
        return new PatchStyleTransfer(input, exemplar, prior, chromaGuide, read.meanConfidence(),
                correspondence.description());
    }

    /** One-shot: prepare and render. */
    public static RgbImage transfer(Correspondence correspondence, Direction fromInput, RgbImage input,
                                    RgbImage exemplar, PatchSettings settings) {
        return prepare(correspondence, fromInput, input, exemplar, CancelToken.NEVER)
                .render(settings, ProgressListener.NONE, CancelToken.NEVER);
    }

    /**
     * The result at the input's size; strength 0 returns the input's pixels unchanged.
     *
     * @throws IllegalArgumentException when the exemplar is too small for the patch size (the message says so)
     */
    public RgbImage render(PatchSettings settings, ProgressListener progress, CancelToken cancel) {
        if (settings.strength() == 0) {
            return StrengthBlend.blend(input, input, 0);
        }
        return StrengthBlend.blend(input, fullStrength(settings, progress, cancel), settings.strength());
    }

    /** Whether {@link #render} with these settings is only a blend of a kept result. */
    public synchronized boolean hasSynthesised(PatchSettings settings) {
        return cachedFull != null && cachedSettings.sameSynthesisAs(settings);
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

    /** Mean confidence of the correspondence over the input, 0..1. */
    public double meanConfidence() {
        return meanConfidence;
    }

    /**
     * An image resampled bilinearly to {@code width × height} (a preview synthesised small, shown over the
     * full-size input so zoom and pan stay linked).
     */
    public static RgbImage resized(RgbImage image, int width, int height) {
        if (image.width() == width && image.height() == height) {
            return image;
        }
        int n = image.width() * image.height();
        byte[] out = new byte[width * height * 3];
        for (int c = 0; c < 3; c++) {
            float[] plane = new float[n];
            for (int i = 0; i < n; i++) {
                plane[i] = image.rgb()[3 * i + c] & 0xFF;
            }
            float[] scaled = Planes.resize(plane, image.width(), image.height(), width, height);
            for (int i = 0; i < scaled.length; i++) {
                out[3 * i + c] = (byte) Math.max(0, Math.min(255, Math.round(scaled[i])));
            }
        }
        return new RgbImage(width, height, out);
    }

    private synchronized RgbImage fullStrength(PatchSettings settings, ProgressListener progress, CancelToken cancel) {
        if (cachedFull != null && cachedSettings.sameSynthesisAs(settings)) {
            return cachedFull;
        }
        cachedFull = PatchSynthesis.synthesise(input, exemplar, chromaGuide, prior, settings, progress, cancel);
        cachedSettings = settings;
        return cachedFull;
    }
}
