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
        vm.setPairOpener((source, target) -> {
            opened.add(source);
            opened.add(target);
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
        assertTrue(vm.statusProperty().get().contains("Missing: bbox_test_pairs_pf_pascal.csv"), vm.statusProperty().get());
    }
}
