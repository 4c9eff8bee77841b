package org.learningsa.studio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.CancelledException;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.BenchmarkFolders;
import org.learningsa.studio.data.Dataset;
import org.learningsa.studio.data.DatasetLocator;
import org.learningsa.studio.data.KeypointPair;

class EvaluationRunnerTest {

    @TempDir
    Path dir;

    private static KeypointPair pair(String where, String category, double[] sx, double[] sy, double[] tx, double[] ty) {
        return new KeypointPair(where, where + "-a.jpg", where + "-b.jpg", Path.of(where + "-a.jpg"), Path.of(where + "-b.jpg"),
                category, null, sx, sy, tx, ty, null, 100);
    }

    private static PairMatcher identityMatcher() {
        return new PairMatcher() {
            @Override
            public String modelName() {
                return "identity";
            }

            @Override
            public PairCorrespondence align(Path source, Path target, ProgressListener progress, CancelToken cancel) {
                if (source.toString().startsWith("broken")) {
                    throw new UserFacingException("cannot decode " + source);
                }
                return KnownCorrespondence.identity(18, 18);
            }
        };
    }

    @Test
    void pckIsTheMeanOverPairsNotOverPoints() {
        // pair 1: 2 points, the second 10 px off → 1/2; pair 2: 4 exact points → 1; L = 100, α = 0.05 → 5 px
        Dataset dataset = new Dataset(Benchmark.PF_PASCAL, "hand-made", Path.of("x.csv"), List.of(
                pair("p1", "cat", new double[] {2, 12}, new double[] {2, 2}, new double[] {2, 2}, new double[] {2, 2}),
                pair("p2", "dog", new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4},
                        new double[] {1, 2, 3, 4})), List.of());
        EvaluationSettings settings = new EvaluationSettings(Benchmark.PF_PASCAL, ThresholdKind.BOUNDING_BOX, Mapping.PAPER,
                List.of(0.05));
        EvaluationReport report = new EvaluationRunner(identityMatcher(), settings)
                .run(dataset, 0, ProgressListener.NONE, CancelToken.NEVER, r -> { }, false);
        assertEquals(0.75, report.pck()[0], 1e-12, "(1/2 + 1) / 2 pairs");
        assertEquals(5.0 / 6.0, report.pckPerPoint()[0], 1e-12, "5 of 6 points");
        Map<String, EvaluationReport.GroupPck> categories = report.perCategory();
        assertEquals(0.5, categories.get("cat").pck()[0], 1e-12);
        assertEquals(1.0, categories.get("dog").pck()[0], 1e-12);
        assertEquals(1.0, report.perKeypoint().get("cat/0").pck()[0], 1e-12);
        assertEquals(0.0, report.perKeypoint().get("cat/1").pck()[0], 1e-12);
    }

    @Test
    void unreadablePairIsSkippedWithItsReasonAndTheRunGoesOn() {
        Dataset dataset = new Dataset(Benchmark.PF_PASCAL, "hand-made", Path.of("x.csv"), List.of(
                pair("broken", "cat", new double[] {2}, new double[] {2}, new double[] {2}, new double[] {2}),
                pair("fine", "cat", new double[] {2}, new double[] {2}, new double[] {2}, new double[] {2})), List.of());
        EvaluationReport report = new EvaluationRunner(identityMatcher(), EvaluationSettings.paperDefaults(Benchmark.PF_PASCAL))
                .run(dataset, 0, ProgressListener.NONE, CancelToken.NEVER, r -> { }, false);
        assertEquals(1, report.results().size());
        assertEquals(1, report.skipped().size());
        assertEquals("broken", report.skipped().get(0).where());
        assertTrue(report.skipped().get(0).reason().contains("cannot decode"));
    }

    @Test
    void cancelStopsAfterTheCurrentPairAndKeepsWhatIsDoneWhenAsked() {
        List<KeypointPair> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(pair("p" + i, "cat", new double[] {2}, new double[] {2}, new double[] {2}, new double[] {2}));
        }
        Dataset dataset = new Dataset(Benchmark.PF_PASCAL, "hand-made", Path.of("x.csv"), pairs, List.of());
        CancelToken cancel = new CancelToken();
        EvaluationRunner runner = new EvaluationRunner(identityMatcher(), EvaluationSettings.paperDefaults(Benchmark.PF_PASCAL));
        EvaluationReport partial = runner.run(dataset, 0, ProgressListener.NONE, cancel, r -> cancel.cancel(), true);
        assertFalse(partial.complete());
        assertEquals(1, partial.results().size());
        CancelToken cancel2 = new CancelToken();
        org.junit.jupiter.api.Assertions.assertThrows(CancelledException.class,
                () -> runner.run(dataset, 0, ProgressListener.NONE, cancel2, r -> cancel2.cancel(), false));
    }

    @Test
    void generatedPascalFolderWithKnownWarpsScoresPerfectlyAndTheReportFollowsTheSchema() throws IOException {
        List<BenchmarkFolders.GeneratedPair> generated = BenchmarkFolders.writePascal(dir, 3);
        Dataset dataset = DatasetLocator.open(Benchmark.PF_PASCAL, dir, null, null);
        for (ThresholdKind threshold : ThresholdKind.values()) {
            EvaluationSettings settings = new EvaluationSettings(Benchmark.PF_PASCAL, threshold, Mapping.PAPER,
                    EvaluationSettings.PAPER_ALPHAS);
            EvaluationReport report = new EvaluationRunner(new KnownWarpMatcher(generated), settings)
                    .run(dataset, 2, ProgressListener.NONE, CancelToken.NEVER, r -> { }, false);
            assertEquals(2, report.results().size(), "--limit 2");
            // only the half-to-even rounding of the target point remains: < 1 px, far below α 0.05 of 288 or 120 px
            assertEquals(1.0, report.pck()[2], 0.0, threshold + ": PCK@0.05");
        }
        EvaluationReport report = new EvaluationRunner(new KnownWarpMatcher(generated), EvaluationSettings.paperDefaults(Benchmark.PF_PASCAL))
                .run(dataset, 0, ProgressListener.NONE, CancelToken.NEVER, r -> { }, false);
        Path json = dir.resolve("out/report.json");
        Path csv = dir.resolve("out/pairs.csv");
        ReportWriter.writeJson(report, json);
        ReportWriter.writeCsv(report, csv);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (String key : List.of("benchmark", "threshold", "mapping", "model", "alphas", "pck", "per_category", "pairs",
                "convention", "skipped", "pck_per_point", "per_keypoint")) {
            assertTrue(root.has(key), "report has " + key);
        }
        assertEquals("pf-pascal", root.get("benchmark").asText());
        assertEquals("image-size", root.get("threshold").asText());
        assertEquals("paper", root.get("mapping").asText());
        assertEquals(1.0, root.get("pck").get("0.05").asDouble(), 0.0);
        assertTrue(root.get("pck").has("0.10"), "α keys have two decimals: " + root.get("pck"));
        JsonNode first = root.get("pairs").get(0);
        for (String key : List.of("source", "target", "category", "L_pck", "source_keypoints", "target_keypoints",
                "predicted_source_keypoints", "pck")) {
            assertTrue(first.has(key), "pair has " + key);
        }
        assertEquals(288.0, first.get("L_pck").asDouble(), 0.0);
        assertEquals(6, first.get("predicted_source_keypoints").size());
        assertEquals(2, first.get("source_keypoints").get(0).size());
        assertTrue(root.get("convention").asText().contains("mean over pairs"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), "header + 3 pairs");
        assertTrue(lines.get(0).startsWith("where,source,target,category,domain,L_pck,evaluated_points,pck@0.01"), lines.get(0));
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }
}
