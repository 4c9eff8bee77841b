package org.learningsa.studio.apps.colorize;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.apps.style.LabImage;
import org.learningsa.studio.apps.style.WarpedExemplar;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.image.RgbImage;

/**
 * Exemplar-based colorization through the correspondence: the output keeps the input's CIELAB lightness
 * exactly and takes its chroma (a, b) from the exemplar, read where the correspondence lands (moved at most
 * a few pixels to where the lightness agrees best, {@link LightnessSnap}) and weighted by how far that is to
 * be trusted ({@link ChromaEvidence}); where it is not, chroma is propagated from
 * trusted pixels along the input's own edges ({@link ChromaPropagation}). Chroma is solved on a working
 * grid and brought to the full-resolution input guided by its lightness ({@link JointBilateralUpsampling}).
 *
 * <p>The correspondence is read only through {@link Correspondence#map} and
 * {@link Correspondence#confidence} (by {@link WarpedExemplar}), so the network's map, a dense refined one
 * or the editor's corrected one all serve alike.
 */
public final class Colorizer {

    /**
     * Longer side of the working grid. Chroma varies more slowly than lightness, and the lightness-guided
     * upsampling restores its edges, so 256 samples per side keep the fine structure of a 512² photo while
     * the whole preparation stays well under the 1 s budget.
     */
    public static final int WORK_SIDE = 256;

    private Colorizer() {
    }

    /**
     * @param correspondence the (possibly user-corrected) correspondence between input and exemplar
     * @param fromInput      the direction that starts at the input (SOURCE_TO_TARGET as {@code lsa colorize}
     *                       aligns input → exemplar)
     * @param input          the image to colour (grey, or colour for a recolouring), any size
     * @param exemplar       the image whose colours to take
     */
    public static ColorizePreview prepare(Correspondence correspondence, Direction fromInput, RgbImage input,
                                          RgbImage exemplar, CancelToken cancel) {
        Objects.requireNonNull(correspondence, "correspondence");
        Objects.requireNonNull(fromInput, "fromInput");
        WarpedExemplar warp = WarpedExemplar.build(correspondence, fromInput, input, exemplar, WORK_SIDE, cancel);
        List<String> notices = new ArrayList<>();
        boolean exemplarHasColour = ColourPresence.hasColour(warp.exemplar());
        boolean inputHasColour = ColourPresence.hasColour(warp.input());
        if (!exemplarHasColour) {
            notices.add("the exemplar has no colour (it is grey), so the result is grey");
        }
        if (inputHasColour) {
            notices.add("the input is in colour: its lightness is kept and its colours are replaced (a recolouring)");
        }
        // chroma read a few pixels from where the correspondence lands, where the lightness agrees best
        float[][] snapped = LightnessSnap.read(warp, exemplar.width(), exemplar.height());
        float[] weight = ChromaEvidence.weights(warp.confidence(), snapped[2]);
        cancel.throwIfCancelled();
        LabImage inputLab = LabImage.fromRgb(input);
        int n = input.width() * input.height();
        float[][] chroma;
        if (exemplarHasColour) {
            float[][] grid = ChromaPropagation.solve(warp.input().l(), weight,
                    new float[][] {snapped[0], snapped[1]}, warp.width(), warp.height(), cancel);
            cancel.throwIfCancelled();
            chroma = warp.width() == input.width() && warp.height() == input.height() ? grid
                    : JointBilateralUpsampling.upsample(grid, warp.input().l(), warp.width(), warp.height(),
                    inputLab.l(), input.width(), input.height());
        } else {
            chroma = new float[][] {new float[n], new float[n]};
        }
        return new ColorizePreview(input, exemplar, inputLab, chroma, weight, warp.width(), warp.height(),
                correspondence.description(), List.copyOf(notices), !exemplarHasColour, inputHasColour);
    }

    /** One-shot: prepare and render at {@code strength}. */
    public static RgbImage colorize(Correspondence correspondence, Direction fromInput, RgbImage input,
                                    RgbImage exemplar, double strength) {
        return prepare(correspondence, fromInput, input, exemplar, CancelToken.NEVER).render(strength);
    }
}
