package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.apps.colorize.KnownTruthCase;
import org.learningsa.studio.export.StyleImages;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * {@code lsa colorize} end to end with the weight-free default aligner on known-truth cases: the grey version
 * of a sample photo coloured from the photo moved by an affine map, so the answer is the photo itself.
 */
class ColorizeCommandTest {

    private static final Path SAMPLES = Path.of("assets", "samples");

    @Test
    void colorsAGreyPhotoFromItsMovedColourVersionCloseToTheTruth(@TempDir Path folder) throws Exception {
        score(folder, "horses.jpg", 7, 1.08, 9, -6, true);
    }

    @Test
    void aSecondKnownCaseUnderTheOppositeMotionAlsoMeetsTheBar(@TempDir Path folder) throws Exception {
        score(folder, "dog.jpg", -10, 0.92, -12, 8, false);
    }

    /** Runs the command on the case and asserts the bar: mean ΔE_ab ≤ 8, PSNR ≥ 22 dB, lightness kept. */
    private static void score(Path folder, String sample, double degrees, double scale, double dx, double dy,
                              boolean extras) throws Exception {
        Path photo = SAMPLES.resolve(sample);
        assumeTrue(Files.isRegularFile(photo), photo + " not found (run from the project folder)");
        KnownTruthCase known = KnownTruthCase.of(photo, 256, degrees, scale, dx, dy);
        Path grey = folder.resolve("grey.png");
        Path exemplar = folder.resolve("exemplar.png");
        StyleImages.writePng(known.grey(), grey);
        StyleImages.writePng(known.exemplar(), exemplar);
        Path out = folder.resolve("colorized.png");
        Path triptych = folder.resolve("triptych.png");
        Path mask = folder.resolve("mask.png");
        CliRun run = extras
                ? CliRun.of("colorize", grey.toString(), exemplar.toString(), "--default-aligner", "--out", out.toString(),
                        "--triptych", triptych.toString(), "--confidence-mask", mask.toString())
                : CliRun.of("colorize", grey.toString(), exemplar.toString(), "--default-aligner", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + out), run.out());
        assertFalse(run.err().contains("note:"), "a grey input and a colour exemplar need no notice: " + run.err());
        RgbImage result = ImageDecoder.decode(out);
        assertEquals(known.grey().width(), result.width());
        assertEquals(known.grey().height(), result.height());
        double deltaE = known.meanDeltaEab(result);
        double psnr = known.psnr(result);
        double[] lightness = KnownTruthCase.lightnessError(result, known.grey());
        System.out.printf(Locale.ROOT, "lsa colorize %s (rotation %.0f deg, scale %.2f, shift %.0f,%.0f), default aligner: "
                + "mean dE_ab %.2f, PSNR %.2f dB, mean |dL| %.2f (max %.2f)%n", sample, degrees, scale, dx, dy, deltaE, psnr,
                lightness[0], lightness[1]);
        // the bar; measured through the refined map (the default) 1.03 ΔE_ab / 43.1 dB (horses) and
        // 1.83 / 37.7 dB (dog); through the grid (--dense grid) 1.27 / 42.6 and 2.72 / 33.9
        assertTrue(deltaE <= 8, "mean dE_ab " + deltaE);
        assertTrue(psnr >= 22, "PSNR " + psnr);
        // L kept: only 8-bit rounding moves it
        assertTrue(lightness[0] <= 0.5 && lightness[1] <= 1, "mean |dL| " + lightness[0] + ", max " + lightness[1]);
        if (extras) {
            BufferedImage figure = ImageIO.read(triptych.toFile());
            assertTrue(figure.getWidth() > 3 * 200, figure.getWidth() + "x" + figure.getHeight());
            assertEquals(result.width(), ImageIO.read(mask.toFile()).getWidth());
        }
    }

    @Test
    void aGreyExemplarGivesAGreyResultAndSaysSo(@TempDir Path folder) throws Exception {
        Path input = folder.resolve("in.png");
        Path exemplar = folder.resolve("ex.png");
        StyleImages.writePng(gradient(64, 48, true), input);
        StyleImages.writePng(gradient(64, 48, true), exemplar);
        Path out = folder.resolve("out.png");
        CliRun run = CliRun.of("colorize", input.toString(), exemplar.toString(), "--default-aligner", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("note: the exemplar has no colour"), run.err());
        byte[] rgb = ImageDecoder.decode(out).rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            assertTrue(rgb[i] == rgb[i + 1] && rgb[i + 1] == rgb[i + 2], "coloured pixel " + i / 3);
        }
    }

    @Test
    void aColourInputIsARecolouringSaidInOneLine(@TempDir Path folder) throws Exception {
        Path input = folder.resolve("in.png");
        Path exemplar = folder.resolve("ex.png");
        StyleImages.writePng(gradient(64, 48, false), input);
        StyleImages.writePng(gradient(64, 48, false), exemplar);
        Path out = folder.resolve("out.png");
        CliRun run = CliRun.of("colorize", input.toString(), exemplar.toString(), "--default-aligner", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.contains("recolouring")).count(), run.err());
    }

    @Test
    void badStrengthAnOutputThatIsAnInputAndAnUnreadableInputAreExitTwo(@TempDir Path folder) throws Exception {
        Path input = folder.resolve("in.png");
        Path exemplar = folder.resolve("ex.png");
        StyleImages.writePng(gradient(64, 48, true), input);
        StyleImages.writePng(gradient(64, 48, false), exemplar);
        CliRun strength = CliRun.of("colorize", input.toString(), exemplar.toString(), "--default-aligner",
                "--strength", "1.5", "--out", folder.resolve("out.png").toString());
        assertEquals(2, strength.exitCode(), strength.err());
        assertTrue(strength.err().contains("strength"), strength.err());
        byte[] before = Files.readAllBytes(exemplar);
        CliRun overwrite = CliRun.of("colorize", input.toString(), exemplar.toString(), "--default-aligner",
                "--out", exemplar.toString());
        assertEquals(2, overwrite.exitCode(), overwrite.err());
        assertTrue(overwrite.err().contains("refusing to overwrite an input"), overwrite.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(exemplar)), "the exemplar was rewritten");
        Path broken = folder.resolve("broken.jpg");
        Files.writeString(broken, "not an image");
        Path out = folder.resolve("out.png");
        CliRun unreadable = CliRun.of("colorize", broken.toString(), exemplar.toString(), "--default-aligner",
                "--out", out.toString());
        assertEquals(2, unreadable.exitCode(), unreadable.err());
        assertEquals(1, unreadable.err().strip().lines().count(), unreadable.err());
        assertTrue(unreadable.err().contains("broken.jpg"), unreadable.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void benchColorizeReportsTheColorizationAgainstTheAlignmentOfTheSameRun() {
        assumeTrue(Files.isRegularFile(SAMPLES.resolve("horses.jpg")), "samples not found (run from the project folder)");
        CliRun run = CliRun.of("bench-colorize", "--default-aligner", "--size", "48", "--runs", "2", "--align-runs", "1");
        assertEquals(0, run.exitCode(), run.err());
        for (String line : new String[] {"alignment (the grid correspondence)", "dense refinement of it",
            "colorization (prepare + render)", "strength change", "colorization / correspondence (alignment + refinement) = "}) {
            assertTrue(run.out().contains(line), line + " missing in " + run.out());
        }
        String last = run.out().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.matches("colorize_ms_median=[0-9.]+"), last);
    }

    private static RgbImage gradient(int width, int height, boolean grey) {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                int v = 30 + x * 3;
                rgb[i] = (byte) v;
                rgb[i + 1] = (byte) (grey ? v : y * 5);
                rgb[i + 2] = (byte) (grey ? v : 200 - x * 2);
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
