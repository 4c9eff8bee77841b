package org.learningsa.studio.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static RgbImage noise(int size, long seed) {
        byte[] rgb = new byte[size * size * 3];
        new Random(seed).nextBytes(rgb);
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
                // constant 3×3 neighbourhoods reach x = 10; the margin widens that by 2 to x = 12
                assertEquals(x <= 10 + ContentMask.FILL_MARGIN, fill[y * 60 + x], "pixel " + x + ", " + y);
            }
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
