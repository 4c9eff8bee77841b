package org.learningsa.studio.apps.style;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * The patch method on cases with a known answer: the input is a sample photo, the exemplar is a painterly
 * filter of it moved by a known affine map, so the truth is the filter applied to the input; the exemplar
 * warped back by the exact map is the best a warp can do. The criterion: the patch output must be
 * at least halfway, in PSNR and in grey SSIM, from the colour method's output to that warp-back.
 */
class PatchStyleTransferTest {

    /** One known-truth case and the three outputs measured against its truth. */
    private record Case(String name, RgbImage input, RgbImage truth, RgbImage exemplar, AffineCorrespondence map) {

        static Case of(String photo, int width, UnaryOperator<RgbImage> filter, String filterName) {
            Path file = Path.of("assets", "samples", photo);
            assumeTrue(Files.isRegularFile(file), file + " not found (run from the project folder)");
            RgbImage full = ImageDecoder.decode(file);
            int height = Math.round((float) width * full.height() / full.width());
            RgbImage input = AreaResize.resize(full, width, height);
            RgbImage truth = filter.apply(input);
            ImageRef ref = new ImageRef(null, width, height);
            // exemplar = source, input = target, as lsa style aligns them; p of the input lies at A·p in the exemplar
            AffineCorrespondence map = new AffineCorrespondence(ref, ref, 7, 1.08, 9, -6);
            return new Case(photo + " " + filterName, input, truth, SyntheticGrade.moved(truth, map), map);
        }
    }

    private static Case kuwahara(String photo) {
        return Case.of(photo, 256, image -> PainterlyFilters.kuwahara(image, 3), "kuwahara 3");
    }

    private static Case posterKuwahara(String photo) {
        return Case.of(photo, 256, image -> PainterlyFilters.posterize(PainterlyFilters.kuwahara(image, 2), 5),
                "kuwahara 2 + posterize 5");
    }

    private static Case oilPaint(String photo, int radius) {
        return Case.of(photo, 256, image -> PainterlyFilters.oilPaint(image, radius), "oil paint " + radius);
    }

    @Test
    void recoversTheFilteredLookAtLeastHalfwayFromTheColourMethodToTheExactWarpBack() {
        for (Case c : new Case[] {kuwahara("horses.jpg"), posterKuwahara("person.jpg"), kuwahara("dog.jpg"),
            oilPaint("person.jpg", 4), oilPaint("horses.jpg", 3)}) {
            RgbImage colour = StyleTransfer.transfer(c.map(), Direction.TARGET_TO_SOURCE, c.input(), c.exemplar(),
                    StyleSettings.defaults());
            long start = System.nanoTime();
            RgbImage patches = PatchStyleTransfer.transfer(c.map(), Direction.TARGET_TO_SOURCE, c.input(),
                    c.exemplar(), PatchSettings.defaults());
            double millis = (System.nanoTime() - start) / 1e6;
            RgbImage warpBack = ImageMetrics.warpBack(c.exemplar(), c.map(), c.input().width(), c.input().height());
            double[] psnr = {SyntheticGrade.psnr(colour, c.truth()), SyntheticGrade.psnr(patches, c.truth()),
                SyntheticGrade.psnr(warpBack, c.truth())};
            double[] ssim = {ImageMetrics.greySsim(colour, c.truth()), ImageMetrics.greySsim(patches, c.truth()),
                ImageMetrics.greySsim(warpBack, c.truth())};
            System.out.printf(Locale.ROOT, "%s: PSNR colour %.2f, patches %.2f, exact warp-back %.2f dB; grey SSIM "
                    + "colour %.3f, patches %.3f, warp-back %.3f; patches %.0f ms%n", c.name(), psnr[0], psnr[1],
                    psnr[2], ssim[0], ssim[1], ssim[2], millis);
            assertTrue(psnr[1] >= (psnr[0] + psnr[2]) / 2, c.name() + ": PSNR " + Arrays.toString(psnr));
            assertTrue(ssim[1] >= (ssim[0] + ssim[2]) / 2, c.name() + ": SSIM " + Arrays.toString(ssim));
        }
    }

    /** A small case for the behaviour tests: fast, and the known map as the correspondence. */
    private static Case small() {
        return Case.of("horses.jpg", 96, image -> PainterlyFilters.kuwahara(image, 2), "kuwahara 2");
    }

    @Test
    void theSameSeedGivesTheSamePixelsAndAnotherSeedOthers() {
        Case c = small();
        PatchSettings settings = PatchSettings.defaults();
        RgbImage first = PatchStyleTransfer.transfer(c.map(), Direction.TARGET_TO_SOURCE, c.input(), c.exemplar(), settings);
        RgbImage again = PatchStyleTransfer.transfer(c.map(), Direction.TARGET_TO_SOURCE, c.input(), c.exemplar(), settings);
        RgbImage other = PatchStyleTransfer.transfer(c.map(), Direction.TARGET_TO_SOURCE, c.input(), c.exemplar(),
                settings.withSeed(2));
        assertArrayEquals(first.rgb(), again.rgb());
        assertFalse(Arrays.equals(first.rgb(), other.rgb()), "the seed has no effect on the random search");
    }

    @Test
    void strengthZeroIsTheInputAndAStrengthChangeReusesTheSynthesis() {
        Case c = small();
        PatchStyleTransfer transfer = PatchStyleTransfer.prepare(c.map(), Direction.TARGET_TO_SOURCE, c.input(),
                c.exemplar(), org.learningsa.studio.core.CancelToken.NEVER);
        assertArrayEquals(c.input().rgb(), transfer.render(PatchSettings.defaults().withStrength(0),
                org.learningsa.studio.core.ProgressListener.NONE, org.learningsa.studio.core.CancelToken.NEVER).rgb());
        RgbImage full = transfer.render(PatchSettings.defaults(), org.learningsa.studio.core.ProgressListener.NONE,
                org.learningsa.studio.core.CancelToken.NEVER);
        assertTrue(transfer.hasSynthesised(PatchSettings.defaults().withStrength(0.5)));
        RgbImage half = transfer.render(PatchSettings.defaults().withStrength(0.5),
                org.learningsa.studio.core.ProgressListener.NONE, org.learningsa.studio.core.CancelToken.NEVER);
        // halfway: each error is a quarter of the full difference, about 6 dB above it
        assertEquals(SyntheticGrade.psnr(full, c.input()) + 6.02, SyntheticGrade.psnr(half, c.input()), 0.5);
    }

    @Test
    void cancellingStopsTheSynthesis() {
        Case c = small();
        org.learningsa.studio.core.CancelToken cancel = new org.learningsa.studio.core.CancelToken();
        PatchStyleTransfer transfer = PatchStyleTransfer.prepare(c.map(), Direction.TARGET_TO_SOURCE, c.input(),
                c.exemplar(), cancel);
        double[] lastFraction = {-1};
        assertThrows(org.learningsa.studio.core.CancelledException.class, () -> transfer.render(
                PatchSettings.defaults(), (stage, fraction) -> {
                    lastFraction[0] = fraction;
                    if (fraction > 0.3) {
                        cancel.cancel();
                    }
                }, cancel));
        assertTrue(lastFraction[0] > 0.3 && lastFraction[0] < 1, "progress " + lastFraction[0]);
    }

    @Test
    void aTinyExemplarIsRefusedWithAMessageThatSaysWhy() {
        Case c = small();
        RgbImage tiny = AreaResize.resize(c.exemplar(), 8, 6);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PatchStyleTransfer.transfer(
                c.map(), Direction.TARGET_TO_SOURCE, c.input(), tiny, PatchSettings.defaults()));
        assertTrue(error.getMessage().contains("8x6") && error.getMessage().contains("at least 14"), error.getMessage());
    }

    @Test
    void aFlatExemplarGivesItsColourEverywhere() {
        Case c = small();
        byte[] flat = new byte[c.exemplar().rgb().length];
        for (int i = 0; i < flat.length; i += 3) {
            flat[i] = (byte) 200;
            flat[i + 1] = (byte) 120;
            flat[i + 2] = (byte) 40;
        }
        RgbImage exemplar = new RgbImage(c.exemplar().width(), c.exemplar().height(), flat);
        RgbImage out = PatchStyleTransfer.transfer(c.map(), Direction.TARGET_TO_SOURCE, c.input(), exemplar,
                PatchSettings.defaults());
        // Lab round trip: within one level
        assertTrue(SyntheticGrade.psnr(out, exemplar.width() == out.width() ? exemplar
                : AreaResize.resize(exemplar, out.width(), out.height())) > 45);
    }

    @Test
    void aGreyExemplarGivesAGreyResultWithTheInputsLayout() {
        Case c = small();
        byte[] grey = c.exemplar().rgb().clone();
        for (int i = 0; i < grey.length; i += 3) {
            int luma = (int) Math.round(PainterlyFilters.LUMA[0] * (grey[i] & 0xFF)
                    + PainterlyFilters.LUMA[1] * (grey[i + 1] & 0xFF) + PainterlyFilters.LUMA[2] * (grey[i + 2] & 0xFF));
            grey[i] = grey[i + 1] = grey[i + 2] = (byte) luma;
        }
        RgbImage exemplar = new RgbImage(c.exemplar().width(), c.exemplar().height(), grey);
        RgbImage out = PatchStyleTransfer.transfer(c.map(), Direction.TARGET_TO_SOURCE, c.input(), exemplar,
                PatchSettings.defaults());
        int worstChroma = 0;
        for (int i = 0; i < out.rgb().length; i += 3) {
            int r = out.rgb()[i] & 0xFF;
            int g = out.rgb()[i + 1] & 0xFF;
            int b = out.rgb()[i + 2] & 0xFF;
            worstChroma = Math.max(worstChroma, Math.max(Math.abs(r - g), Math.max(Math.abs(g - b), Math.abs(r - b))));
        }
        assertTrue(worstChroma <= 2, "grey exemplar, coloured output: channels differ by " + worstChroma);
        RgbImage truthGrey = ImageMetrics.warpBack(exemplar, c.map(), out.width(), out.height());
        assertTrue(ImageMetrics.greySsim(out, truthGrey) > 0.8, "SSIM " + ImageMetrics.greySsim(out, truthGrey));
    }

    @Test
    void anExemplarMuchLargerThanTheInputIsBroughtToTheInputsScale() {
        Case c = small();
        RgbImage large = AreaResize.resize(c.exemplar(), c.exemplar().width() * 6, c.exemplar().height() * 6);
        assertEquals(96, PatchSynthesis.toInputScale(large, 6, 14).width());
        assertEquals(large.width(), PatchSynthesis.toInputScale(large, 1.2, 14).width());
        ImageRef inputRef = new ImageRef(null, c.input().width(), c.input().height());
        ImageRef largeRef = new ImageRef(null, large.width(), large.height());
        // the same map, expressed for the large exemplar: scale the source side by 6
        org.learningsa.studio.align.Correspondence scaledMap = new ScaledSource(c.map(), inputRef, largeRef, 6);
        RgbImage out = PatchStyleTransfer.transfer(scaledMap, Direction.TARGET_TO_SOURCE, c.input(), large,
                PatchSettings.defaults());
        assertEquals(c.input().width(), out.width());
        RgbImage colour = StyleTransfer.transfer(scaledMap, Direction.TARGET_TO_SOURCE, c.input(), large,
                StyleSettings.defaults());
        double patchSsim = ImageMetrics.greySsim(out, c.truth());
        double colourSsim = ImageMetrics.greySsim(colour, c.truth());
        assertTrue(patchSsim > colourSsim + 0.05, "large exemplar: grey SSIM patches " + patchSsim + ", colour " + colourSsim);
    }

    /** A correspondence whose source (the exemplar) is {@code factor} times larger than the known map's. */
    private record ScaledSource(AffineCorrespondence known, ImageRef target, ImageRef source, double factor)
            implements org.learningsa.studio.align.Correspondence {
        @Override
        public org.learningsa.studio.align.PixelPoint map(Direction direction, double x, double y) {
            org.learningsa.studio.align.PixelPoint p = known.map(direction, x, y);
            return new org.learningsa.studio.align.PixelPoint((p.x() + 0.5) * factor - 0.5, (p.y() + 0.5) * factor - 0.5);
        }

        @Override
        public double confidence(Direction direction, double x, double y) {
            return known.confidence(direction, x, y);
        }

        @Override
        public String description() {
            return "known affine map, exemplar x" + factor;
        }

        @Override
        public boolean semantic() {
            return true;
        }
    }
}
