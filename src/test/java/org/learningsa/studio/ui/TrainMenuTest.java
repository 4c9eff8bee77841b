package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.learningsa.studio.ui.train.TrainingViewModel;
import org.learningsa.studio.ui.train.TrainingWindows;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hook of issue 13 in the main window: Train → Training panel… opens the panel, and its checkpoints come back. */
@ExtendWith(ApplicationExtension.class)
class TrainMenuTest {

    private final FxTaskRunner tasks = new FxTaskRunner();
    private final StudioAlignerCatalog catalog = StudioAlignerCatalog.forApp();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/trainmenu"));
        preferences.clear();
        window = new MainWindow(SamplePairs.installed(), catalog, tasks, preferences, fx -> fx);
        window.show(stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
        catalog.close();
    }

    @Test
    void trainMenuOpensThePanelWhoseCheckpointsReachTheModelSelector(FxRobot robot) throws Exception {
        robot.clickOn("Train");
        robot.clickOn("Training panel…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && "Train LearningSA on a dataset".equals(s.getTitle())));
        assertTrue(robot.lookup("#trainStart").tryQuery().isPresent(), "the Start button of the panel");
        MainViewModel main = window.mainViewModel();
        TrainingViewModel panel = TrainingWindows.viewModel(main);
        assertTrue(panel.startModels().contains(TrainingViewModel.StartModel.HASHED_WEIGHTS), "hashed weights offered, labelled");
        int before = main.models().size();
        Path checkpoint = Path.of("/tmp/lsa-runs/run-x/epoch_010.pt");
        // what a running training does when it saved a checkpoint (on the JavaFX thread)
        robot.interact(() -> panelSink(panel, checkpoint));
        assertEquals(before + 1, main.models().size());
        assertEquals("Run run-x · epoch 10", main.models().get(main.models().size() - 1).label());
        assertTrue(TrainingWindows.mayCloseApp(null), "no run going: the app closes without asking");
    }

    private static void panelSink(TrainingViewModel panel, Path checkpoint) {
        panel.checkpointSink().saved(checkpoint, org.learningsa.studio.ui.train.RunFolders.checkpointLabel(checkpoint, 10));
    }
}
