package org.learningsa.studio.apps.style;

import java.util.Objects;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.image.RgbImage;

/**
 * Correspondence-guided style transfer without a generator (spec §5's substitute for the paper's
 * CoCosNet-style application): the exemplar is warped onto the input through the dense correspondence,
 * a local Lab colour model is fitted where the matches are confident (global Reinhard where they are
 * not) and applied to the full-resolution input, optionally with the exemplar's fine luminance detail.
 * The result has the input's size and keeps its structure.
 *
 * <p>{@link #prepare} reads the correspondence once (the slow part, tens of milliseconds); the returned
 * {@link StylePreview} renders any {@link StyleSettings} from it, so a strength slider only blends.
 */
public final class StyleTransfer {

    /**
     * Longer side of the grid the colour model is fitted on. The correspondence itself is a 20×20 grid
     * (plus smooth user corrections), so 160 samples per side resolve it eight times over while keeping
     * a 512×512 preview well under 200 ms.
     */
    public static final int WORK_SIDE = 160;

    private StyleTransfer() {
    }

    /**
     * @param correspondence the (possibly user-corrected) correspondence between input and exemplar
     * @param fromInput      the direction that starts at the input: TARGET_TO_SOURCE when the input is the
     *                       correspondence's target (as {@code lsa style} aligns exemplar → input)
     * @param input          the input's pixels (any size; scaled to the correspondence's frame)
     * @param exemplar       the exemplar's pixels
     */
    public static StylePreview prepare(Correspondence correspondence, Direction fromInput, RgbImage input,
                                       RgbImage exemplar, CancelToken cancel) {
        Objects.requireNonNull(correspondence, "correspondence");
        Objects.requireNonNull(fromInput, "fromInput");
        WarpedExemplar warp = WarpedExemplar.build(correspondence, fromInput, input, exemplar, WORK_SIDE, cancel);
        return new StylePreview(input, exemplar, warp, correspondence.description());
    }

    /** One-shot: prepare and render. */
    public static RgbImage transfer(Correspondence correspondence, Direction fromInput, RgbImage input,
                                    RgbImage exemplar, StyleSettings settings) {
        return prepare(correspondence, fromInput, input, exemplar, CancelToken.NEVER).render(settings);
    }
}
