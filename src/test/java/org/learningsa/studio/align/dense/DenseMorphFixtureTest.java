package org.learningsa.studio.align.dense;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.apps.Morph;
import org.learningsa.studio.apps.MorphCanvas;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * The morph criterion on the layered composite: the t = 0.5 frame driven by the refined map of the
 * default aligner gains at least 3 dB PSNR over the grid-driven frame's 25.26 dB (README of
 * ../shared/fixtures/dense), scored within {@code p2_horses_cat_t050_valid.png} against the true halfway frame.
 * The grid-driven frame is measured in the same run and must reproduce the README's figure (±0.5 dB), so the
 * scoring here is the fixture's.
 */
class DenseMorphFixtureTest {

    private static final double GRID_PSNR = 25.26;

    @Test
    void theRefinedMapGainsThreeDecibelsOnTheHalfwayFrame() {
        assumeTrue(DenseFixtures.present(), "../shared/fixtures/dense not found: skipped");
        DenseFixtures.Pair pair = DenseFixtures.Pair.load("p2_horses_cat");
        RgbImage truth = ImageDecoder.decode(DenseFixtures.FOLDER.resolve("p2_horses_cat_t050_truth.png"));
        boolean[] valid = DenseFixtures.mask(DenseFixtures.FOLDER.resolve("p2_horses_cat_t050_valid.png"));
        Correspondence grid = pair.defaultCoarse();
        Correspondence refined = DenseRefiner.refine(grid, pair.source(), pair.target(), ProgressListener.NONE,
                CancelToken.NEVER);
        double gridPsnr = halfwayPsnr(grid, pair, truth, valid);
        double refinedPsnr = halfwayPsnr(refined, pair, truth, valid);
        String report = String.format(Locale.ROOT, "t = 0.5 PSNR: grid %.2f dB, refined %.2f dB", gridPsnr,
                refinedPsnr);
        assertTrue(Math.abs(gridPsnr - GRID_PSNR) <= 0.5, report + " (the grid frame should score as the README's)");
        assertTrue(refinedPsnr >= GRID_PSNR + 3, report);
    }

    private static double halfwayPsnr(Correspondence correspondence, DenseFixtures.Pair pair, RgbImage truth,
                                      boolean[] valid) {
        RgbImage a = pair.source();
        RgbImage b = pair.target();
        Morph morph = Morph.prepare(correspondence, a, b, MorphCanvas.natural(a.width(), a.height(), b.width(),
                b.height()), ProgressListener.NONE, CancelToken.NEVER);
        RgbImage frame = morph.renderRgb(0.5);
        double error = 0;
        long count = 0;
        for (int i = 0; i < valid.length; i++) {
            if (!valid[i]) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                double d = (frame.rgb()[3 * i + c] & 0xFF) - (truth.rgb()[3 * i + c] & 0xFF);
                error += d * d;
                count++;
            }
        }
        return 10 * Math.log10(255.0 * 255.0 / (error / count));
    }
}
