package org.learningsa.studio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.CancelledException;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;

/** The three animation writers read back with independent decoders (ImageIO's GIF reader, JCodec's H.264 decoder). */
class AnimationWritersTest {

    @TempDir
    Path dir;

    /**
     * A colourful pattern that slides with the frame index; odd sides on purpose (the MP4 must pad them). Its
     * colours lie on a surface of the RGB cube, as a photo's mostly do (a pattern filling the whole cube cannot be
     * told apart with 256 colours: about 6 levels a channel, 26 dB at best).
     */
    static class Sliding implements FrameSource {
        final int width;
        final int height;
        final int frames;

        Sliding(int width, int height, int frames) {
            this.width = width;
            this.height = height;
            this.frames = frames;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public int frameCount() {
            return frames;
        }

        @Override
        public void render(int index, int[] argb) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    argb[y * width + x] = pixel(index, x, y);
                }
            }
        }

        int pixel(int index, int x, int y) {
            int r = (x * 255 / width + index * 9) & 0xFF;
            int g = y * 255 / height;
            int b = (int) (0.5 * r + 0.25 * g + 32 + 31 * Math.sin((x + y + 3 * index) / 9.0));
            return 0xFF000000 | r << 16 | g << 8 | b;
        }
    }

    @Test
    void gifLoopsForeverWithTheFrameDelayAndCloseColours() throws IOException {
        Sliding frames = new Sliding(97, 61, 8);
        Path gif = dir.resolve("a.gif");
        GifAnimationWriter.write(frames, 20, gif, ProgressListener.NONE, CancelToken.NEVER);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(8, reader.getNumImages(true));
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode control = (IIOMetadataNode) first.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals("5", control.getAttribute("delayTime"), "20 fps is 5/100 s per frame");
            IIOMetadataNode loop = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
            assertEquals(0, ((byte[]) loop.getUserObject())[1], "loop count 0 means forever");
            for (int i : new int[] {0, 7}) {
                BufferedImage image = reader.read(i);
                assertEquals(97, image.getWidth());
                double psnr = psnr(frames, i, image);
                System.out.printf(Locale.ROOT, "GIF frame %d: PSNR %.1f dB against the frame given%n", i, psnr);
                // 256 colours with dithering, measured 29-31 dB on this pattern, the first and last frame alike
                // (the palette is cut from frames across the animation, not from the first one)
                assertTrue(psnr > 27, "GIF frame " + i + " PSNR " + psnr);
            }
        }
    }

    @Test
    void mp4DecodesToTheFramesAtEvenSize() throws Exception {
        Sliding frames = new Sliding(97, 61, 6);
        Path mp4 = dir.resolve("a.mp4");
        Mp4AnimationWriter.write(frames, 12.5, mp4, ProgressListener.NONE, CancelToken.NEVER);
        try (var channel = NIOUtils.readableChannel(mp4.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            int count = 0;
            Picture picture;
            double worst = Double.POSITIVE_INFINITY;
            while ((picture = grab.getNativeFrame()) != null) {
                // decoded pictures are whole macroblocks; the stream's crop gives the encoded size
                assertEquals(98, picture.getCroppedWidth(), "odd width padded to even");
                assertEquals(62, picture.getCroppedHeight());
                worst = Math.min(worst, lumaPsnr(frames, count, picture));
                count++;
            }
            assertEquals(6, count);
            System.out.printf(Locale.ROOT, "MP4: worst luma PSNR %.1f dB against the frames given%n", worst);
            assertTrue(worst > 28, "H.264 frames too far from the input: " + worst + " dB");
        }
    }

    @Test
    void pngFolderHasNumberedFramesAndReplacesOnlyEarlierFrames() throws IOException {
        Path folder = dir.resolve("frames");
        PngFrameFolder.write(new Sliding(31, 17, 3), folder, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(List.of("frame_0000.png", "frame_0001.png", "frame_0002.png"), names(folder));
        BufferedImage last = ImageIO.read(folder.resolve("frame_0002.png").toFile());
        assertEquals(new Sliding(31, 17, 3).pixel(2, 5, 7), last.getRGB(5, 7), "PNG frames are lossless");
        PngFrameFolder.write(new Sliding(31, 17, 2), folder, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals(List.of("frame_0000.png", "frame_0001.png"), names(folder), "earlier frames replaced");
        Files.writeString(folder.resolve("notes.txt"), "mine");
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> PngFrameFolder.write(new Sliding(31, 17, 2), folder, ProgressListener.NONE, CancelToken.NEVER));
        assertTrue(refused.getMessage().contains("notes.txt"), refused.getMessage());
        assertTrue(Files.exists(folder.resolve("notes.txt")));
        assertEquals(List.of("frames"), names(dir), "no temporary folder left behind");
    }

    @Test
    void cancelledExportsLeaveNothingBehind() throws IOException {
        for (AnimationFormat format : AnimationFormat.values()) {
            CancelToken cancel = new CancelToken();
            Path out = dir.resolve(format == AnimationFormat.GIF ? "c.gif" : format == AnimationFormat.MP4 ? "c.mp4" : "c");
            ProgressListener cancelAtFrameTwo = (stage, fraction) -> {
                if (stage.startsWith("frame 2")) {
                    cancel.cancel();
                }
            };
            assertThrows(CancelledException.class,
                    () -> format.write(new Sliding(20, 20, 5), 10, out, cancelAtFrameTwo, cancel), format.name());
            assertFalse(Files.exists(out), format + " left " + out);
        }
        assertEquals(List.of(), names(dir), "no temporary files left behind");
    }

    @Test
    void formatComesFromTheOutputName() {
        assertEquals(AnimationFormat.GIF, AnimationFormat.of(Path.of("x.GIF")));
        assertEquals(AnimationFormat.MP4, AnimationFormat.of(Path.of("x.mp4")));
        assertEquals(AnimationFormat.PNG_FOLDER, AnimationFormat.of(dir.resolve("frames")));
        assertThrows(UserFacingException.class, () -> AnimationFormat.of(Path.of("x.avi")));
        assertEquals(3, GifAnimationWriter.delayCentiseconds(30));
        assertEquals(2, GifAnimationWriter.delayCentiseconds(100));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static double psnr(Sliding frames, int index, BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < frames.height; y++) {
            for (int x = 0; x < frames.width; x++) {
                int a = frames.pixel(index, x, y);
                int b = image.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    double d = (a >> shift & 0xFF) - (b >> shift & 0xFF);
                    sum += d * d;
                }
            }
        }
        return 10 * Math.log10(255.0 * 255 / (sum / (3.0 * frames.width * frames.height)));
    }

    /** PSNR of the decoded luma plane against the BT.601 luma of the input (JCodec's YUV holds value − 128). */
    private static double lumaPsnr(Sliding frames, int index, Picture picture) {
        byte[] luma = picture.getPlaneData(0);
        double sum = 0;
        for (int y = 0; y < frames.height; y++) {
            for (int x = 0; x < frames.width; x++) {
                int p = frames.pixel(index, x, y);
                double expected = 0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF);
                double d = (luma[y * picture.getWidth() + x] + 128) - expected;
                sum += d * d;
            }
        }
        return 10 * Math.log10(255.0 * 255 / (sum / (frames.width * frames.height)));
    }
}
