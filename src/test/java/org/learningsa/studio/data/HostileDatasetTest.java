package org.learningsa.studio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/**
 * Dataset folders built to hurt the readers (issue 11): huge CSV fields and lines, rows naming files outside
 * the folder, non-finite coordinates, SPair annotations with the wrong JSON types. Each ends as a refused file
 * or a skipped pair with its reason, never as an internal error or a run outside the dataset.
 */
class HostileDatasetTest {

    @TempDir
    Path dir;

    private Path pascalCsv() {
        BenchmarkFolders.writePascal(dir, 1);
        return dir.resolve("data/bbox_test_pairs_pf_pascal.csv");
    }

    private void appendRow(Path csv, String row) throws IOException {
        Files.writeString(csv, Files.readString(csv) + row + "\n");
    }

    private static String reasons(Dataset dataset) {
        return dataset.skipped().toString();
    }

    @Test
    void aSixtyMegabyteFieldIsRefusedQuicklyWithBoundedMemory() throws IOException {
        Path csv = pascalCsv();
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)) {
            out.write("JPEGImages/a.jpg,JPEGImages/b.jpg,12,");
            char[] block = "1;".repeat(1 << 19).toCharArray();
            for (int i = 0; i < 60; i++) {
                out.write(block);
            }
            out.write(",1,1,1,1\n");
        }
        long before = usedHeap();
        UserFacingException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(UserFacingException.class, () -> DatasetLocator.open(Benchmark.PF_PASCAL, dir, null, null)));
        assertTrue(error.getMessage().contains("line 3 is longer than " + InputLimits.CSV_MAX_LINE_CHARS), error.getMessage());
        // the reader holds at most one capped line (2 bytes per char): far below the 3.4 GiB it used to peak at
        assertTrue(usedHeap() - before < 256L << 20, "heap grew by " + ((usedHeap() - before) >> 20) + " MB");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void rowsNamingFilesOutsideTheDatasetAreSkippedUnlessAllowed() throws IOException {
        Path csv = pascalCsv();
        Path secret = dir.getParent().resolve(dir.getFileName() + "-secret.jpg");
        Files.copy(dir.resolve("data/PF_Pascal/JPEGImages/2009_000000.jpg"), secret);
        try {
            appendRow(csv, "../../../" + secret.getFileName() + ",JPEGImages/2009_000001.jpg,12,1;2,1;2,1;2,1;2,100");
            appendRow(csv, secret + ",JPEGImages/2009_000001.jpg,12,1;2,1;2,1;2,1;2,100");
            Dataset dataset = DatasetLocator.open(Benchmark.PF_PASCAL, dir, null, null);
            assertEquals(1, dataset.pairs().size(), reasons(dataset));
            assertEquals(2, dataset.skipped().size(), reasons(dataset));
            assertTrue(dataset.skipped().stream().allMatch(s -> s.reason().contains("names a file outside the dataset folder")),
                    reasons(dataset));
            Dataset allowed = DatasetLocator.open(Benchmark.PF_PASCAL, dir, null, null, true);
            assertTrue(allowed.pairs().stream().anyMatch(p -> secret.equals(p.sourceImage())), "opt-in reads it");
        } finally {
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void nonFiniteCoordinatesAreSkippedNamingTheRow() throws IOException {
        Path csv = pascalCsv();
        for (String bad : List.of("NaN", "Infinity", "1e400", "-Infinity", "1e39")) {
            appendRow(csv, "JPEGImages/2009_000000.jpg,JPEGImages/2009_000001.jpg,12,1;" + bad + ",1;2,1;2,1;2,100");
        }
        Dataset dataset = DatasetLocator.open(Benchmark.PF_PASCAL, dir, null, null);
        assertEquals(1, dataset.pairs().size());
        assertEquals(5, dataset.skipped().size(), reasons(dataset));
        assertTrue(dataset.skipped().get(0).where().endsWith("line 3") && dataset.skipped().get(0).reason().contains("XA"),
                reasons(dataset));
    }

    @Test
    void spairAnnotationsWithWrongTypesAreSkippedWithTheirReason() throws IOException {
        BenchmarkFolders.writeSpair(dir);
        Path layout = dir.resolve("Layout/large/test.txt");
        Path good = dir.resolve("PairAnnotation/test/000001-2008_000010-2008_000011:cat.json");
        String json = Files.readString(good);
        String[][] variants = {
            {"box-object", json.replace("\"trg_bndbox\": [15, 15, 160, 125]", "\"trg_bndbox\": {\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}"),
                "trg_bndbox missing or not [x1, y1, x2, y2]"},
            {"kps-object", json.replaceFirst("\"src_kps\": \\[", "\"src_kps\": {\"x\": [").replaceFirst("], \"trg_kps\"", "]}, \"trg_kps\""),
                "'src_kps' is a object"},
            {"kps-strings", json.replaceFirst("\"src_kps\": \\[\\[([0-9.]+), ", "\"src_kps\": [[\"$1\", "),
                "src_kps[0][0] is a string, not a number"},
            {"huge-number", json.replaceFirst("\"trg_kps\": \\[\\[([0-9.]+), ", "\"trg_kps\": [[1e400, "),
                "trg_kps[0][0] is out of float32 range"},
            {"category-escape", json.replace("\"category\": \"cat\"", "\"category\": \"../..\""),
                "names a file outside the dataset folder"},
            {"array-root", "[1, 2, 3]", "the annotation is a JSON array"},
        };
        StringBuilder names = new StringBuilder(Files.readString(layout));
        for (String[] variant : variants) {
            Files.writeString(dir.resolve("PairAnnotation/test/" + variant[0] + ".json"), variant[1]);
            names.append(variant[0]).append('\n');
        }
        Files.writeString(layout, names);
        Dataset dataset = DatasetLocator.open(Benchmark.SPAIR, dir, null, null);
        assertEquals(1, dataset.pairs().size(), reasons(dataset));
        assertEquals(variants.length, dataset.skipped().size(), reasons(dataset));
        for (int i = 0; i < variants.length; i++) {
            SkippedPair skipped = dataset.skipped().get(i);
            assertTrue(skipped.where().contains(variants[i][0]) && skipped.reason().contains(variants[i][2]),
                    variants[i][0] + ": " + skipped);
        }
    }
}
