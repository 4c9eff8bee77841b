package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/** {@code lsa morph}: the three outputs with the weight-free aligner on small sample images, and bad input. */
class MorphCommandTest {

    @TempDir
    static Path dir;
    private static Path source;
    private static Path target;
    private static RgbImage sourcePixels;
    private static RgbImage targetPixels;

    @BeforeAll
    static void smallPair() throws IOException {
        Path samples = Path.of("assets", "samples");
        assumeTrue(Files.isDirectory(samples), "assets/samples not found (run from the project folder)");
        // small copies keep the test fast; the same size on purpose: frames then have that size exactly
        sourcePixels = AreaResize.resize(ImageDecoder.decode(samples.resolve("chelsea.png")), 120, 80);
        targetPixels = AreaResize.resize(ImageDecoder.decode(samples.resolve("dog.jpg")), 120, 80);
        source = dir.resolve("cat.png");
        target = dir.resolve("dog.png");
        ImageIO.write(toBuffered(sourcePixels), "png", source.toFile());
        ImageIO.write(toBuffered(targetPixels), "png", target.toFile());
    }

    @Test
    void folderHoldsFramesFromTheSourceToTheTarget() throws IOException {
        Path frames = dir.resolve("frames");
        CliRun run = CliRun.of("morph", source.toString(), target.toString(), "--default-aligner", "--frames", "5",
                "--out", frames.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 frames 120x80"), run.out());
        try (Stream<Path> files = Files.list(frames)) {
            assertEquals(List.of("frame_0000.png", "frame_0001.png", "frame_0002.png", "frame_0003.png",
                    "frame_0004.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(sourcePixels.rgb(), ImageDecoder.decode(frames.resolve("frame_0000.png")).rgb(),
                "frame 0 is the source");
        assertArrayEquals(targetPixels.rgb(), ImageDecoder.decode(frames.resolve("frame_0004.png")).rgb(),
                "the last frame is the target");
        byte[] middle = ImageDecoder.decode(frames.resolve("frame_0002.png")).rgb();
        assertFalse(java.util.Arrays.equals(middle, sourcePixels.rgb()), "the middle frame is neither image");
    }

    @Test
    void gifHasTheFramesAndTheDelayOfTheFrameRate() throws IOException {
        Path gif = dir.resolve("morph.gif");
        CliRun run = CliRun.of("morph", source.toString(), target.toString(), "--default-aligner", "--frames", "6",
                "--fps", "10", "--size", "60", "--out", gif.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(6, reader.getNumImages(true));
            assertEquals(60, reader.getWidth(0), "--size is the long side");
            assertEquals(40, reader.getHeight(0));
            String metadata = org.learningsa.studio.export.GifAnimationWriter.delayCentiseconds(10) + "";
            javax.imageio.metadata.IIOMetadataNode tree = (javax.imageio.metadata.IIOMetadataNode)
                    reader.getImageMetadata(3).getAsTree("javax_imageio_gif_image_1.0");
            assertEquals(metadata, ((javax.imageio.metadata.IIOMetadataNode)
                    tree.getElementsByTagName("GraphicControlExtension").item(0)).getAttribute("delayTime"));
        }
    }

    @Test
    void mp4HasEveryFrame() throws Exception {
        Path mp4 = dir.resolve("morph.mp4");
        CliRun run = CliRun.of("morph", source.toString(), target.toString(), "--default-aligner", "--frames", "4",
                "--out", mp4.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (var channel = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            int count = 0;
            while (grab.getNativeFrame() != null) {
                count++;
            }
            assertEquals(4, count);
        }
    }

    @Test
    void pointsFileCorrectsTheCorrespondenceTheFramesFollow() {
        Path points = dir.resolve("points.json");
        org.learningsa.studio.editing.PointsFile.write(points, new org.learningsa.studio.editing.PointsDocument(
                new org.learningsa.studio.editing.PointsDocument.ImageEntry(source.toAbsolutePath(), 120, 80, ""),
                new org.learningsa.studio.editing.PointsDocument.ImageEntry(target.toAbsolutePath(), 120, 80, ""),
                List.of(new org.learningsa.studio.editing.UserPoint("p1", "eye",
                        new org.learningsa.studio.align.PixelPoint(40, 30), new org.learningsa.studio.align.PixelPoint(70, 20),
                        org.learningsa.studio.editing.Origin.USER, true))));
        Path plain = dir.resolve("plain");
        Path edited = dir.resolve("edited");
        CliRun first = CliRun.of("morph", source.toString(), target.toString(), "--default-aligner", "--frames", "3",
                "--out", plain.toString());
        CliRun second = CliRun.of("morph", source.toString(), target.toString(), "--default-aligner", "--frames", "3",
                "--points", points.toString(), "--out", edited.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("corrected by 1 user point"), second.out());
        assertFalse(first.out().contains("user point"), first.out());
        assertFalse(java.util.Arrays.equals(ImageDecoder.decode(plain.resolve("frame_0001.png")).rgb(),
                ImageDecoder.decode(edited.resolve("frame_0001.png")).rgb()), "the point moves the middle frame");
    }

    @Test
    void benchMorphRunsEveryStageOnATinyCanvas() {
        CliRun run = CliRun.of("bench-morph", "--default-aligner", "--source", source.toString(), "--target",
                target.toString(), "--size", "32", "--frames", "3", "--scrub-frames", "10");
        assertEquals(0, run.exitCode(), run.err());
        for (String line : new String[] {"dense maps at 32x32", "scrub 32x32", "export animated GIF", "export MP4",
            "export folder of PNG frames", "scrub_fps="}) {
            assertTrue(run.out().contains(line), line + " missing in " + run.out());
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Path missing = dir.resolve("missing.png");
        for (String[] args : new String[][] {
            {"morph", missing.toString(), target.toString(), "--out", dir.resolve("a.gif").toString()},
            {"morph", source.toString(), target.toString(), "--out", dir.resolve("a.avi").toString()},
            {"morph", source.toString(), target.toString(), "--frames", "1", "--out", dir.resolve("b.gif").toString()},
            {"morph", source.toString(), target.toString(), "--fps", "0", "--out", dir.resolve("c.gif").toString()},
            {"morph", source.toString(), target.toString(), "--out", dir.resolve("no/such/folder/d.gif").toString()},
            {"morph", source.toString(), target.toString(), "--points", missing.toString(), "--out",
                dir.resolve("e.gif").toString()},
        }) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        }
        assertFalse(Files.exists(dir.resolve("a.gif")));
    }

    private static BufferedImage toBuffered(RgbImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                out.setRGB(x, y, image.get(x, y, 0) << 16 | image.get(x, y, 1) << 8 | image.get(x, y, 2));
            }
        }
        return out;
    }
}
