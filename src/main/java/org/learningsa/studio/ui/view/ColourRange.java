package org.learningsa.studio.ui.view;

import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchSet;

/**
 * The confidences a match colour map spans: 0–1, except for the level weight a_L, whose values sit close together
 * (≈ 0.25 for four levels), so that on 0–1 every line had the same colour: it is scaled to the shown matches' own
 * range, and legends say so ({@link #scaled}). The main view and each view of the per-scale strip use it alike.
 */
public record ColourRange(double low, double high, boolean scaled) {

    public static final ColourRange FULL = new ColourRange(0, 1, false);

    /** The range for matches of {@code kind}: their own for the level weight, else 0–1. */
    public static ColourRange of(ConfidenceKind kind, MatchSet shown) {
        if (kind != ConfidenceKind.LEVEL_WEIGHT || shown == null || shown.size() == 0) {
            return FULL;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Match match : shown.matches()) {
            low = Math.min(low, match.confidence());
            high = Math.max(high, match.confidence());
        }
        return high - low < 1e-6 ? FULL : new ColourRange(low, high, true);
    }

    /** Where {@code value} falls on the colour map, 0 at {@link #low} and 1 at {@link #high}. */
    public double fraction(double value) {
        return Math.max(0, Math.min(1, (value - low) / (high - low)));
    }
}
