package org.learningsa.studio.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.align.PixelPoint;

/** The per-scale strip colours level weights over the colour map as the main view does (issue 22, defect 10). */
class ScaleStripColoursTest {

    private static Match weighted(double weight) {
        return new Match(new PixelPoint(1, 1), new PixelPoint(2, 2), weight, true);
    }

    @Test
    void levelWeightsNearAQuarterSpanTheWholeColourMap() {
        Match low = weighted(0.23);
        Match middle = weighted(0.25);
        Match high = weighted(0.27);
        MatchSet set = new MatchSet(List.of(low, middle, high), ConfidenceKind.LEVEL_WEIGHT);
        assertEquals(ColorMap.VIRIDIS.at(0), ScaleStrip.matchColour(ColorMap.VIRIDIS, set, low), "the lowest weight");
        assertEquals(ColorMap.VIRIDIS.at(0.5), ScaleStrip.matchColour(ColorMap.VIRIDIS, set, middle));
        assertEquals(ColorMap.VIRIDIS.at(1), ScaleStrip.matchColour(ColorMap.VIRIDIS, set, high), "the highest weight");
    }

    @Test
    void probabilitiesKeepTheirZeroToOneScale() {
        Match match = weighted(0.25);
        MatchSet set = new MatchSet(List.of(match, weighted(0.27)), ConfidenceKind.PEAK_PROBABILITY);
        assertEquals(ColorMap.VIRIDIS.at(0.25), ScaleStrip.matchColour(ColorMap.VIRIDIS, set, match));
    }
}
