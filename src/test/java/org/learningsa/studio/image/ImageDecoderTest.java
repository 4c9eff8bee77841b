package org.learningsa.studio.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;

/** Decoding to RGB as a user expects to see the image. JPEG tests allow ±40 per channel (lossy compression). */
class ImageDecoderTest {

    @TempDir
    Path folder;

    @Test
    void appliesTheExifOrientation() throws Exception {
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20);
        g.setColor(Color.BLUE);
        g.fillRect(20, 0, 20, 20);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(stored, "jpg", jpeg);
        Path file = folder.resolve("rotated.jpg");
        Files.write(file, withExifOrientation(jpeg.toByteArray(), 6));

        RgbImage image = ImageDecoder.decode(file);
        // orientation 6: shown rotated 90° clockwise, so the stored left (red) half is on top
        assertEquals(20, image.width());
        assertEquals(40, image.height());
        assertColour(image, 10, 5, 255, 0, 0, 40);
        assertColour(image, 10, 34, 0, 0, 255, 40);
    }

    @Test
    void greyscaleKeepsItsValuesInsteadOfBeingGammaConverted() throws Exception {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 2, 0, 100);
        RgbImage image = ImageDecoder.decode(write(grey, "grey.png"));
        assertColour(image, 1, 2, 100, 100, 100, 0);
        assertColour(image, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void sixteenBitGreyIsScaledToEightBits() throws Exception {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSample(3, 3, 0, 0x8080);
        RgbImage image = ImageDecoder.decode(write(grey, "grey16.png"));
        assertColour(image, 3, 3, 128, 128, 128, 0);
    }

    @Test
    void transparencyIsCompositedOverWhite() throws Exception {
        BufferedImage argb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000);
        argb.setRGB(1, 0, 0xFFFF0000);
        argb.setRGB(2, 0, 0x80000000);
        RgbImage image = ImageDecoder.decode(write(argb, "alpha.png"));
        assertColour(image, 0, 0, 255, 255, 255, 0);
        assertColour(image, 1, 0, 255, 0, 0, 0);
        assertColour(image, 2, 0, 127, 127, 127, 1);
    }

    @Test
    void paletteImagesBecomeRgb() throws Exception {
        byte[] r = {0, (byte) 200};
        byte[] gr = {0, 50};
        byte[] b = {0, 10};
        BufferedImage indexed = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(1, 2, r, gr, b));
        indexed.getRaster().setSample(1, 1, 0, 1);
        RgbImage image = ImageDecoder.decode(write(indexed, "palette.png"));
        assertColour(image, 1, 1, 200, 50, 10, 0);
        assertColour(image, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void veryLargeImagesAreDownscaledForTheNetworkButKeepTheirOriginalSize() throws Exception {
        BufferedImage wide = new BufferedImage(5000, 40, BufferedImage.TYPE_INT_RGB);
        DecodedImage decoded = ImageDecoder.decodeForNetwork(write(wide, "wide.png"));
        assertEquals(5000, decoded.originalWidth());
        assertEquals(40, decoded.originalHeight());
        assertEquals(ImageDecoder.MAX_NETWORK_SIDE, decoded.pixels().width());
        assertTrue(decoded.downscaled());
    }

    @Test
    void anUnreadableFileNamesItself() throws Exception {
        Path text = folder.resolve("notes.jpg");
        Files.writeString(text, "hello");
        UserFacingException e = assertThrows(UserFacingException.class, () -> ImageDecoder.decode(text));
        assertTrue(e.getMessage().contains("notes.jpg"), e.getMessage());
        UserFacingException missing = assertThrows(UserFacingException.class,
                () -> ImageDecoder.decode(folder.resolve("missing.png")));
        assertTrue(missing.getMessage().contains("missing.png") && missing.getMessage().contains("no such file"));
    }

    private Path write(BufferedImage image, String name) throws Exception {
        Path file = folder.resolve(name);
        String format = name.substring(name.lastIndexOf('.') + 1);
        assertTrue(ImageIO.write(image, format, file.toFile()), "no writer for " + format);
        return file;
    }

    private static void assertColour(RgbImage image, int x, int y, int r, int g, int b, int tolerance) {
        String at = "pixel (" + x + ", " + y + ")";
        assertEquals(r, image.get(x, y, 0), tolerance, at + " red");
        assertEquals(g, image.get(x, y, 1), tolerance, at + " green");
        assertEquals(b, image.get(x, y, 2), tolerance, at + " blue");
    }

    /** Inserts an APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) right after the SOI marker. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at offset 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, count 1, value
            0, 0, 0, 0 // no next IFD
        };
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exifHeader.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exifHeader, 0, exifHeader.length);
        out.write(tiff, 0, tiff.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * A CMYK JPEG (ImageMagick {@code -colorspace CMYK}: red, green / blue, white quadrants) decodes to the
     * RGB a viewer shows. Tolerance ±45 per channel: the CMYK round trip goes through a colour profile.
     */
    @Test
    void decodesCmykJpegToTheColoursAViewerShows() throws Exception {
        Path file = folder.resolve("quadrants-cmyk.jpg");
        try (var in = ImageDecoderTest.class.getResourceAsStream("/images/quadrants-cmyk.jpg")) {
            Files.copy(in, file);
        }
        RgbImage image = ImageDecoder.decode(file);
        assertEquals(64, image.width());
        assertEquals(64, image.height());
        assertColour(image, 16, 16, 220, 30, 30, 45);
        assertColour(image, 48, 16, 30, 200, 40, 45);
        assertColour(image, 16, 48, 40, 50, 210, 45);
        assertColour(image, 48, 48, 240, 240, 240, 45);
    }
}
