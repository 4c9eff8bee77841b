package org.learningsa.studio.ui.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.BenchmarkFolders;
import org.learningsa.studio.eval.KnownWarpMatcher;
import org.learningsa.studio.eval.ThresholdKind;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

class EvaluationViewModelTest {

    @TempDir
    Path dir;

    @Test
    void runShowsPckPerCategoryAndKeepsEveryPairAndTheSkippedRows() throws Exception {
        List<BenchmarkFolders.GeneratedPair> generated = BenchmarkFolders.writePascal(dir, 3);
        Files.delete(dir.resolve("data/PF_Pascal/JPEGImages/2009_000005.jpg"));
        EvaluationViewModel vm = new EvaluationViewModel(new ImmediateTaskRunner(), (c, p, t) -> new KnownWarpMatcher(generated),
                Runnable::run);
        vm.dataFolderProperty().set(dir);
        vm.benchmarkProperty().set(Benchmark.PF_PASCAL);
        vm.run();
        assertFalse(vm.runningProperty().get());
        assertNotNull(vm.reportProperty().get(), vm.statusProperty().get());
        assertEquals(2, vm.pairs().size());
        assertEquals(1, vm.skipped().size(), "the pair whose target image is missing");
        assertTrue(vm.statusProperty().get().startsWith("Done: 2 pairs, 1 skipped, PCK@0.10 = 100.0 %"), vm.statusProperty().get());
        assertEquals(1.0, vm.reportProperty().get().perCategory().get("dog").pck()[3], 0.0);
        java.util.List<Path> opened = new java.util.ArrayList<>();
        vm.setPairOpener(pair -> {
            opened.add(pair.source());
            opened.add(pair.target());
        });
        vm.selectedPairProperty().set(vm.pairs().get(1));
        vm.openSelectedInMainWindow();
        assertEquals(List.of(dir.resolve("data/PF_Pascal/JPEGImages/2009_000002.jpg").toAbsolutePath(),
                dir.resolve("data/PF_Pascal/JPEGImages/2009_000003.jpg").toAbsolutePath()), opened);
        vm.saveReport(dir.resolve("report.json"));
        assertTrue(Files.size(dir.resolve("report.json")) > 100);
    }

    @Test
    void benchmarkChoiceSetsLearningSasDefaultThreshold() {
        EvaluationViewModel vm = new EvaluationViewModel(new ImmediateTaskRunner(), (c, p, t) -> null, Runnable::run);
        assertEquals(ThresholdKind.IMAGE_SIZE, vm.thresholdProperty().get());
        vm.benchmarkProperty().set(Benchmark.PF_WILLOW);
        assertEquals(ThresholdKind.BOUNDING_BOX, vm.thresholdProperty().get());
    }

    @Test
    void wrongFolderShowsWhatIsMissingInTheStatus() {
        EvaluationViewModel vm = new EvaluationViewModel(new ImmediateTaskRunner(), (c, p, t) -> null, Runnable::run);
        vm.dataFolderProperty().set(dir);
        vm.run();
        assertFalse(vm.runningProperty().get());
        assertNull(vm.reportProperty().get());
        String status = vm.statusProperty().get();
        assertTrue(status.contains(dir.toString()) && status.contains("bbox_test_pairs_pf_pascal.csv")
                && status.contains("PF_Pascal/"), status);
    }

    @Test
    void wrongFolderSpeaksTheAppsWordsNotTheCommandLines() {
        EvaluationViewModel vm = new EvaluationViewModel(new ImmediateTaskRunner(), (c, p, t) -> null, Runnable::run);
        vm.dataFolderProperty().set(dir);
        vm.run();
        String status = vm.statusProperty().get();
        assertFalse(status.contains("--csv"), "no command-line option in the window: " + status);
        assertFalse(status.startsWith("pf-pascal:"), "no command-line prefix: " + status);
        assertTrue(status.contains("\"" + dir.getFileName() + "\"") && status.contains("is not a PF-PASCAL folder"), status);
        assertTrue(status.contains("Choose LearningSA's data/ folder"), "says which folder to choose: " + status);
        assertTrue(status.contains("bbox_test_pairs_pf_pascal.csv and PF_Pascal/ are missing"), "says what is missing: " + status);

        vm.benchmarkProperty().set(Benchmark.SPAIR);
        vm.run();
        status = vm.statusProperty().get();
        assertTrue(status.contains("Choose SPair-71k's own folder") && status.contains("PairAnnotation/test/"), status);
    }

    @Test
    void openPairSendsTheEvaluatedModelItsKeptResultAndTheNumberedGroundTruth() throws Exception {
        List<BenchmarkFolders.GeneratedPair> generated = BenchmarkFolders.writePascal(dir, 2);
        Path checkpoint = dir.resolve("weights/finetuned.pt");
        org.learningsa.studio.ui.SyntheticAligner aligner = new org.learningsa.studio.ui.SyntheticAligner();
        EvaluationViewModel vm = new EvaluationViewModel(new ImmediateTaskRunner(),
                (c, p, t) -> org.learningsa.studio.eval.AlignerPairMatcher.shared(aligner), Runnable::run);
        vm.dataFolderProperty().set(dir);
        vm.checkpointProperty().set(checkpoint);
        vm.run();
        assertEquals(2, vm.pairs().size(), vm.statusProperty().get());
        List<org.learningsa.studio.ui.PairToOpen> sent = new java.util.ArrayList<>();
        vm.setPairOpener(sent::add);
        vm.selectedPairProperty().set(vm.pairs().get(1));
        vm.openSelectedInMainWindow();

        org.learningsa.studio.ui.PairToOpen pair = sent.get(0);
        assertEquals(org.learningsa.studio.ui.ModelChoice.checkpoint(checkpoint).id(), pair.model().id(), "the evaluated model");
        assertNotNull(pair.alignment(), "the run's own result, so the main window need not align again");
        assertEquals(generated.get(1).sourceWidth(), pair.alignment().source().width());
        assertEquals(generated.get(1).targetWidth(), pair.alignment().target().width());
        assertEquals(2, aligner.runCount(), "nothing aligned again for opening");
        org.learningsa.studio.ui.ReferencePoints points = pair.points();
        assertTrue(points.isFor(pair.source(), pair.target()));
        assertEquals(6, points.points().size());
        for (int i = 0; i < 6; i++) {
            org.learningsa.studio.ui.ReferencePoints.Point p = points.points().get(i);
            assertEquals(i + 1, p.number(), "numbered as the evaluation's pair view numbers them");
            assertEquals(generated.get(1).sourceX()[i], p.source().x(), 0.01, "original pixels (CSV has 2 decimals)");
            assertEquals(generated.get(1).targetY()[i], p.target().y(), 0.01);
        }
    }
}
