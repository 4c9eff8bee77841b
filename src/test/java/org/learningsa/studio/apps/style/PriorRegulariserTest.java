package org.learningsa.studio.apps.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/** The prior's regularisation and its alignment to the images. */
class PriorRegulariserTest {

    private static final int SIDE = 96;

    /** An affine map q = A·p + t on a SIDE² grid into an exemplar of the same size. */
    private static double[] affine(int x, int y) {
        double angle = Math.toRadians(6);
        double scale = 1.05;
        double cx = x - SIDE / 2.0;
        double cy = y - SIDE / 2.0;
        return new double[] {SIDE / 2.0 + scale * (Math.cos(angle) * cx - Math.sin(angle) * cy) + 3.3,
            SIDE / 2.0 + scale * (Math.sin(angle) * cx + Math.cos(angle) * cy) - 2.1};
    }

    @Test
    void aNoisyAffineMapWithWrongMatchesComesBackToWithinATenthOfAPixel() {
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[SIDE * SIDE];
        float[] y = new float[SIDE * SIDE];
        float[] confidence = new float[SIDE * SIDE];
        for (int gy = 0; gy < SIDE; gy++) {
            for (int gx = 0; gx < SIDE; gx++) {
                int i = gy * SIDE + gx;
                double[] q = affine(gx, gy);
                boolean wrong = random.nextDouble() < 0.1;
                // one match in ten is 15-25 px off yet confident; the rest have a pixel of noise
                x[i] = (float) (q[0] + (wrong ? 15 + 10 * random.nextDouble() : random.nextGaussian()));
                y[i] = (float) (q[1] + (wrong ? -20 : random.nextGaussian()));
                confidence[i] = (float) (0.6 + 0.3 * random.nextDouble());
            }
        }
        CorrespondencePrior prior = new CorrespondencePrior(SIDE, SIDE, x, y, confidence);
        CorrespondencePrior regular = PriorRegulariser.regularise(prior, SIDE, SIDE);
        double before = 0;
        double after = 0;
        for (int gy = 0; gy < SIDE; gy++) {
            for (int gx = 0; gx < SIDE; gx++) {
                int i = gy * SIDE + gx;
                double[] q = affine(gx, gy);
                before += Math.hypot(x[i] - q[0], y[i] - q[1]);
                after += Math.hypot(regular.exemplarX()[i] - q[0], regular.exemplarY()[i] - q[1]);
            }
        }
        before /= SIDE * SIDE;
        after /= SIDE * SIDE;
        assertTrue(before > 2, "the test's noise is too weak: " + before);
        assertTrue(after < 0.1, "mean error after the fit " + after + " px (before " + before + ")");
        assertTrue(regular.meanConfidence() >= prior.meanConfidence(), "confidence fell");
    }

    @Test
    void aCertainMatchTheFitDoesNotExplainIsKept() {
        float[] x = new float[SIDE * SIDE];
        float[] y = new float[SIDE * SIDE];
        float[] confidence = new float[SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % SIDE;
            y[i] = (float) (i / SIDE);
            confidence[i] = 0.8f;
        }
        int point = 40 * SIDE + 50;
        x[point] += 12;
        confidence[point] = 1f;
        CorrespondencePrior regular = PriorRegulariser.regularise(new CorrespondencePrior(SIDE, SIDE, x, y, confidence),
                SIDE, SIDE);
        assertEquals(62, regular.exemplarX()[point], 1e-4);
        assertEquals(51, regular.exemplarX()[point + 1], 0.05);
    }

    @Test
    void anEmptyPriorStaysWhereItWas() {
        float[] x = new float[SIDE * SIDE];
        float[] y = new float[SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = 5 + i % SIDE;
            y[i] = 7;
        }
        CorrespondencePrior regular = PriorRegulariser.regularise(
                new CorrespondencePrior(SIDE, SIDE, x, y, new float[x.length]), SIDE, SIDE);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], regular.exemplarX()[i], 0f);
            assertEquals(7f, regular.exemplarY()[i], 0f);
        }
    }

    @Test
    void theAlignmentFindsAKnownSubPixelShiftThatThePriorMissedByTwoPixels() {
        Path file = Path.of("assets", "samples", "horses.jpg");
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " not found (run from the project folder)");
        RgbImage full = ImageDecoder.decode(file);
        RgbImage input = AreaResize.resize(full, 160, Math.round(160f * full.height() / full.width()));
        // the exemplar shows the input's point p at p + (2.4, -1.3)
        double shiftX = 2.4;
        double shiftY = -1.3;
        byte[] moved = new byte[input.rgb().length];
        float[][] planes = new float[3][input.width() * input.height()];
        for (int i = 0; i < planes[0].length; i++) {
            for (int c = 0; c < 3; c++) {
                planes[c][i] = input.rgb()[3 * i + c] & 0xFF;
            }
        }
        for (int yy = 0; yy < input.height(); yy++) {
            for (int xx = 0; xx < input.width(); xx++) {
                for (int c = 0; c < 3; c++) {
                    float v = Planes.bilinear(planes[c], input.width(), input.height(), xx - shiftX, yy - shiftY);
                    moved[3 * (yy * input.width() + xx) + c] = (byte) Math.round(v);
                }
            }
        }
        RgbImage exemplar = new RgbImage(input.width(), input.height(), moved);
        int n = input.width() * input.height();
        float[] x = new float[n];
        float[] y = new float[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            // the prior is off by two pixels in x
            x[i] = (float) (i % input.width() + shiftX - 2);
            y[i] = (float) (i / input.width() + shiftY);
            confidence[i] = 0.7f;
        }
        CorrespondencePrior prior = new CorrespondencePrior(input.width(), input.height(), x, y, confidence);
        float[][] aligned = PriorAlignment.align(prior, input, exemplar, CancelToken.NEVER);
        CorrespondencePrior realigned = PriorRegulariser.realign(prior, aligned, exemplar.width(), exemplar.height());
        double error = 0;
        int counted = 0;
        for (int yy = 12; yy < input.height() - 12; yy++) {
            for (int xx = 12; xx < input.width() - 12; xx++) {
                int i = yy * input.width() + xx;
                error += Math.hypot(realigned.exemplarX()[i] - (xx + shiftX), realigned.exemplarY()[i] - (yy + shiftY));
                counted++;
            }
        }
        assertTrue(error / counted < 0.15, "mean error after alignment " + error / counted + " px (before 2)");
    }
}
