package org.learningsa.studio.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.engine.NpzArchive;

/**
 * Preprocessing must be bit-exact (tolerance 0): the reference resizes with Pillow 9.4 and normalises in
 * float32 step by step; any 1-unit difference would move keypoint transfers and break PCK parity.
 */
class PreprocessingTest {

    private static Path inputs(String pair) {
        Path full = Paths.get(System.getProperty("lsa.fixtures", "../shared/fixtures"), "parity", pair + "_inputs.npz");
        if (Files.isRegularFile(full)) {
            return full;
        }
        Path reduced = Paths.get(System.getProperty("lsa.project", "."), "src/test/resources/parity-reduced", pair + "_inputs.npz");
        return Files.isRegularFile(reduced) ? reduced : null;
    }

    private static RgbImage image(NpzArchive archive, String name) {
        long[] shape = archive.shape(name);
        return new RgbImage((int) shape[1], (int) shape[0], archive.get(name).toByteArray());
    }

    @Test
    void pilResizeAndPadReproduceReferenceRgbBitExactly() {
        int checked = 0;
        for (String pair : new String[] {"p1_motorcycle", "p2_dog_horse"}) {
            Path file = inputs(pair);
            Assumptions.assumeTrue(file != null, "parity fixtures not found");
            NpzArchive archive = NpzArchive.read(file);
            if (!archive.contains("source_orig")) {
                continue; // the reduced fixture copy keeps the original images of p2 only
            }
            checked++;
            for (String side : new String[] {"source", "target"}) {
                RgbImage padded = Preprocessing.resizeAndPad(image(archive, side + "_orig"));
                assertEquals(320, padded.width());
                assertArrayEquals(archive.get(side + "_rgb").toByteArray(), padded.rgb(), pair + " " + side + "_rgb");
            }
        }
        Assumptions.assumeTrue(checked > 0, "no fixture pair with *_orig images found");
    }

    @Test
    void normalisationReproducesReferenceTensorsBitExactly() {
        for (String pair : new String[] {"p1_motorcycle", "p2_dog_horse"}) {
            Path file = inputs(pair);
            Assumptions.assumeTrue(file != null, "parity fixtures not found");
            NpzArchive archive = NpzArchive.read(file);
            for (String side : new String[] {"source", "target"}) {
                float[] input = Preprocessing.toNetworkInput(image(archive, side + "_rgb"));
                assertArrayEquals(archive.floats(side), input, 0f, pair + " " + side);
            }
        }
    }

    @Test
    void resizeKeepsAConstantImageConstant() {
        byte[] grey = new byte[37 * 23 * 3];
        java.util.Arrays.fill(grey, (byte) 200);
        RgbImage out = PilResize.resize(new RgbImage(37, 23, grey), 288, 288);
        for (byte b : out.rgb()) {
            assertEquals(200, b & 0xFF);
        }
    }
}
