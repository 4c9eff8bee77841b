package org.learningsa.studio.align;

/**
 * One correspondence in original pixel coordinates.
 *
 * @param confidence in [0, 1], of the {@link ConfidenceKind} the match set was built with
 * @param mutual     whether the way back (target → source) returns to within one grid cell of the start
 */
public record Match(PixelPoint source, PixelPoint target, double confidence, boolean mutual) {
}
