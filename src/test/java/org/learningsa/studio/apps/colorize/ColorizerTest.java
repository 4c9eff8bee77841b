package org.learningsa.studio.apps.colorize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.align.dense.DenseRefiner;
import org.learningsa.studio.apps.style.LabImage;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.editing.CorrectedCorrespondence;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.image.RgbImage;

/** The colorization itself, on correspondences known exactly, so the tests isolate it from any aligner. */
class ColorizerTest {

    private static final Path HORSES = Path.of("assets", "samples", "horses.jpg");

    @Test
    void aKnownAffineCaseComesBackCloseToTheColourPhoto() {
        assumeTrue(Files.isRegularFile(HORSES), "assets/samples/horses.jpg not found (run from the project folder)");
        KnownTruthCase known = KnownTruthCase.of(HORSES, 256, 7, 1.08, 9, -6);
        RgbImage result = Colorizer.colorize(known.exact(), Direction.SOURCE_TO_TARGET, known.grey(), known.exemplar(), 1);
        double deltaE = known.meanDeltaEab(result);
        double psnr = known.psnr(result);
        System.out.printf(Locale.ROOT, "horses, exact affine correspondence: mean dE_ab %.2f, PSNR %.2f dB%n", deltaE, psnr);
        // measured 1.04 / 42.9 dB; the residue is the exemplar's border replicate where the map leaves the photo
        assertTrue(deltaE < 3, "mean dE_ab " + deltaE);
        assertTrue(psnr > 34, "PSNR " + psnr);
    }

    @Test
    void theDenseRefinedCorrespondenceAppliesUnchangedAndColoursBetterThanTheCoarseOne() {
        Path apple = Path.of("assets", "samples", "apple.jpg");
        assumeTrue(Files.isRegularFile(apple), "assets/samples/apple.jpg not found (run from the project folder)");
        KnownTruthCase known = KnownTruthCase.of(apple, 320, 7, 1.08, 9, -6);
        Alignment alignment = new DefaultAligner().align(known.grey(), known.exemplar(), ProgressListener.NONE, CancelToken.NEVER);
        Correspondence coarse = new NetworkCorrespondence(alignment, Readout.FUSED);
        Correspondence dense = DenseRefiner.refine(coarse, known.grey(), known.exemplar(), ProgressListener.NONE, CancelToken.NEVER);
        double throughCoarse = known.meanDeltaEab(Colorizer.colorize(coarse, Direction.SOURCE_TO_TARGET, known.grey(),
                known.exemplar(), 1));
        double throughDense = known.meanDeltaEab(Colorizer.colorize(dense, Direction.SOURCE_TO_TARGET, known.grey(),
                known.exemplar(), 1));
        System.out.printf(Locale.ROOT, "apple, default aligner: mean dE_ab %.2f through the coarse map, %.2f through the "
                + "dense refined one%n", throughCoarse, throughDense);
        // measured 4.28 and 2.02: the colorization only reads Correspondence, so a better map is a better colouring
        assertTrue(throughDense < throughCoarse - 1, "dense " + throughDense + " vs coarse " + throughCoarse);
        assertTrue(throughDense <= 4, "dense " + throughDense);
    }

    @Test
    void lightnessIsTheInputsWithinOneUnitEvenForColoursOutsideTheGamut() {
        // a bright and a dark grey input coloured from saturated primaries: clipping per channel would move L by 10+
        int w = 64;
        int h = 64;
        RgbImage input = stripes(w, h, new int[] {235, 235, 235}, new int[] {25, 25, 25});
        RgbImage exemplar = stripes(w, h, new int[] {0, 0, 255}, new int[] {255, 255, 0});
        RgbImage result = Colorizer.colorize(identity(w, h), Direction.SOURCE_TO_TARGET, input, exemplar, 1);
        double[] error = KnownTruthCase.lightnessError(result, input);
        assertTrue(error[1] <= 1, "largest |dL| " + error[1]);
        // the colour still arrived: the bright half is tinted blue (b < 0), the dark half yellow (b > 0)
        LabImage lab = LabImage.fromRgb(result);
        assertTrue(lab.b()[h / 4 * w + w / 2] < -5, "bright half b = " + lab.b()[h / 4 * w + w / 2]);
        assertTrue(lab.b()[3 * h / 4 * w + w / 2] > 5, "dark half b = " + lab.b()[3 * h / 4 * w + w / 2]);
    }

    @Test
    void colourSpreadsFromAConfidentPatchThroughItsOwnRegionNotAsAGlobalTint() {
        int w = 96;
        int h = 96;
        // input: top half L≈30, bottom half L≈70; exemplar: top red, bottom blue, same lightness layout
        RgbImage input = stripes(w, h, new int[] {70, 70, 70}, new int[] {170, 170, 170});
        RgbImage exemplar = stripes(w, h, new int[] {150, 20, 30}, new int[] {90, 170, 255});
        // confident only in a small square in each half: everything else must be propagated
        Correspondence patchy = new Identity(w, h) {
            @Override
            public double confidence(Direction direction, double x, double y) {
                boolean inPatch = Math.abs(x - 20) < 5 && (Math.abs(y - 20) < 5 || Math.abs(y - 75) < 5);
                return inPatch ? 1 : 0;
            }
        };
        ColorizePreview preview = Colorizer.prepare(patchy, Direction.SOURCE_TO_TARGET, input, exemplar, CancelToken.NEVER);
        LabImage result = LabImage.fromRgb(preview.render(1));
        LabImage want = LabImage.fromRgb(exemplar);
        // far corners of each half, away from the patches: the region's own colour, within a few units
        for (int[] p : new int[][] {{90, 5}, {90, 40}, {60, 10}, {90, 90}, {5, 60}, {60, 88}}) {
            int i = p[1] * w + p[0];
            double d = Math.hypot(result.a()[i] - want.a()[i], result.b()[i] - want.b()[i]);
            assertTrue(d < 6, "at " + p[0] + "," + p[1] + " chroma off by " + d);
        }
        assertTrue(preview.meanConfidence() < 0.05, "the mask should show mostly propagated colour");
    }

    @Test
    void aUserPointMovesTheColourOfItsRegion() {
        int w = 128;
        int h = 128;
        // input: a brighter disc at (40, 64); exemplar: a blue disc where the input's is, a red one at (88, 64)
        byte[] in = new byte[w * h * 3];
        byte[] ex = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                boolean inputDisc = Math.hypot(x - 40, y - 64) < 10;
                fill(in, i, inputDisc ? new int[] {160, 160, 160} : new int[] {90, 90, 90});
                int[] colour = Math.hypot(x - 40, y - 64) < 10 ? new int[] {100, 150, 255}
                        : Math.hypot(x - 88, y - 64) < 10 ? new int[] {255, 110, 110} : new int[] {90, 90, 90};
                fill(ex, i, colour);
            }
        }
        RgbImage input = new RgbImage(w, h, in);
        RgbImage exemplar = new RgbImage(w, h, ex);
        Correspondence network = identity(w, h);
        LabImage before = LabImage.fromRgb(Colorizer.colorize(network, Direction.SOURCE_TO_TARGET, input, exemplar, 1));
        UserPoint point = new UserPoint("p0", "", new PixelPoint(40, 64), new PixelPoint(88, 64), Origin.USER, false);
        Correspondence corrected = CorrectedCorrespondence.of(network, List.of(point), false);
        LabImage after = LabImage.fromRgb(Colorizer.colorize(corrected, Direction.SOURCE_TO_TARGET, input, exemplar, 1));
        int centre = 64 * w + 40;
        assertTrue(before.b()[centre] < -20, "without the point the disc is blue: b = " + before.b()[centre]);
        assertTrue(after.a()[centre] > 20 && after.b()[centre] > -5,
                "the point should make it red: a = " + after.a()[centre] + ", b = " + after.b()[centre]);
        // far from the point the colours stay: the background is still grey
        int far = 10 * w + 120;
        assertEquals(before.a()[far], after.a()[far], 1.0);
    }

    @Test
    void aGreyExemplarGivesAGreyResultAndANotice() {
        assumeTrue(Files.isRegularFile(HORSES), "assets/samples/horses.jpg not found (run from the project folder)");
        KnownTruthCase known = KnownTruthCase.of(HORSES, 160, 5, 1, 4, 2);
        RgbImage greyExemplar = KnownTruthCase.grey(known.exemplar());
        ColorizePreview preview = Colorizer.prepare(known.exact(), Direction.SOURCE_TO_TARGET, known.grey(), greyExemplar,
                CancelToken.NEVER);
        assertTrue(preview.greyExemplar());
        assertTrue(preview.notices().stream().anyMatch(n -> n.contains("grey")), preview.notices().toString());
        RgbImage result = preview.render(1);
        byte[] rgb = result.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            assertTrue(rgb[i] == rgb[i + 1] && rgb[i + 1] == rgb[i + 2], "a coloured pixel at " + i / 3);
        }
        assertFalse(preview.colourInput());
    }

    @Test
    void aColourInputIsRecolouredKeepingItsLightnessAndSaidSo() {
        assumeTrue(Files.isRegularFile(HORSES), "assets/samples/horses.jpg not found (run from the project folder)");
        KnownTruthCase known = KnownTruthCase.of(HORSES, 160, 5, 1, 4, 2);
        // the input is the colour photo with its channels rotated: other colours, other lightness
        byte[] rotated = known.truth().rgb().clone();
        for (int i = 0; i < rotated.length; i += 3) {
            byte r = rotated[i];
            rotated[i] = rotated[i + 2];
            rotated[i + 2] = r;
        }
        RgbImage input = new RgbImage(known.truth().width(), known.truth().height(), rotated);
        ColorizePreview preview = Colorizer.prepare(known.exact(), Direction.SOURCE_TO_TARGET, input, known.exemplar(),
                CancelToken.NEVER);
        assertTrue(preview.colourInput());
        assertTrue(preview.notices().stream().anyMatch(n -> n.contains("recolouring")), preview.notices().toString());
        RgbImage result = preview.render(1);
        assertTrue(KnownTruthCase.lightnessError(result, input)[1] <= 1);
        assertArrayEquals(input.rgb(), preview.render(0).rgb());
    }

    private static RgbImage stripes(int w, int h, int[] top, int[] bottom) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                fill(rgb, 3 * (y * w + x), y < h / 2 ? top : bottom);
            }
        }
        return new RgbImage(w, h, rgb);
    }

    private static void fill(byte[] rgb, int i, int[] colour) {
        rgb[i] = (byte) colour[0];
        rgb[i + 1] = (byte) colour[1];
        rgb[i + 2] = (byte) colour[2];
    }

    private static Correspondence identity(int w, int h) {
        return new Identity(w, h);
    }

    /** Every pixel maps to itself, confidence 1. */
    private static class Identity implements Correspondence {
        private final ImageRef ref;

        Identity(int w, int h) {
            ref = new ImageRef(null, w, h);
        }

        @Override
        public ImageRef source() {
            return ref;
        }

        @Override
        public ImageRef target() {
            return ref;
        }

        @Override
        public PixelPoint map(Direction direction, double x, double y) {
            return new PixelPoint(x, y);
        }

        @Override
        public double confidence(Direction direction, double x, double y) {
            return 1;
        }

        @Override
        public String description() {
            return "identity";
        }

        @Override
        public boolean semantic() {
            return false;
        }
    }
}
