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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * The quality bar of the weight-free default aligner (issue 5) on affine warps of the real sample photos:
 * PCK of the fused readout at the interior 18×18 source cell centres whose true position lies inside the
 * target, threshold α·max(W, H) of the target, against the exact warp; PCK is averaged over pairs like the
 * paper. Matches in the target's padding ring count too, at the border pixel they are clamped to. The
 * identity baseline (every point stays where it is) is computed on the same points so a matcher that barely
 * moves points cannot pass. Every bar is checked for each of the three ways of making a pair
 * ({@link PairMaking}); {@code -Dpck.pairs=BLACK} (or WINDOW, MIRROR) runs one of them alone.
 */
class DefaultAlignerAccuracyTest {

    private static final List<String> PHOTOS = List.of("dog.jpg", "horses.jpg", "person.jpg", "chelsea.png",
            "motorcycle_left.png", "scream.jpg", "apple.jpg", "orange.jpg");
    private static final int WARPS_PER_PHOTO = 3;
    private static final List<RgbImage> IMAGES = new ArrayList<>();
    /**
     * How a pair is made from a photo. WINDOW: the source is the central 60 % window of the photo and the
     * target the warped view of the whole photo around it, so both images show real scene content
     * everywhere, as a real second photo would (the photo's mirror image only where even the photo ends).
     * MIRROR and BLACK warp the whole photo and fill what comes into view with its mirror image or with
     * black, the plain variant a user thinks of first: a straight black edge no real pair has, which the
     * aligner must not take for part of the scene.
     */
    enum PairMaking { WINDOW, MIRROR, BLACK }

    /** Only this variant when set ({@code -Dpck.pairs=BLACK}), else all three. */
    private static final String ONLY_PAIRS = System.getProperty("pck.pairs", "");
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

    /** Bar of issue 5: PCK@0.05 ≥ 0.8 and ≥ identity + 0.3, with 24 pairs of about 290 points each. */
    @ParameterizedTest(name = "{0} pairs")
    @EnumSource(PairMaking.class)
    void mildWarpsAreMatchedWithinFivePercent(PairMaking pairs) {
        skipUnlessSelected(pairs);
        Score score = evaluate(pairs, new Random(5), 8, 0.9, 1.1, 0.10, 0.05);
        print("mild (rot <= 8 deg, scale 0.9-1.1, shift <= 10 %), PCK@0.05", pairs, score);
        assertTrue(score.pck() >= 0.8, pairs + " pairs: PCK@0.05 " + score.pck() + " < 0.8");
        assertTrue(score.pck() >= score.identityPck() + 0.3,
                pairs + " pairs: not 0.3 above identity " + score.identityPck());
    }

    /** Bar of issue 5: PCK@0.1 ≥ 0.6 and ≥ identity + 0.3. */
    @ParameterizedTest(name = "{0} pairs")
    @EnumSource(PairMaking.class)
    void strongWarpsAreMatchedWithinTenPercent(PairMaking pairs) {
        skipUnlessSelected(pairs);
        Score score = evaluate(pairs, new Random(20), 20, 0.8, 1.25, 0.20, 0.10);
        print("strong (rot <= 20 deg, scale 0.8-1.25, shift <= 20 %), PCK@0.1", pairs, score);
        assertTrue(score.pck() >= 0.6, pairs + " pairs: PCK@0.1 " + score.pck() + " < 0.6");
        assertTrue(score.pck() >= score.identityPck() + 0.3,
                pairs + " pairs: not 0.3 above identity " + score.identityPck());
    }

    private static void skipUnlessSelected(PairMaking pairs) {
        assumeTrue(ONLY_PAIRS.isEmpty() || ONLY_PAIRS.equalsIgnoreCase(pairs.name()),
                "-Dpck.pairs=" + ONLY_PAIRS + " selects another variant");
    }

    private static void print(String label, PairMaking pairs, Score score) {
        System.out.printf(Locale.ROOT, "default aligner %s, %s pairs: %.3f, identity baseline %.3f (%d points)%n",
                label, pairs, score.pck(), score.identityPck(), score.points());
    }

    static Score evaluate(PairMaking pairMaking, Random random, double maxRotation, double minScale, double maxScale,
                          double maxShift, double alpha) {
        DefaultAligner aligner = new DefaultAligner();
        double pckSum = 0;
        double identitySum = 0;
        int pairs = 0;
        int points = 0;
        for (RgbImage image : IMAGES) {
            RgbImage source = image;
            int offsetX = 0;
            int offsetY = 0;
            if (pairMaking == PairMaking.WINDOW) {
                int windowWidth = (int) Math.round(image.width() * WINDOW_FRACTION);
                int windowHeight = (int) Math.round(image.height() * WINDOW_FRACTION);
                offsetX = (image.width() - windowWidth) / 2;
                offsetY = (image.height() - windowHeight) / 2;
                source = AffineWarp.crop(image, offsetX, offsetY, windowWidth, windowHeight);
            }
            // one source image object per photo: the aligner describes it once for all its warps
            DecodedImage decodedSource = DecodedImage.of(source);
            for (int w = 0; w < WARPS_PER_PHOTO; w++) {
                AffineWarp warp = AffineWarp.random(random, source.width(), source.height(),
                        maxRotation, minScale, maxScale, maxShift);
                RgbImage target = warp.warp(image, offsetX, offsetY,
                        pairMaking == PairMaking.BLACK ? AffineWarp.Fill.BLACK : AffineWarp.Fill.MIRROR);
                Alignment alignment = aligner.align(decodedSource, DecodedImage.of(target),
                        ProgressListener.NONE, CancelToken.NEVER);
                double threshold = alpha * Math.max(target.width(), target.height());
                int correct = 0;
                int identityCorrect = 0;
                int valid = 0;
                for (Match match : alignment.matches(Readout.FUSED, ConfidenceKind.PEAK_PROBABILITY, Mapping.EXACT, 1,
                        PaddingMatches.KEEP).matches()) {
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
