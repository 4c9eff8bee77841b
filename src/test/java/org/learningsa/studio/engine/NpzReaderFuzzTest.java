package org.learningsa.studio.engine;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;

/**
 * Seeded mutations of a valid .npz (two arrays, deflated): byte flips in the zip structure and the deflated
 * headers, truncations: reading ends with arrays or a {@link UserFacingException}, each case within its budget.
 */
class NpzReaderFuzzTest {

    private static final long SEED = 20261203L;
    private static final int CASES = 400;
    private static final long CASE_BUDGET_MILLIS = 2_000;

    @TempDir
    Path dir;

    @Test
    void mutatedArchivesReadOrEndInOneOfOurErrors() throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        float[] values = new float[3 * 8 * 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.25f;
        }
        arrays.put("source", NpyArray.ofFloats(new long[] {1, 3, 8, 8}, values));
        arrays.put("ids", NpyArray.ofLongs(new long[] {4}, new long[] {1, 2, 3, 4}));
        Path validFile = dir.resolve("valid.npz");
        NpzArchive.write(validFile, arrays);
        byte[] valid = Files.readAllBytes(validFile);
        Random random = new Random(SEED);
        Path file = dir.resolve("fuzz.npz");
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] bytes = valid.clone();
                if (random.nextInt(5) == 0) {
                    bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                } else {
                    for (int f = 1 + random.nextInt(4); f > 0; f--) {
                        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    }
                }
                Files.write(file, bytes);
                long start = System.nanoTime();
                try {
                    NpzArchive read = NpzArchive.read(file);
                    read.arrays().values().forEach(NpyArray::shape);
                    outcomes[0]++;
                } catch (UserFacingException e) {
                    outcomes[1]++;
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < CASE_BUDGET_MILLIS, "case " + i + " took " + millis + " ms");
            }
        });
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, outcomes[0] + " read, " + outcomes[1] + " refused");
    }
}
