package org.learningsa.studio.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.ui.StudioPreferences;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/** The training panel's words and memory, without a window (tasks run at once). */
class TrainingPanelWordsTest {

    @TempDir
    Path dir;

    private TrainingViewModel panel() {
        return new TrainingViewModel(new ImmediateTaskRunner(), new ScriptedEngine(3, 0), Runnable::run, dir.resolve("runs"));
    }

    @Test
    void aFolderHoldingAnotherCsvPointsAtTheCsvFieldNotTheCommandLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("my-pairs"));
        Files.writeString(folder.resolve("train_pairs.csv"), "a,b,class,xa,ya,xb,yb\n");
        TrainingViewModel panel = panel();
        panel.dataFolderProperty().set(folder);
        String said = panel.dataStatusProperty().get();
        assertTrue(said.contains("train_pairs.csv") && said.contains("CSV field"), said);
        assertFalse(said.contains("--csv"), "no command-line option in the panel: " + said);
    }

    @Test
    void resumeSaysResuming() throws Exception {
        TrainingViewModel panel = panel();
        Path run = dir.resolve("runs/run-1");
        MetricsFiles.writeRun(run, 3, 3);
        Files.writeString(run.resolve("last.pt"), "stand-in");
        Files.writeString(run.resolve("state.pt"), "stand-in");
        List<String> statuses = new ArrayList<>();
        panel.statusProperty().addListener((obs, old, now) -> statuses.add(now));
        panel.resume(run, 4L);
        assertEquals("Resuming run-1 …", statuses.get(0));
    }

    @Test
    void datasetCsvAndMaxStepsAreRememberedAcrossARestart() throws Exception {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/trainform"));
        preferences.clear();
        Path folder = Files.createDirectories(dir.resolve("data"));
        Path csv = Files.writeString(dir.resolve("pairs.csv"), "x\n");
        TrainingViewModel first = panel();
        TrainingFormMemory.attach(first, preferences);
        first.benchmarkProperty().set(Benchmark.PF_WILLOW);
        first.dataFolderProperty().set(folder);
        first.csvProperty().set(csv);
        first.maxStepsProperty().set(3);

        TrainingViewModel restarted = panel();
        TrainingFormMemory.attach(restarted, preferences);
        assertEquals(List.of(Benchmark.PF_WILLOW, folder, csv, 3), List.of(restarted.benchmarkProperty().get(),
                restarted.dataFolderProperty().get(), restarted.csvProperty().get(), restarted.maxStepsProperty().get()));
    }

    @Test
    void theMainWindowSignShowsTheRunWhileItGoesAndNothingAfter() throws Exception {
        TrainingViewModel panel = panel();
        javafx.beans.binding.StringBinding sign = TrainingWindows.runSign(panel);
        assertEquals("", sign.get());
        Path run = dir.resolve("runs/run-2");
        MetricsFiles.writeRun(run, 3, 3);
        Files.writeString(run.resolve("last.pt"), "stand-in");
        Files.writeString(run.resolve("state.pt"), "stand-in");
        List<String> signs = new ArrayList<>();
        sign.addListener((obs, old, now) -> signs.add(now));
        panel.resume(run, 4L);
        assertTrue(signs.stream().anyMatch(s -> s.startsWith("Training run-2: Resuming")), signs.toString());
        assertEquals("", sign.get(), "the sign goes when the run ends");
    }
}
