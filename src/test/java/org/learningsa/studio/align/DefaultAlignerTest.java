package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/** Behaviour of the weight-free aligner beyond its accuracy (DefaultAlignerAccuracyTest). */
class DefaultAlignerTest {

    private static final Path PHOTO = Path.of("assets", "samples", "dog.jpg");

    @Test
    void describingAnImageAgainFromTheCacheGivesTheSameAlignment() {
        assumeTrue(Files.isRegularFile(PHOTO), "assets/samples not found (run from the project folder)");
        RgbImage photo = ImageDecoder.decode(PHOTO);
        DecodedImage source = DecodedImage.of(photo);
        DecodedImage target = DecodedImage.of(new AffineWarp(5, 1.05, 20, -10, photo.width(), photo.height())
                .warp(photo, AffineWarp.Fill.BLACK));
        DefaultAligner aligner = new DefaultAligner();
        Alignment first = aligner.align(source, target, ProgressListener.NONE, CancelToken.NEVER);
        Alignment again = aligner.align(source, target, ProgressListener.NONE, CancelToken.NEVER);
        Alignment fresh = new DefaultAligner().align(source, target, ProgressListener.NONE, CancelToken.NEVER);
        for (Direction direction : Direction.values()) {
            assertArrayEquals(fresh.grid(Readout.FUSED, direction), first.grid(Readout.FUSED, direction));
            assertArrayEquals(fresh.grid(Readout.FUSED, direction), again.grid(Readout.FUSED, direction),
                    "the cached descriptions must not be changed by matching");
        }
    }

    @Test
    void noMatchLandsOnABlackFillOrInThePaddingRing() {
        assumeTrue(Files.isRegularFile(PHOTO), "assets/samples not found (run from the project folder)");
        RgbImage photo = ImageDecoder.decode(PHOTO);
        // shifted 15 % to the right and down: black wedges along the left and top of the target
        AffineWarp warp = new AffineWarp(0, 1.0, 0.15 * photo.width(), 0.15 * photo.height(), photo.width(),
                photo.height());
        RgbImage target = warp.warp(photo, AffineWarp.Fill.BLACK);
        Alignment alignment = new DefaultAligner().align(DecodedImage.of(photo), DecodedImage.of(target),
                ProgressListener.NONE, CancelToken.NEVER);
        MatchSet all = alignment.matches(Readout.FUSED, ConfidenceKind.PEAK_PROBABILITY, Mapping.EXACT, 1,
                PaddingMatches.KEEP);
        // the fill ends at 0.15·W − 0.5; a match may sit on the blended edge pixel, not deeper (tolerance 1 px)
        double fillEndX = 0.15 * photo.width() - 0.5;
        double fillEndY = 0.15 * photo.height() - 0.5;
        for (Match match : all.matches()) {
            assertFalse(match.inPadding(), "in the padding ring: " + match);
            assertTrue(match.target().x() >= fillEndX - 1 && match.target().y() >= fillEndY - 1,
                    "on the black fill: " + match);
        }
    }

    @Test
    void anImageOfOneFlatColourIsRefusedWithAClearMessage() {
        assumeTrue(Files.isRegularFile(PHOTO), "assets/samples not found (run from the project folder)");
        byte[] white = new byte[300 * 200 * 3];
        java.util.Arrays.fill(white, (byte) 255);
        DecodedImage blank = DecodedImage.of(new RgbImage(300, 200, white));
        DecodedImage photo = DecodedImage.of(ImageDecoder.decode(PHOTO));
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> new DefaultAligner().align(photo, blank, ProgressListener.NONE, CancelToken.NEVER));
        assertTrue(e.getMessage().contains("target image") && e.getMessage().contains("flat colour"), e.getMessage());
    }
}
