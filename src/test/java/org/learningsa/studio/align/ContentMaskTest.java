package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.PaperGeometry;
import org.learningsa.studio.image.PilResize;
import org.learningsa.studio.image.RgbImage;

/** Which pixels the default aligner describes; exact (pixel masks), no tolerance. */
class ContentMaskTest {

    /** Random mid-tone pixels (64…191): no fill colour, nothing constant. */
    private static RgbImage noise(int size, long seed) {
        byte[] rgb = new byte[size * size * 3];
        Random random = new Random(seed);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (64 + random.nextInt(128));
        }
        return new RgbImage(size, size, rgb);
    }

    private static void paint(RgbImage image, int x0, int y0, int x1, int y1, int value) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                for (int c = 0; c < 3; c++) {
                    image.rgb()[(y * image.width() + x) * 3 + c] = (byte) value;
                }
            }
        }
    }

    @Test
    void aConstantBandAtTheBorderIsAFillWidenedByTheMargin() {
        RgbImage image = noise(60, 1);
        paint(image, 0, 0, 12, 60, 0); // a black band along the left edge
        boolean[] fill = ContentMask.fill(image);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 60; x++) {
                // constant 3×3 neighbourhoods reach x = 10, growth takes the band's last column 11 (the noise
                // is far from black), and the margin widens that by 2 to x = 13
                assertEquals(x <= 11 + ContentMask.FILL_MARGIN, fill[y * 60 + x], "pixel " + x + ", " + y);
            }
        }
    }

    @Test
    void aBlackBandSavedAsJpegIsAFillUpToItsRingingEdge() throws Exception {
        // smooth content (a gentle ramp) right of a black band, through JPEG: the band's edge rings
        int size = 96;
        byte[] rgb = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 20; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * size + x) * 3 + c] = (byte) (90 + x + 20 * c);
                }
            }
        }
        RgbImage image = jpeg(new RgbImage(size, size, rgb));
        boolean[] fill = ContentMask.fill(image);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (x < 20) {
                    assertTrue(fill[y * size + x], "band pixel " + x + ", " + y);
                } else if (x >= 20 + ContentMask.GROW_DISTANCE + ContentMask.FILL_MARGIN) {
                    assertFalse(fill[y * size + x], "content pixel " + x + ", " + y);
                }
            }
        }
    }

    private static RgbImage jpeg(RgbImage image) throws java.io.IOException {
        java.awt.image.BufferedImage buffered = new java.awt.image.BufferedImage(image.width(), image.height(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                buffered.setRGB(x, y, image.get(x, y, 0) << 16 | image.get(x, y, 1) << 8 | image.get(x, y, 2));
            }
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(buffered, "jpg", bytes);
        java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        byte[] rgb = new byte[image.width() * image.height() * 3];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int v = decoded.getRGB(x, y);
                int i = (y * image.width() + x) * 3;
                rgb[i] = (byte) (v >> 16);
                rgb[i + 1] = (byte) (v >> 8);
                rgb[i + 2] = (byte) v;
            }
        }
        return new RgbImage(image.width(), image.height(), rgb);
    }

    @Test
    void aGreyBandIsScene() {
        RgbImage image = noise(60, 4);
        paint(image, 0, 0, 12, 60, 128);
        for (boolean isFill : ContentMask.fill(image)) {
            assertFalse(isFill);
        }
    }

    @Test
    void aConstantPatchInsideTheImageIsContent() {
        RgbImage image = noise(60, 2);
        paint(image, 20, 20, 40, 40, 255); // white, but not touching the border
        for (boolean isFill : ContentMask.fill(image)) {
            assertFalse(isFill);
        }
    }

    @Test
    void theCanvasMaskExcludesThePaddingRing() {
        float[] mask = ContentMask.of(noise(PaperGeometry.RESIZED_SIZE, 3));
        int canvas = PaperGeometry.INPUT_SIZE;
        int pad = PaperGeometry.PAD;
        for (int y = 0; y < canvas; y++) {
            for (int x = 0; x < canvas; x++) {
                boolean image = x >= pad && y >= pad && x < canvas - pad && y < canvas - pad;
                assertEquals(image ? 1f : 0f, mask[y * canvas + x], "canvas pixel " + x + ", " + y);
            }
        }
    }

    @Test
    void theSamplePhotosHaveNoFill() {
        Path samples = Path.of("assets", "samples");
        assumeTrue(Files.isDirectory(samples), "assets/samples not found (run from the project folder)");
        for (String name : new String[] {"dog.jpg", "horses.jpg", "person.jpg", "chelsea.png", "motorcycle_left.png",
                "motorcycle_right.png", "scream.jpg", "apple.jpg", "orange.jpg"}) {
            RgbImage resized = PilResize.resize(ImageDecoder.decode(samples.resolve(name)),
                    PaperGeometry.RESIZED_SIZE, PaperGeometry.RESIZED_SIZE);
            int fill = 0;
            for (boolean isFill : ContentMask.fill(resized)) {
                fill += isFill ? 1 : 0;
            }
            assertEquals(0, fill, name + ": fill pixels (a smooth sky or a plain background is content)");
        }
    }
}
