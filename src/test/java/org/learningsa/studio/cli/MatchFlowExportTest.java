package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.dense.SyntheticPairs;
import org.learningsa.studio.export.StyleImages;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * {@code lsa match --flow/--flow-confidence/--warped}: a textured image and its copy shifted by (3, −2), so the
 * flow written must read (3, −2) inside the image, in the documented layout, as numpy reads it.
 */
class MatchFlowExportTest {

    private static final int W = 200;
    private static final int H = 150;

    @Test
    void writesFlowConfidenceAndWarpedImageThatNumpyReadsBack(@TempDir Path folder) throws Exception {
        Path source = folder.resolve("a.png");
        Path target = folder.resolve("b.png");
        RgbImage a = SyntheticPairs.texture(W, H, 11);
        StyleImages.writePng(a, source);
        StyleImages.writePng(SyntheticPairs.warped(a, SyntheticPairs.similarity(0, 1, 3, -2, W, H)), target);
        Path npy = folder.resolve("out/flow.npy");
        Path flo = folder.resolve("flow.flo");
        Path confidence = folder.resolve("conf.npy");
        Path warped = folder.resolve("warped.png");
        CliRun run = CliRun.of("match", source.toString(), target.toString(), "--flow", npy.toString(),
                "--flow-confidence", confidence.toString(), "--warped", warped.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + npy), run.out());
        CliRun floRun = CliRun.of("match", source.toString(), target.toString(), "--flow", flo.toString());
        assertEquals(0, floRun.exitCode(), floRun.err());
        RgbImage warpedImage = ImageDecoder.decode(warped);
        assertEquals(W, warpedImage.width());
        assertEquals(H, warpedImage.height());

        assumeTrue(numpyAvailable(), "python3 with numpy not found: the read-back is skipped");
        String script = String.join("\n",
                "import numpy as np, sys",
                "f = np.load(sys.argv[1]); c = np.load(sys.argv[2])",
                "raw = open(sys.argv[3], 'rb').read()",
                "tag = np.frombuffer(raw[:4], '<f4')[0]; w, h = np.frombuffer(raw[4:12], '<i4')",
                "g = np.frombuffer(raw[12:], '<f4').reshape(h, w, 2)",
                "inner = f[12:-12, 12:-12]",
                "print(f.dtype, f.shape, c.dtype, c.shape, tag, w, h)",
                "print('%.3f %.3f %.3f' % (np.median(inner[..., 0]), np.median(inner[..., 1]),"
                        + " np.abs(g - f).max()))",
                "print('%.3f %.3f' % (c.min(), c.max()))");
        Process process = new ProcessBuilder("python3", "-c", script, npy.toString(), confidence.toString(),
                flo.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        String[] lines = output.strip().split("\\R");
        assertEquals("float32 (" + H + ", " + W + ", 2) float32 (" + H + ", " + W + ") 202021.25 " + W + " " + H,
                lines[0]);
        String[] medians = lines[1].split(" ");
        // flow[y, x] = (x_B − x, y_B − y): the shift itself, to LK's convergence (0.05 px)
        assertEquals(3.0, Double.parseDouble(medians[0]), 0.05, output);
        assertEquals(-2.0, Double.parseDouble(medians[1]), 0.05, output);
        assertEquals(0.0, Double.parseDouble(medians[2]), 1e-6, "the .flo holds the same values as the .npy");
        String[] range = lines[2].split(" ");
        assertTrue(Double.parseDouble(range[0]) >= 0 && Double.parseDouble(range[1]) <= 1, output);
    }

    @Test
    void aFlowWithAnUnknownExtensionIsRefusedBeforeAnyWork(@TempDir Path folder) {
        Path source = Path.of("assets", "samples", "motorcycle_left.png");
        Path target = Path.of("assets", "samples", "motorcycle_right.png");
        Path bad = folder.resolve("flow.txt");
        CliRun run = CliRun.of("match", source.toString(), target.toString(), "--flow", bad.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--flow") && run.err().contains(".npy"), run.err());
        assertFalse(Files.exists(bad));
        CliRun direction = CliRun.of("match", source.toString(), target.toString(), "--flow",
                folder.resolve("f.npy").toString(), "--flow-direction", "sideways");
        assertEquals(2, direction.exitCode());
        assertTrue(direction.err().contains("--flow-direction"), direction.err());
        CliRun dense = CliRun.of("match", source.toString(), target.toString(), "--dense", "fine");
        assertEquals(2, dense.exitCode());
        assertTrue(dense.err().contains("--dense"), dense.err());
    }

    private static boolean numpyAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
