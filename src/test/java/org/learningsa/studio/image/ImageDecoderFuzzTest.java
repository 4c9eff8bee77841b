package org.learningsa.studio.image;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;

/**
 * Seeded mutations of small JPEG, PNG, BMP and GIF files (byte flips, 16-bit writes where headers keep sizes,
 * truncations, duplicated ranges): decoding ends with an image or a {@link UserFacingException}, each case
 * within its budget.
 */
class ImageDecoderFuzzTest {

    private static final long SEED = 20261202L;
    private static final int CASES = 240;
    private static final long CASE_BUDGET_MILLIS = 3_000;

    @TempDir
    Path dir;

    private static byte[] encode(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 11) << 16 | (y * 5) << 8 | (x ^ y));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void mutatedImagesDecodeOrEndInOneOfOurErrors() throws IOException {
        List<byte[]> valid = List.of(encode("jpg", 48, 40), encode("png", 40, 32), encode("bmp", 24, 20), encode("gif", 30, 30));
        Random random = new Random(SEED);
        Path file = dir.resolve("fuzz.img");
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(45), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] bytes = valid.get(i % valid.size()).clone();
                switch (random.nextInt(4)) {
                    case 0 -> {
                        for (int f = 1 + random.nextInt(4); f > 0; f--) {
                            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                        }
                    }
                    case 1 -> {
                        // a 16-bit value early in the file: where widths, heights and chunk lengths live
                        int at = random.nextInt(Math.min(bytes.length - 1, 64));
                        bytes[at] = (byte) 0xff;
                        bytes[at + 1] = (byte) random.nextInt(256);
                    }
                    case 2 -> bytes = java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
                    default -> {
                        int from = random.nextInt(bytes.length);
                        int length = random.nextInt(Math.min(256, bytes.length - from) + 1);
                        byte[] longer = new byte[bytes.length + length];
                        System.arraycopy(bytes, 0, longer, 0, from + length);
                        System.arraycopy(bytes, from, longer, from + length, bytes.length - from);
                        bytes = longer;
                    }
                }
                Files.write(file, bytes);
                long start = System.nanoTime();
                try {
                    DecodedImage image = ImageDecoder.decodeForNetwork(file);
                    assertTrue(image.pixels().width() > 0);
                    outcomes[0]++;
                } catch (UserFacingException e) {
                    outcomes[1]++;
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < CASE_BUDGET_MILLIS, "case " + i + " took " + millis + " ms");
            }
        });
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, outcomes[0] + " decoded, " + outcomes[1] + " refused");
    }
}
