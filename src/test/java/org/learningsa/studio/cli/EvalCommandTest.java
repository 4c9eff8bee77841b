package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.data.BenchmarkFolders;

/** {@code lsa eval} end to end with the weight-free default aligner on generated PF-PASCAL folders. */
class EvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void evaluatesAGeneratedPascalFolderWithTheDefaultAlignerAndWritesTheReport() throws Exception {
        BenchmarkFolders.writePascal(dir, 3);
        Files.delete(dir.resolve("data/PF_Pascal/JPEGImages/2009_000002.jpg"));
        Path report = dir.resolve("out/report.json");
        Path csv = dir.resolve("out/pairs.csv");
        CliRun result = CliRun.of("eval", "--benchmark", "pf-pascal", "--data", dir.toString(), "--limit", "1",
                "--report", report.toString(), "--csv-out", csv.toString(), "--device", "cpu");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.err().contains("skipped bbox_test_pairs_pf_pascal.csv line 3: image A not found"), result.err());
        assertTrue(result.err().contains("eval 100%"), "progress line on stderr: " + result.err());
        assertTrue(result.out().contains("PCK (%, mean over pairs)"), result.out());
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        assertEquals("pf-pascal", root.get("benchmark").asText());
        assertEquals("image-size", root.get("threshold").asText());
        assertEquals("paper", root.get("mapping").asText());
        assertTrue(root.get("model").asText().startsWith("Default aligner"), root.get("model").asText());
        assertEquals(List.of(0.01, 0.03, 0.05, 0.1, 0.15),
                List.of(root.get("alphas").get(0).asDouble(), root.get("alphas").get(1).asDouble(),
                        root.get("alphas").get(2).asDouble(), root.get("alphas").get(3).asDouble(),
                        root.get("alphas").get(4).asDouble()));
        assertEquals(1, root.get("pairs").size(), "--limit 1");
        assertEquals(1, root.get("pairs_skipped").asInt());
        assertEquals("bbox_test_pairs_pf_pascal.csv line 3", root.get("skipped").get(0).get("where").asText());
        JsonNode pair = root.get("pairs").get(0);
        assertEquals("dog", pair.get("category").asText());
        assertEquals(288.0, pair.get("L_pck").asDouble(), 0.0);
        assertEquals(6, pair.get("predicted_source_keypoints").size());
        double pck10 = root.get("pck").get("0.10").asDouble();
        assertTrue(pck10 >= 0 && pck10 <= 1, "a fraction: " + pck10);
        assertTrue(root.get("per_category").has("dog"));
        assertTrue(root.get("convention").asText().contains("target → source"));
        assertEquals(2, Files.readAllLines(csv).size(), "CSV header + 1 pair");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"pf-willow", "spair", "crodom"})
    void runsOnTheOtherLayoutsWithTheirBboxThreshold(String benchmark) throws Exception {
        double expectedL = switch (benchmark) {
            case "pf-willow" -> {
                List<BenchmarkFolders.GeneratedPair> p = BenchmarkFolders.writeWillow(dir);
                double[] x = p.get(0).targetX();
                double[] y = p.get(0).targetY();
                yield (float) Math.max(x[2] - x[0], y[3] - y[0]);
            }
            case "spair" -> {
                BenchmarkFolders.writeSpair(dir.resolve("SPair-71k"));
                yield 145.0;
            }
            default -> {
                BenchmarkFolders.writeCrodom(dir);
                yield 130.0;
            }
        };
        Path report = dir.resolve("report.json");
        CliRun result = CliRun.of("eval", "--benchmark", benchmark, "--data", dir.toString(), "--report", report.toString(),
                "--device", "cpu");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        assertEquals("bbox", root.get("threshold").asText());
        assertEquals(1, root.get("pairs").size());
        assertEquals(expectedL, root.get("pairs").get(0).get("L_pck").asDouble(), 0.01,
                "pf-willow: target keypoint extent; spair: max side of trg_bndbox; crodom: column 7");
        if (benchmark.equals("spair")) {
            assertTrue(root.get("per_difficulty").has("occlusion=2"), root.toString());
            assertEquals(1, root.get("pairs").get(0).get("difficulty").get("viewpoint_variation").asInt());
        }
        if (benchmark.equals("crodom")) {
            assertTrue(root.get("per_domain").has("photo-painting"), root.toString());
        }
    }

    @Test
    void wrongFolderIsOneLineNamingWhatIsMissing() {
        CliRun result = CliRun.of("eval", "--benchmark", "pf-pascal", "--data", dir.toString(), "--report",
                dir.resolve("r.json").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("lsa: pf-pascal: "), result.err());
        assertTrue(result.err().contains("Missing: bbox_test_pairs_pf_pascal.csv, PF_Pascal/"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertFalse(Files.exists(dir.resolve("r.json")));
    }

    @Test
    void runsTheNetworkWithHashedWeights() throws Exception {
        BenchmarkFolders.writePascal(dir, 1);
        Path report = dir.resolve("hashed.json");
        CliRun result = CliRun.of("eval", "--benchmark", "pf-pascal", "--data", dir.toString(), "--hashed-weights",
                "--report", report.toString(), "--device", "cpu");
        assertEquals(0, result.exitCode(), result.err());
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        assertEquals("LearningSA (hashed test weights, not trained)", root.get("model").asText());
        assertEquals(6, root.get("pairs").get(0).get("predicted_source_keypoints").size());
        JsonNode first = root.get("pairs").get(0).get("predicted_source_keypoints").get(0);
        assertTrue(first.get(0).asDouble() >= 0 && first.get(0).asDouble() <= 288, "inside the 288 frame: " + first);
    }

    @Test
    void checkpointAndHashedWeightsExcludeEachOther() {
        BenchmarkFolders.writePascal(dir, 1);
        CliRun result = CliRun.of("eval", "--benchmark", "pf-pascal", "--data", dir.toString(), "--report",
                dir.resolve("r.json").toString(), "--checkpoint", "x.pt", "--hashed-weights");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("exclude each other"), result.err());
    }
}
