package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hook of issue 7 in the main window: Evaluate → Evaluate on a dataset… opens the evaluation window. */
@ExtendWith(ApplicationExtension.class)
class EvaluateMenuTest {

    private final FxTaskRunner tasks = new FxTaskRunner();
    private final StudioAlignerCatalog catalog = StudioAlignerCatalog.forApp();

    @Start
    void start(Stage stage) {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/evalmenu"));
        preferences.clear();
        new MainWindow(SamplePairs.installed(), catalog, tasks, preferences, fx -> fx).show(stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
        catalog.close();
    }

    @Test
    void evaluateMenuOpensTheEvaluationWindow(FxRobot robot) throws Exception {
        robot.clickOn("Evaluate");
        robot.clickOn("Evaluate on a dataset…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && "Evaluate on a dataset".equals(s.getTitle())));
        List<Window> windows = robot.listWindows();
        assertTrue(robot.lookup("#evalRun").tryQuery().isPresent(), "the Run button of the evaluation view: " + windows);
        assertTrue(robot.lookup("#evalOpenPair").tryQuery().isPresent(), "pairs can be sent to the main window");
    }
}
