package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.LearningSaWeights;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.RgbImage;

/**
 * The LearningSA aligner on the fixtures' hashed weights (real architecture, deterministic weights): the
 * result is a complete alignment in original coordinates, and the feature cache re-uses an image's side.
 */
class LearningSaAlignerTest {

    private static DecodedImage noise(long seed, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        new Random(seed).nextBytes(rgb);
        return DecodedImage.of(new RgbImage(width, height, rgb));
    }

    @Test
    void swappingOnlyTheTargetReusesTheSourceFeatures() {
        DecodedImage a = noise(1, 200, 150);
        DecodedImage b = noise(2, 160, 160);
        DecodedImage c = noise(3, 300, 100);
        try (LearningSaAligner aligner = new LearningSaAligner(
                new LearningSaNetwork(LearningSaWeights.hashed(Device.cpu())), "LearningSA (hashed weights)")) {
            Alignment first = aligner.align(a, b, ProgressListener.NONE, CancelToken.NEVER);
            assertEquals(2, aligner.encodings());
            aligner.align(a, c, ProgressListener.NONE, CancelToken.NEVER);
            assertEquals(3, aligner.encodings(), "the source side came from the cache");
            Alignment again = aligner.align(a, b, ProgressListener.NONE, CancelToken.NEVER);
            assertEquals(3, aligner.encodings(), "both sides came from the cache");

            assertTrue(first.semantic());
            assertEquals(200, first.source().width());
            assertEquals(160, first.target().height());
            assertEquals(java.util.Arrays.toString(first.grid(Readout.FUSED, Direction.TARGET_TO_SOURCE)),
                    java.util.Arrays.toString(again.grid(Readout.FUSED, Direction.TARGET_TO_SOURCE)));
            for (Match match : first.matches(Readout.LEVEL_4, ConfidenceKind.LEVEL_WEIGHT).matches()) {
                assertTrue(match.target().x() >= -0.5 && match.target().x() <= 159.5, match.toString());
                assertTrue(match.confidence() >= 0 && match.confidence() <= 1, match.toString());
            }
        }
    }
}
