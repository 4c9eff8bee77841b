package org.learningsa.studio.ui.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.ui.StudioPreferences;
import org.learningsa.studio.ui.SyntheticAligner;
import org.learningsa.studio.ui.view.ColorMap;
import org.learningsa.studio.ui.view.ColourRange;

/** Overlay options and the inspector on a known alignment (the synthetic one: level L shifts by L − 1 cells). */
class DisplayAndInspectorViewModelTest {

    private final Map<String, float[]> outputs = SyntheticAligner.outputs();
    private final Alignment alignment = Alignment.fromOutputs(new ImageRef(null, 288, 288), new ImageRef(null, 576, 288),
            "synthetic", false, outputs::get);
    private StudioPreferences preferences;

    @BeforeEach
    void cleanPreferences() {
        preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/display"));
        preferences.clear();
    }

    @Test
    void levelWeightColoursSpanTheShownValuesNotZeroToOne() {
        // four levels' weights sit near 0.25: on a 0–1 scale every line had the same colour
        java.util.List<Match> matches = new java.util.ArrayList<>();
        for (double weight : new double[] {0.23, 0.25, 0.27}) {
            matches.add(new Match(new org.learningsa.studio.align.PixelPoint(1, 1), new org.learningsa.studio.align.PixelPoint(2, 2),
                    weight, true));
        }
        ColourRange range = ColourRange.of(ConfidenceKind.LEVEL_WEIGHT,
                new MatchSet(matches, ConfidenceKind.LEVEL_WEIGHT));
        assertEquals(new ColourRange(0.23, 0.27, true), range);
        assertEquals(0.5, range.fraction(0.25), 1e-9, "0.25 is mid-scale, not a quarter of it");
        assertEquals(ColourRange.FULL, ColourRange.of(ConfidenceKind.PEAK_PROBABILITY,
                new MatchSet(matches, ConfidenceKind.PEAK_PROBABILITY)), "probabilities keep 0–1");

        DisplayViewModel display = new DisplayViewModel(preferences);
        display.alignmentProperty().set(alignment);
        display.confidenceKindProperty().set(ConfidenceKind.PEAK_PROBABILITY);
        assertEquals(ColourRange.FULL, display.colourRangeProperty().get());
    }

    @Test
    void filtersKeepTheTopNAboveTheMinimumConfidence() {
        DisplayViewModel display = new DisplayViewModel(preferences);
        assertNull(display.visibleMatchesProperty().get(), "nothing to show before a run");
        // the synthetic peak probabilities differ per cell (its fused readout is perfectly consistent)
        display.confidenceKindProperty().set(ConfidenceKind.PEAK_PROBABILITY);
        display.alignmentProperty().set(alignment);
        display.topNProperty().set(DisplayViewModel.MAX_MATCHES);
        assertEquals(324, display.visibleMatchesProperty().get().size(), "all 18×18 interior cells");
        display.topNProperty().set(50);
        MatchSet top = display.visibleMatchesProperty().get();
        assertEquals(50, top.size());
        display.minConfidenceProperty().set(0.8);
        for (Match match : display.visibleMatchesProperty().get().matches()) {
            assertTrue(match.confidence() >= 0.8);
        }
        assertTrue(display.visibleMatchesProperty().get().size() < 50);
    }

    @Test
    void switchingTheReadoutShowsThatLevelsMatchesAndEveryLevelIsReadyForTheStrip() {
        DisplayViewModel display = new DisplayViewModel(preferences);
        display.alignmentProperty().set(alignment);
        display.topNProperty().set(DisplayViewModel.MAX_MATCHES);
        MatchSet fused = display.visibleMatchesProperty().get();
        display.readoutProperty().set(Readout.LEVEL_3);
        MatchSet level3 = display.visibleMatchesProperty().get();
        assertNotEquals(fused.matches(), level3.matches());
        // level 3 maps two cells (2 × 16 canvas px = 2 × 32 target px) to the right; tolerance 1e-3 px (float grid)
        Match anyLeft = level3.matches().stream().filter(m -> m.source().x() < 100).findFirst().orElseThrow();
        assertEquals(anyLeft.source().x() * 2 + 0.5 + 64, anyLeft.target().x(), 1e-3);
        assertEquals(5, display.matchesPerReadoutProperty().get().size());
    }

    @Test
    void optionsAreRememberedAcrossRestarts() {
        DisplayViewModel display = new DisplayViewModel(preferences);
        display.colorMapProperty().set(ColorMap.TURBO);
        display.readoutProperty().set(Readout.LEVEL_2);
        display.confidenceKindProperty().set(ConfidenceKind.FORWARD_BACKWARD);
        display.topNProperty().set(77);
        display.showCellGridProperty().set(true);
        DisplayViewModel restarted = new DisplayViewModel(preferences);
        assertEquals(ColorMap.TURBO, restarted.colorMapProperty().get());
        assertEquals(Readout.LEVEL_2, restarted.readoutProperty().get());
        assertEquals(ConfidenceKind.FORWARD_BACKWARD, restarted.confidenceKindProperty().get());
        assertEquals(77, restarted.topNProperty().get());
        assertTrue(restarted.showCellGridProperty().get());
    }

    @Test
    void pickingASourcePointShowsItsMatchConfidencesAndHeatmap() {
        InspectorViewModel inspector = new InspectorViewModel();
        inspector.alignmentProperty().set(alignment);
        inspector.pick(Direction.SOURCE_TO_TARGET, 100, 120);
        Inspection shown = inspector.inspectionProperty().get();
        assertNotNull(shown);
        assertEquals(100, shown.sourcePoint().x());
        // fused readout is the identity in cell units: x scales by 576/288 (pixel centres), tolerance 1e-3 px
        assertEquals((100 + 0.5) * 2 - 0.5, shown.targetPoint().x(), 1e-3);
        assertEquals(120, shown.targetPoint().y(), 1e-3);
        assertEquals(3, shown.confidences().size());
        shown.confidences().values().forEach(c -> assertTrue(c >= 0 && c <= 1));
        assertEquals(400, shown.heatmap().length);
        assertEquals(5, shown.perReadout().size());
        assertEquals(1.0, shown.confidences().get(ConfidenceKind.FORWARD_BACKWARD), 1e-6, "identity returns to the start");

        inspector.readoutProperty().set(Readout.LEVEL_2);
        assertEquals(Readout.LEVEL_2, inspector.inspectionProperty().get().readout());
        assertEquals(shown.targetPoint().x() + 32, inspector.inspectionProperty().get().targetPoint().x(), 1e-3,
                "level 2 maps one cell (32 target px) further right");
    }

    @Test
    void aPickIsForgottenWhenAnotherPairIsShownEvenAfterAGap() {
        InspectorViewModel inspector = new InspectorViewModel();
        inspector.alignmentProperty().set(alignment);
        inspector.pick(Direction.SOURCE_TO_TARGET, 100, 120);
        inspector.alignmentProperty().set(null);
        assertNull(inspector.inspectionProperty().get(), "nothing to inspect while the pair has no result");
        inspector.alignmentProperty().set(alignment);
        assertNotNull(inspector.inspectionProperty().get(), "back on the same pair, the pick is still there");
        inspector.alignmentProperty().set(null);
        inspector.alignmentProperty().set(Alignment.fromOutputs(new ImageRef(null, 300, 200), new ImageRef(null, 300, 200),
                "synthetic", false, outputs::get));
        assertNull(inspector.inspectionProperty().get(), "another pair starts without a pick");
    }

    @Test
    void pointsOutsideTheImageAreIgnored() {
        InspectorViewModel inspector = new InspectorViewModel();
        inspector.alignmentProperty().set(alignment);
        inspector.pick(Direction.TARGET_TO_SOURCE, 600, 10);
        assertNull(inspector.inspectionProperty().get());
        inspector.pick(Direction.TARGET_TO_SOURCE, 300, 10);
        assertEquals(Direction.TARGET_TO_SOURCE, inspector.inspectionProperty().get().direction());
    }

    @Test
    void colourMapsRunFromTheirFirstToTheirLastStop() {
        assertEquals(javafx.scene.paint.Color.web("#440154"), ColorMap.VIRIDIS.at(0));
        assertEquals(javafx.scene.paint.Color.web("#fde725"), ColorMap.VIRIDIS.at(1));
        assertEquals(ColorMap.VIRIDIS.at(0), ColorMap.VIRIDIS.at(Double.NaN));
        assertEquals(0xFF440154, ColorMap.VIRIDIS.argb(-3, 1));
    }
}
