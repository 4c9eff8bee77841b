package org.learningsa.studio.ui.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.StudioPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weight-free default aligner on a cross-instance pair (dog → horses) must not look sure of
 * matches it guesses: it is coloured by forward–backward consistency unless the user chose another
 * kind, the view says how many of all matches it shows, and a consistent-only filter is at hand.
 */
class DefaultAlignerHonestyTest {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAlignerHonestyTest.class);
    private static Alignment dogToHorses;
    private StudioPreferences preferences;

    @BeforeAll
    static void align() {
        SamplePair pair = SamplePairs.installed().stream().filter(p -> p.name().equals("dog-horses")).findFirst().orElse(null);
        assumeTrue(pair != null, "needs the dog-horses sample pair in assets/samples");
        dogToHorses = new DefaultAligner().align(pair.source(), pair.target(), ProgressListener.NONE, CancelToken.NEVER);
    }

    @BeforeEach
    void cleanPreferences() {
        preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/honesty"));
        preferences.clear();
    }

    @Test
    void aWeightFreeResultIsColouredByForwardBackwardConsistencyUntilTheUserChooses() {
        DisplayViewModel display = new DisplayViewModel(preferences);
        display.alignmentProperty().set(dogToHorses);
        assertEquals(ConfidenceKind.FORWARD_BACKWARD, display.confidenceKindProperty().get());
        MatchSet shown = display.visibleMatchesProperty().get();
        assertEquals(ConfidenceKind.FORWARD_BACKWARD, shown.confidenceKind());

        // what a new user saw before: the top 80 by peak probability, all close to 1
        MatchSet byPeak = dogToHorses.matches(org.learningsa.studio.align.Readout.FUSED, ConfidenceKind.PEAK_PROBABILITY).top(80);
        double peakMean = byPeak.matches().stream().mapToDouble(Match::confidence).average().orElseThrow();
        double consistencyOfThose = byPeak.matches().stream().mapToDouble(m -> dogToHorses.confidence(
                org.learningsa.studio.align.Direction.SOURCE_TO_TARGET, m.source().x(), m.source().y(),
                org.learningsa.studio.align.Readout.FUSED, ConfidenceKind.FORWARD_BACKWARD)).average().orElseThrow();
        long mutual = byPeak.matches().stream().filter(Match::mutual).count();
        String summary = String.format(java.util.Locale.ROOT,
                "dog → horses, top 80 by peak: mean peak %.3f, mean forward–backward %.3f, %d of 80 mutual",
                peakMean, consistencyOfThose, mutual);
        LOG.info(summary);
        // measured: mean peak 0.963, mean forward–backward 0.081, 6 of 80 mutual; the bound leaves room for
        // descriptor changes while still telling "sure" from "guessing"
        assertTrue(peakMean > 0.8 && consistencyOfThose < 0.4, summary);

        display.confidenceKindProperty().set(ConfidenceKind.PEAK_PROBABILITY);
        display.alignmentProperty().set(null);
        display.alignmentProperty().set(dogToHorses);
        assertEquals(ConfidenceKind.PEAK_PROBABILITY, display.confidenceKindProperty().get(), "the user's choice stays");
        assertEquals(ConfidenceKind.PEAK_PROBABILITY, new DisplayViewModel(preferences).confidenceKindProperty().get(),
                "and is remembered");
    }

    @Test
    void theViewSaysHowManyOfAllMatchesItShowsAndCanKeepOnlyConsistentOnes() {
        DisplayViewModel display = new DisplayViewModel(preferences);
        assertEquals("", display.matchCountProperty().get(), "nothing to count before a run");
        display.alignmentProperty().set(dogToHorses);
        int all = dogToHorses.matches(org.learningsa.studio.align.Readout.FUSED, ConfidenceKind.FORWARD_BACKWARD).size();
        assertEquals("Showing 80 of " + all + " matches", display.matchCountProperty().get());

        display.topNProperty().set(DisplayViewModel.MAX_MATCHES);
        int before = display.visibleMatchesProperty().get().size();
        display.consistentOnlyProperty().set(true);
        MatchSet consistent = display.visibleMatchesProperty().get();
        assertTrue(consistent.matches().stream().allMatch(Match::mutual), "only matches whose way back returns");
        assertTrue(consistent.size() < before, "a cross-instance pair has inconsistent matches to hide: "
                + consistent.size() + " of " + before);
        assertEquals("Showing " + consistent.size() + " of " + all + " matches (consistent only)", display.matchCountProperty().get());
        assertTrue(new DisplayViewModel(preferences).consistentOnlyProperty().get(), "the filter is remembered");
    }
}
