package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lsa morph} options outside their documented ranges end in one line before any work; extreme canvases are bounded. */
class MorphOptionLimitsTest {

    @TempDir
    static Path dir;
    private static Path source;
    private static Path target;

    @BeforeAll
    static void images() throws IOException {
        source = dir.resolve("a.png");
        target = dir.resolve("b.png");
        ImageIO.write(noise(64, 48, 1), "png", source.toFile());
        ImageIO.write(noise(64, 48, 2), "png", target.toFile());
    }

    /** Not one flat colour (the aligner refuses those). */
    private static BufferedImage noise(int width, int height, long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static void refusedAtOnce(String problem, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "morph";
        args[1] = source.toString();
        args[2] = target.toString();
        args[3] = "--default-aligner";
        System.arraycopy(options, 0, args, 4, options.length);
        long started = System.nanoTime();
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line and no work before it: " + run.err());
        assertTrue(run.err().contains(problem), run.err());
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "refused before any work");
    }

    @Test
    void optionsOutsideTheirRangesAreRefused() {
        refusedAtOnce("--fps must be between 0.1 and 100 frames per second, got 0.001", "--fps", "0.001", "--out",
                dir.resolve("slow.mp4").toString());
        refusedAtOnce("--fps must be between 0.1 and 100", "--fps", "0.001", "--out", dir.resolve("slow.gif").toString());
        refusedAtOnce("--frames must be between 2 and 1,000, got 100,000", "--frames", "100000", "--out",
                dir.resolve("long.gif").toString());
        refusedAtOnce("--size 8192 makes a 8192x6144 canvas (50,331,648 pixels); a frame may have at most 4,194,304 "
                + "pixels: use --size 2364 or less", "--frames", "2", "--size", "8192", "--out", dir.resolve("big.gif").toString());
        refusedAtOnce("1,000 frames may have at most 100,000 pixels: use --size 364 or less", "--frames", "1000",
                "--size", "2000", "--out", dir.resolve("many.gif").toString());
        assertFalse(Files.exists(dir.resolve("slow.mp4")) || Files.exists(dir.resolve("slow.gif")));
    }

    @Test
    void imagesOfExtremeAspectGetABoundedCanvasAndANote() throws Exception {
        Path tall = dir.resolve("tall.png");
        Path wide = dir.resolve("wide.png");
        ImageIO.write(noise(2, 30_000, 3), "png", tall.toFile());
        ImageIO.write(noise(30_000, 2, 4), "png", wide.toFile());
        Path gif = dir.resolve("extreme.gif");
        long started = System.nanoTime();
        CliRun run = CliRun.of("morph", tall.toString(), wide.toString(), "--default-aligner", "--frames", "2",
                "--out", gif.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(0, run.exitCode(), run.err());
        // before: a 30000x30000 canvas, 6.5 GB and 118 s for 2 frames
        assertTrue(run.err().contains("note: the images' own size makes a 30000x30000 canvas; a frame may have at most "
                + "4,194,304 pixels, so the frames are 2048x2048"), run.err());
        assertTrue(seconds < 60, "took " + seconds + " s");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(2048, reader.getWidth(0));
            assertEquals(2, reader.getNumImages(true));
        }
    }
}
