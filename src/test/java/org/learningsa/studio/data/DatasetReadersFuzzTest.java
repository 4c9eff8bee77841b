package org.learningsa.studio.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;

/**
 * Seeded mutations of a valid PF-PASCAL CSV and a valid SPair-71k annotation (byte flips, truncations, inserted
 * separators, quotes, brackets and number-like tokens): every case ends with a dataset (pairs and skipped rows)
 * or a {@link UserFacingException}, nothing else, each within the per-case budget.
 */
class DatasetReadersFuzzTest {

    private static final long SEED = 20261201L;
    private static final int CASES = 300;
    /** Per case; a real CSV or annotation of this size is read in milliseconds. */
    private static final long CASE_BUDGET_MILLIS = 2_000;
    private static final String[] TOKENS = {",", ";", "\"", "\n", "[", "]", "{", "}", ":", "NaN", "1e400", "-",
        "../", "/", "\u001b[2J", "null", "true", "\"\"", "9999999999999999999999", ".5e-3"};

    @TempDir
    Path dir;

    @Test
    void pfCsvMutationsEndInADatasetOrOneOfOurErrors() throws IOException {
        BenchmarkFolders.writePascal(dir, 2);
        Path csv = dir.resolve("data/bbox_test_pairs_pf_pascal.csv");
        byte[] valid = Files.readAllBytes(csv);
        fuzz(valid, csv, () -> DatasetLocator.open(Benchmark.PF_PASCAL, dir, null, null));
    }

    @Test
    void spairJsonMutationsEndInADatasetOrOneOfOurErrors() throws IOException {
        BenchmarkFolders.writeSpair(dir);
        Path json = dir.resolve("PairAnnotation/test/000001-2008_000010-2008_000011:cat.json");
        byte[] valid = Files.readAllBytes(json);
        fuzz(valid, json, () -> DatasetLocator.open(Benchmark.SPAIR, dir, null, null));
    }

    private void fuzz(byte[] valid, Path file, Runnable read) {
        Random random = new Random(SEED);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
            for (int i = 0; i < CASES; i++) {
                Files.write(file, mutate(valid, random));
                long start = System.nanoTime();
                try {
                    read.run();
                    outcomes[0]++;
                } catch (UserFacingException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                    outcomes[1]++;
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < CASE_BUDGET_MILLIS, "case " + i + " took " + millis + " ms");
            }
        });
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes occur: " + outcomes[0] + " read, " + outcomes[1] + " refused");
    }

    static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int f = 1 + random.nextInt(6); f > 0; f--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                for (int t = 1 + random.nextInt(4); t > 0; t--) {
                    int at = random.nextInt(text.length() + 1);
                    text = text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
                }
                bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return bytes;
    }
}
