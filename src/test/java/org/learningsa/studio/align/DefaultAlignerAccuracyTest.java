package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * The quality bar of the weight-free default aligner (issue 5) on affine warps of the real sample photos:
 * PCK of the fused readout at the interior 18×18 source cell centres whose true position lies inside the
 * target, threshold α·max(W, H) of the target, against the exact warp; PCK is averaged over pairs like the
 * paper. The identity baseline (every point stays where it is) is computed on the same points so a matcher
 * that barely moves points cannot pass.
 */
class DefaultAlignerAccuracyTest {

    private static final List<String> PHOTOS = List.of("dog.jpg", "horses.jpg", "person.jpg", "chelsea.png",
            "motorcycle_left.png", "scream.jpg", "apple.jpg", "orange.jpg");
    private static final int WARPS_PER_PHOTO = 3;
    private static final List<RgbImage> IMAGES = new ArrayList<>();
    /**
     * How a pair is made from a photo. WINDOW (default): the source is the central 60 % window of the photo
     * and the target the warped view of the whole photo around it, so both images show real scene content
     * everywhere, as a real second photo would (the photo's mirror image only where even the photo ends).
     * MIRROR and BLACK warp the whole photo and fill what comes into view with its mirror image or black;
     * {@code -Dpck.pairs=BLACK} reports that harder, artificial variant (a straight black edge no real pair has).
     */
    enum PairMaking { WINDOW, MIRROR, BLACK }

    private static final PairMaking PAIRS = PairMaking.valueOf(System.getProperty("pck.pairs", "WINDOW"));
    /** Side of the source window as a fraction of the photo (WINDOW pairs). */
    private static final double WINDOW_FRACTION = 0.6;

    @BeforeAll
    static void loadPhotos() {
        Path samples = Path.of("assets", "samples");
        assumeTrue(Files.isDirectory(samples), "assets/samples not found (run from the project folder)");
        for (String name : PHOTOS) {
            IMAGES.add(ImageDecoder.decode(samples.resolve(name)));
        }
    }

    record Score(double pck, double identityPck, int points) {
    }

    @Test
    void mildWarpsAreMatchedWithinFivePercent() {
        Score score = evaluate(new Random(5), 8, 0.9, 1.1, 0.10, 0.05);
        print("mild (rot <= 8 deg, scale 0.9-1.1, shift <= 10 %), PCK@0.05", score);
        assertTrue(score.pck() >= 0.8, "PCK@0.05 " + score.pck() + " < 0.8");
        assertTrue(score.pck() >= score.identityPck() + 0.3, "not 0.3 above identity " + score.identityPck());
    }

    @Test
    void strongWarpsAreMatchedWithinTenPercent() {
        Score score = evaluate(new Random(20), 20, 0.8, 1.25, 0.20, 0.10);
        print("strong (rot <= 20 deg, scale 0.8-1.25, shift <= 20 %), PCK@0.1", score);
        assertTrue(score.pck() >= 0.6, "PCK@0.1 " + score.pck() + " < 0.6");
        assertTrue(score.pck() >= score.identityPck() + 0.3, "not 0.3 above identity " + score.identityPck());
    }

    private static void print(String label, Score score) {
        System.out.printf(Locale.ROOT, "default aligner %s, %s pairs: %.3f, identity baseline %.3f (%d points)%n",
                label, PAIRS, score.pck(), score.identityPck(), score.points());
    }

    static Score evaluate(Random random, double maxRotation, double minScale, double maxScale, double maxShift,
                          double alpha) {
        DefaultAligner aligner = new DefaultAligner();
        double pckSum = 0;
        double identitySum = 0;
        int pairs = 0;
        int points = 0;
        for (RgbImage image : IMAGES) {
            for (int w = 0; w < WARPS_PER_PHOTO; w++) {
                RgbImage source = image;
                int offsetX = 0;
                int offsetY = 0;
                if (PAIRS == PairMaking.WINDOW) {
                    int windowWidth = (int) Math.round(image.width() * WINDOW_FRACTION);
                    int windowHeight = (int) Math.round(image.height() * WINDOW_FRACTION);
                    offsetX = (image.width() - windowWidth) / 2;
                    offsetY = (image.height() - windowHeight) / 2;
                    source = AffineWarp.crop(image, offsetX, offsetY, windowWidth, windowHeight);
                }
                AffineWarp warp = AffineWarp.random(random, source.width(), source.height(),
                        maxRotation, minScale, maxScale, maxShift);
                RgbImage target = warp.warp(image, offsetX, offsetY,
                        PAIRS == PairMaking.BLACK ? AffineWarp.Fill.BLACK : AffineWarp.Fill.MIRROR);
                Alignment alignment = aligner.align(DecodedImage.of(source), DecodedImage.of(target),
                        ProgressListener.NONE, CancelToken.NEVER);
                double threshold = alpha * Math.max(target.width(), target.height());
                int correct = 0;
                int identityCorrect = 0;
                int valid = 0;
                for (Match match : alignment.matches(Readout.FUSED, ConfidenceKind.PEAK_PROBABILITY).matches()) {
                    PixelPoint truth = warp.apply(match.source().x(), match.source().y());
                    if (!warp.inside(truth)) {
                        continue;
                    }
                    valid++;
                    if (match.target().distance(truth) <= threshold) {
                        correct++;
                    }
                    if (match.source().distance(truth) <= threshold) {
                        identityCorrect++;
                    }
                }
                if (valid > 0) {
                    pckSum += (double) correct / valid;
                    identitySum += (double) identityCorrect / valid;
                    pairs++;
                    points += valid;
                    System.out.printf(Locale.ROOT, "  %s rot %.1f scale %.2f shift (%.0f, %.0f): PCK %.3f identity %.3f%n",
                            source.width() + "x" + source.height(), warp.rotationDegrees(), warp.scale(),
                            warp.shiftX(), warp.shiftY(), (double) correct / valid, (double) identityCorrect / valid);
                }
            }
        }
        return new Score(pckSum / pairs, identitySum / pairs, points);
    }
}
