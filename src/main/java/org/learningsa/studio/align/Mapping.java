package org.learningsa.studio.align;

/**
 * How a point in original pixels is mapped through the 20×20 correspondence grid.
 * {@code PAPER}: the reference's keypoint transfer (crop the border cells, ×10/9, bilinear with
 * align_corners=True, half-to-even rounding; spec §3.1), for reproducing published numbers.
 * {@code EXACT}: the geometrically exact inverse of the resize to 288 and the 16-pixel pad.
 */
public enum Mapping {
    PAPER, EXACT
}
