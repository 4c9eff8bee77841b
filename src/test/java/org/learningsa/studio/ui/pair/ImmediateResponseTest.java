package org.learningsa.studio.ui.pair;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.StudioPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once an alignment exists, picking a point and switching the readout are plain Java on it and must
 * feel immediate. Tolerance: the median pick must stay under one 60 Hz frame (16.7 ms) and a readout
 * switch (all five match sets for the strip) under 100 ms, generous bounds for a loaded 2-core machine;
 * the measured times are logged.
 */
class ImmediateResponseTest {

    private static final Logger LOG = LoggerFactory.getLogger(ImmediateResponseTest.class);

    @Test
    void pickingAPointAndSwitchingTheReadoutTakeLessThanAFrame() {
        List<SamplePair> samples = SamplePairs.installed();
        assumeTrue(!samples.isEmpty(), "needs the sample pairs in assets/samples");
        Alignment alignment = new DefaultAligner().align(samples.get(0).source(), samples.get(0).target(),
                ProgressListener.NONE, CancelToken.NEVER);

        InspectorViewModel inspector = new InspectorViewModel();
        inspector.alignmentProperty().set(alignment);
        int picks = 200;
        long[] nanos = new long[picks];
        for (int i = 0; i < picks; i++) {
            double x = (i * 37) % alignment.source().width();
            double y = (i * 53) % alignment.source().height();
            long start = System.nanoTime();
            inspector.pick(Direction.SOURCE_TO_TARGET, x, y);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double medianPickMs = nanos[picks / 2] / 1e6;

        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/response"));
        preferences.clear();
        DisplayViewModel display = new DisplayViewModel(preferences);
        display.alignmentProperty().set(alignment);
        long[] switches = new long[10];
        for (int i = 0; i < switches.length; i++) {
            long start = System.nanoTime();
            display.readoutProperty().set(Readout.values()[i % Readout.values().length]);
            display.minConfidenceProperty().set(0.01 * i);
            switches[i] = System.nanoTime() - start;
        }
        Arrays.sort(switches);
        double medianSwitchMs = switches[switches.length / 2] / 1e6;
        LOG.info("median pick {} ms, median readout switch {} ms", medianPickMs, medianSwitchMs);
        assertTrue(medianPickMs < 16.7, "median pick took " + medianPickMs + " ms");
        assertTrue(medianSwitchMs < 100, "median readout switch took " + medianSwitchMs + " ms");
    }
}
