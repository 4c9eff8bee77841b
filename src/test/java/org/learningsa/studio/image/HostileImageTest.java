package org.learningsa.studio.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;
import org.slf4j.LoggerFactory;

/**
 * Image files built to hurt the decoder front: a PNG with a zTXt text bomb (before issue 11: OutOfMemoryError
 * after 34 s in the metadata reader), a JPEG whose header claims 65500×65500 pixels (accepted and reported at
 * that size), and a JPEG cut in half (matched without a word).
 */
class HostileImageTest {

    @TempDir
    Path dir;

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 7 + y * 13) * 0x010203);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /**
     * A zTXt chunk whose text inflates to {@code inflatedMegabytes} MB of zeros: one sync-flushed deflate block
     * of 1 MB of zeros (whose back-references stay inside zeros), repeated, then a final block. Building it
     * takes milliseconds; inflating it is what the metadata reader used to do.
     */
    private static byte[] zTxtChunk(int inflatedMegabytes) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("Comment".getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.write(0); // compression method: deflate
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1 << 20];
        data.writeBytes(flushed(deflater, zeros));
        byte[] block = flushed(deflater, zeros);
        for (int i = 1; i < inflatedMegabytes; i++) {
            data.writeBytes(block);
        }
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        return chunk("zTXt", data.toByteArray());
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream chunk = new DataOutputStream(out);
        chunk.writeInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        chunk.write(typeBytes);
        chunk.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        chunk.writeInt((int) crc.getValue());
        return out.toByteArray();
    }

    @Test
    void aPngWithAZtxtBombDecodesInBoundedTimeAndMemory() throws IOException {
        byte[] image = png(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB));
        // after the 8-byte signature and the 25-byte IHDR chunk
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.write(image, 0, 33);
        bomb.writeBytes(zTxtChunk(3 << 10));
        bomb.write(image, 33, image.length - 33);
        Path file = dir.resolve("bomb.png");
        Files.write(file, bomb.toByteArray());
        assertTrue(Files.size(file) < 8 << 20, "a few MB on disk: " + Files.size(file));
        DecodedImage decoded = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ImageDecoder.decodeForNetwork(file));
        assertEquals(40, decoded.originalWidth());
    }

    @Test
    void aJpegWithAForgedHugeHeaderIsRefusedBeforeDecoding() throws IOException {
        byte[] bytes = jpeg(32, 32);
        int sof = sofOffset(bytes);
        // SOF: length(2) precision(1) height(2) width(2)
        bytes[sof + 3] = (byte) 0xff;
        bytes[sof + 4] = (byte) 0xdc;
        bytes[sof + 5] = (byte) 0xff;
        bytes[sof + 6] = (byte) 0xdc;
        Path file = dir.resolve("forged.jpg");
        Files.write(file, bytes);
        UserFacingException error = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(UserFacingException.class, () -> ImageDecoder.decodeForNetwork(file)));
        assertTrue(error.getMessage().contains("declares 65500x65500 pixels")
                && error.getMessage().contains(Integer.toString(InputLimits.IMAGE_MAX_SIDE)), error.getMessage());
    }

    @Test
    void aJpegCutInHalfDecodesWithAWarningNamingTheFile() throws IOException {
        byte[] bytes = jpeg(256, 256);
        Path file = dir.resolve("cut.jpg");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        Logger logger = (Logger) LoggerFactory.getLogger(ImageDecoder.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            DecodedImage decoded = ImageDecoder.decodeForNetwork(file);
            assertEquals(256, decoded.originalWidth());
        } finally {
            logger.detachAppender(appender);
        }
        assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains(file.toString())
                && e.getFormattedMessage().contains("cut short")), appender.list.toString());
    }

    private static int sofOffset(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && ((jpeg[i + 1] & 0xff) == 0xc0 || (jpeg[i + 1] & 0xff) == 0xc2)) {
                return i + 2;
            }
        }
        throw new AssertionError("no SOF marker");
    }
}
