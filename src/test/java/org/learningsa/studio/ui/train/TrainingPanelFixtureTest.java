package org.learningsa.studio.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.cli.FixtureTrainingRun;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.train.MetricsLog;
import org.learningsa.studio.train.StepMetrics;
import org.learningsa.studio.train.TrainingService;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The end-to-end check with the real trainer on the training fixture: start 2
 * steps on the hashed weights from the panel, see the curves get points, cancel, resume to 3 steps,
 * and get exactly what a 3-step {@code lsa train} gives (every logged loss and every tensor of last.pt
 * bit for bit: one code path, deterministic on one machine). The JavaFX thread is watched throughout.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class TrainingPanelFixtureTest {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingPanelFixtureTest.class);

    /** ../shared/fixtures/train, else the copy in src/test/resources (so that a clone without ../shared runs it too). */
    private final Path fixture = FixtureTrainingRun.fixture().orElse(null);
    private TrainingViewModel viewModel;
    private TrainingView view;
    private Path runs;
    private final List<String> offered = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        runs = Files.createTempDirectory("lsa-panel-runs");
        viewModel = new TrainingViewModel(new FxTaskRunner(), TrainingEngine.of(new TrainingService()), Platform::runLater, runs,
                new StateFileSettings());
        viewModel.setCheckpointSink((file, label) -> offered.add(label));
        view = new TrainingView(viewModel);
        stage.setScene(new Scene(view.build(), 1200, 760));
        stage.show();
    }

    /** A run folder holds 4.6 GB (last.pt, epoch_000.pt, state.pt): never leave one behind in the temp folder. */
    @org.junit.jupiter.api.AfterEach
    void removeTheRuns() throws java.io.IOException {
        if (runs != null && Files.isDirectory(runs)) {
            try (java.util.stream.Stream<Path> files = Files.walk(runs)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void twoStepsCancelResumeToThreeEqualsTheCli(FxRobot robot) throws Exception {
        assumeTrue(fixture != null, "the training fixture is neither in ../shared/fixtures/train nor in src/test/resources");
        robot.interact(() -> {
            viewModel.benchmarkProperty().set(Benchmark.PF_PASCAL);
            viewModel.csvProperty().set(fixture.resolve("train_pairs.csv"));
            viewModel.dataFolderProperty().set(fixture);
            viewModel.startModelProperty().set(TrainingViewModel.StartModel.HASHED_WEIGHTS);
            viewModel.maxStepsProperty().set(2);
            viewModel.validationProperty().set(false);
            viewModel.deviceProperty().set(DeviceChoice.CPU);
        });
        Label status = robot.lookup("#trainStatus").queryAs(Label.class);
        FxThreadProbe.Report report;
        try (FxThreadProbe probe = new FxThreadProbe().start()) {
            robot.clickOn("#trainStart");
            WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> viewModel.curves().curves().size() >= 1
                    || !viewModel.runningProperty().get());
            robot.interact(view.curvesView()::redrawIfChanged);
            assertTrue(view.curvesView().lossChart().getData().get(0).getData().size() >= 1, "the curves got a point");
            for (int tab = 0; tab < 3; tab++) {
                int index = tab;
                robot.interact(() -> view.tabs().getSelectionModel().select(index));
            }
            robot.interact(() -> view.tabs().getSelectionModel().select(0));
            robot.clickOn("#trainCancel");
            WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> !viewModel.runningProperty().get());
            report = probe.report();
        }
        LOG.info("JavaFX thread during real training: {}", report);
        assertEquals(0, report.waitingSamples(), "the JavaFX thread waited: " + report);
        var firstPart = viewModel.lastOutcomeProperty().get();
        assertTrue(firstPart != null, "the run ended with an outcome: " + status.getText());
        LOG.info("first part: {} ({})", firstPart, status.getText());
        assertTrue(status.getText().startsWith(firstPart.cancelled() ? "Cancelled after step " : "Done: 2 steps"), status.getText());
        Path run = firstPart.runDir();
        assertTrue(RunFolders.isResumable(run), "state.pt and last.pt are saved in " + run);
        assertTrue(offered.stream().anyMatch(label -> label.startsWith("Run " + run.getFileName())), "offered: " + offered);

        robot.interact(() -> viewModel.maxStepsProperty().set(3));
        robot.clickOn("#trainResume");
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> !viewModel.runningProperty().get());
        assertTrue(status.getText().startsWith("Done: 3 steps"), status.getText());

        // the CLI's uninterrupted 3-step run of the same fixture (made once per test JVM, shared with TrainCommandTest)
        FixtureTrainingRun.Result cliRun = FixtureTrainingRun.threeSteps(fixture);
        assertEquals(0, cliRun.exitCode(), "lsa train: " + cliRun.err());
        Path cli = cliRun.runDir();
        List<StepMetrics> panelSteps = MetricsLog.steps(MetricsLog.read(run.resolve(MetricsLog.FILE_NAME)));
        List<StepMetrics> cliSteps = MetricsLog.steps(MetricsLog.read(cli.resolve(MetricsLog.FILE_NAME)));
        assertEquals(3, panelSteps.size());
        for (int i = 0; i < 3; i++) {
            StepMetrics a = panelSteps.get(i);
            StepMetrics b = cliSteps.get(i);
            assertEquals(b.loss(), a.loss(), 0, "step " + (i + 1) + " total loss");
            assertEquals(b.lossFused(), a.lossFused(), 0, "step " + (i + 1) + " fused");
            assertEquals(b.learningRate(), a.learningRate(), 0, "step " + (i + 1) + " lr");
        }
        try (StateDict panel = StateDict.load(run.resolve(RunFolders.LAST_CHECKPOINT));
             StateDict reference = StateDict.load(cli.resolve(RunFolders.LAST_CHECKPOINT))) {
            assertEquals(reference.keys(), panel.keys());
            for (String key : reference.keys()) {
                assertEquals(reference.get(key).contiguousBytes(), panel.get(key).contiguousBytes(), key + " differs");
            }
            LOG.info("last.pt of the panel's cancel+resume equals the CLI's 3-step run: {} keys", panel.size());
        }
    }
}
