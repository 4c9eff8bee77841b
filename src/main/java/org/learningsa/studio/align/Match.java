package org.learningsa.studio.align;

/**
 * One correspondence in original pixel coordinates.
 *
 * @param confidence in [0, 1], of the {@link ConfidenceKind} the match set was built with; 0 in the padding
 * @param mutual     whether the way back (target → source) returns to within one grid cell of the start
 * @param inPadding  whether the target lies in the padding ring beyond the target image's edge (then
 *                   {@code target} is the nearest border pixel; see {@link PaddingMatches})
 */
public record Match(PixelPoint source, PixelPoint target, double confidence, boolean mutual, boolean inPadding) {

    /** A match on the target image. */
    public Match(PixelPoint source, PixelPoint target, double confidence, boolean mutual) {
        this(source, target, confidence, mutual, false);
    }
}
