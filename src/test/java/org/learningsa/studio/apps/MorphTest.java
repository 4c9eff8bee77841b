package org.learningsa.studio.apps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * The morph on a pair with a known answer: the target is the sample cat photo seen through an affine map M, so
 * the true frame at time t is the source seen through T_t = (1 − t)·I + t·M, F_t(q) = A(T_t⁻¹ q). PSNR is taken
 * over the pixels whose pre-image lies inside both images (elsewhere the truth is not defined by the pair).
 */
class MorphTest {

    private static AffinePair pair;

    @BeforeAll
    static void makePair() {
        Path cat = Path.of("assets", "samples", "chelsea.png");
        assumeTrue(Files.isRegularFile(cat), "assets/samples/chelsea.png not found (run from the project folder)");
        // 451×300: rotated by 15°, scaled by 1.15 and shifted, so points move by up to about 60 pixels
        pair = AffinePair.of(ImageDecoder.decode(cat), 15, 1.15, 18, -12);
    }

    @Test
    void midpointOfTheExactCorrespondenceIsTheTrueFrameNotADissolve() {
        Morph morph = Morph.prepare(pair.correspondence(), pair.source(), pair.target(),
                MorphCanvas.natural(pair.source().width(), pair.source().height(), pair.target().width(),
                        pair.target().height()), ProgressListener.NONE, CancelToken.NEVER);
        double[] psnr = midpointPsnr(morph);
        System.out.printf(Locale.ROOT, "known affine, exact correspondence: t=0.5 PSNR morph %.2f dB, "
                + "cross-dissolve %.2f dB%n", psnr[0], psnr[1]);
        // bilinear resampling twice (the pair, then the morph) and the lattice interpolation cost a little
        assertTrue(psnr[0] >= 30, "morph PSNR " + psnr[0] + " dB < 30 dB");
        assertTrue(psnr[0] >= psnr[1] + 10, "morph " + psnr[0] + " dB is not 10 dB above the dissolve " + psnr[1]);
    }

    @Test
    void midpointThroughTheWeightFreeAlignerBeatsADissolve() {
        DecodedImage source = DecodedImage.of(pair.source());
        DecodedImage target = DecodedImage.of(pair.target());
        Alignment alignment = new DefaultAligner().align(source, target, ProgressListener.NONE, CancelToken.NEVER);
        Morph morph = Morph.prepare(new NetworkCorrespondence(alignment, Readout.FUSED), pair.source(), pair.target(),
                MorphCanvas.natural(451, 300, 451, 300), ProgressListener.NONE, CancelToken.NEVER);
        double[] psnr = midpointPsnr(morph);
        System.out.printf(Locale.ROOT, "known affine, default aligner (20x20 grid): t=0.5 PSNR morph %.2f dB, "
                + "cross-dissolve %.2f dB%n", psnr[0], psnr[1]);
        // the hand-crafted 20×20 grid is off by several pixels in places (PCK@0.05 about 0.8 on such warps), so
        // pixel-level PSNR gains less than with the exact map (measured 22.9 against 18.9 dB); the bar leaves margin
        assertTrue(psnr[0] >= psnr[1] + 2.5, "morph " + psnr[0] + " dB is not 2.5 dB above the dissolve " + psnr[1]);
    }

    @Test
    void firstFrameIsTheSourceAndLastTheTarget() {
        Morph morph = Morph.prepare(pair.correspondence(), pair.source(), pair.target(),
                MorphCanvas.natural(451, 300, 451, 300), ProgressListener.NONE, CancelToken.NEVER);
        assertArrayEquals(pair.source().rgb(), morph.renderRgb(0).rgb());
        assertArrayEquals(pair.target().rgb(), morph.renderRgb(1).rgb());
    }

    @Test
    void imagesOfDifferentSizesAreLetterboxedOnOneCanvas() {
        MorphCanvas canvas = MorphCanvas.natural(400, 300, 300, 400);
        assertEquals(400, canvas.width());
        assertEquals(400, canvas.height());
        assertEquals(new MorphCanvas.Placement(400, 300, 0, 50, 400, 300), canvas.source());
        assertEquals(new MorphCanvas.Placement(300, 400, 50, 0, 300, 400), canvas.target());
        MorphCanvas scaled = MorphCanvas.withLongSide(400, 300, 300, 400, 200);
        assertEquals(200, scaled.width());
        assertEquals(new MorphCanvas.Placement(400, 300, 0, 25, 200, 150), scaled.source());
        // same size: the images' own pixel frame
        MorphCanvas same = MorphCanvas.natural(451, 300, 451, 300);
        assertTrue(same.filled());
        assertEquals(451, same.width());
        assertEquals(300, same.height());
    }

    @Test
    void differentSizesMoveTheLetterboxedPictureFromOneRectangleToTheOther() {
        // a landscape source and a portrait target on a square canvas; the identity-like map is irrelevant here
        RgbImage landscape = pair.source();
        RgbImage portrait = AffinePair.sample(landscape, new double[] {0, 1.5, 0, 0.67, 0, 0}, 200, 300);
        org.learningsa.studio.align.Correspondence scaled = new org.learningsa.studio.align.Correspondence() {
            final org.learningsa.studio.align.ImageRef a = new org.learningsa.studio.align.ImageRef(null, 451, 300);
            final org.learningsa.studio.align.ImageRef b = new org.learningsa.studio.align.ImageRef(null, 200, 300);

            public org.learningsa.studio.align.ImageRef source() {
                return a;
            }

            public org.learningsa.studio.align.ImageRef target() {
                return b;
            }

            public PixelPoint map(org.learningsa.studio.align.Direction d, double x, double y) {
                return d == org.learningsa.studio.align.Direction.SOURCE_TO_TARGET
                        ? new PixelPoint(x * 199 / 450, y) : new PixelPoint(x * 450 / 199, y);
            }

            public double confidence(org.learningsa.studio.align.Direction d, double x, double y) {
                return 1;
            }

            public String description() {
                return "a squeeze";
            }

            public boolean semantic() {
                return false;
            }
        };
        // both scaled to the long side 451: 451×300 and 301×451, so the canvas is 451×451
        MorphCanvas canvas = MorphCanvas.natural(451, 300, 200, 300);
        assertEquals(new MorphCanvas.Placement(451, 300, 0, 75, 451, 300), canvas.source());
        assertEquals(new MorphCanvas.Placement(200, 300, 75, 0, 301, 451), canvas.target());
        Morph morph = Morph.prepare(scaled, landscape, portrait, canvas, ProgressListener.NONE, CancelToken.NEVER);
        RgbImage first = morph.renderRgb(0);
        for (int c = 0; c < 3; c++) {
            assertEquals(landscape.get(200, 100, c), first.get(200, 175, c), "the source, letterboxed, at t = 0");
        }
        assertTrue(black(first, 200, 40), "above the source at t = 0");
        RgbImage last = morph.renderRgb(1);
        assertTrue(black(last, 40, 225), "beside the target at t = 1");
        assertFalse(black(last, 225, 40), "the portrait target reaches the top at t = 1");
        // at t = 0.5 the picture spans x in [37.5, 413.5) and y in [37.5, 413): the rectangles interpolated
        RgbImage middle = morph.renderRgb(0.5);
        assertTrue(black(middle, 20, 225) && black(middle, 225, 20), "outside the picture is black");
        assertFalse(black(middle, 60, 225) || black(middle, 225, 60), "inside is the picture");
    }

    private static boolean black(RgbImage image, int x, int y) {
        return image.get(x, y, 0) + image.get(x, y, 1) + image.get(x, y, 2) == 0;
    }

    /** [PSNR of the morph's t = 0.5 frame, PSNR of a 50/50 cross-dissolve] against the true frame. */
    private static double[] midpointPsnr(Morph morph) {
        double t = 0.5;
        RgbImage frame = morph.renderRgb(t);
        double[] inverse = AffinePair.invert(pair.interpolated(t));
        RgbImage a = pair.source();
        RgbImage b = pair.target();
        double morphError = 0;
        double dissolveError = 0;
        long count = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                PixelPoint pre = AffinePair.apply(inverse, x, y);
                PixelPoint inTarget = AffinePair.apply(pair.forward(), pre.x(), pre.y());
                if (!pair.insideSource(pre) || !pair.insideSource(inTarget)) {
                    continue;
                }
                double[] truth = bilinear(a, pre);
                for (int c = 0; c < 3; c++) {
                    double dm = frame.get(x, y, c) - truth[c];
                    double dd = 0.5 * a.get(x, y, c) + 0.5 * b.get(x, y, c) - truth[c];
                    morphError += dm * dm;
                    dissolveError += dd * dd;
                }
                count += 3;
            }
        }
        assertTrue(count > 0.5 * 3 * frame.width() * frame.height(), "too few pixels inside both images: " + count);
        return new double[] {psnr(morphError / count), psnr(dissolveError / count)};
    }

    private static double[] bilinear(RgbImage image, PixelPoint p) {
        int x0 = Math.min((int) p.x(), image.width() - 2);
        int y0 = Math.min((int) p.y(), image.height() - 2);
        double fx = p.x() - x0;
        double fy = p.y() - y0;
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            double top = image.get(x0, y0, c) * (1 - fx) + image.get(x0 + 1, y0, c) * fx;
            double bottom = image.get(x0, y0 + 1, c) * (1 - fx) + image.get(x0 + 1, y0 + 1, c) * fx;
            out[c] = top * (1 - fy) + bottom * fy;
        }
        return out;
    }

    private static double psnr(double meanSquaredError) {
        return 10 * Math.log10(255.0 * 255.0 / Math.max(meanSquaredError, 1e-12));
    }
}
