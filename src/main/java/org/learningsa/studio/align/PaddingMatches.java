package org.learningsa.studio.align;

/**
 * What a {@link MatchSet} does with the matches that land in the other image's padding ring: the 16-pixel
 * frame the reference preprocessing adds around the 288×288 image (spec §1.1). Such a match points beyond
 * the image's pixel edge, at no content; {@link Alignment#map} reports it clamped to the nearest border
 * pixel, so many of them pile up along the border and at the corners.
 */
public enum PaddingMatches {
    /** Leave them out (the default of {@link Alignment#matches(Readout, ConfidenceKind)}): the set may hold fewer than 18×18. */
    EXCLUDE,
    /**
     * Keep them, clamped to the border like {@link Alignment#map}, marked {@link Match#inPadding()} with
     * confidence 0 and not mutual: for evaluations that must count every point.
     */
    KEEP
}
