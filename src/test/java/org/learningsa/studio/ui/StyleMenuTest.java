package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The user's path of issue 16 in the real main window: open the photo–painting sample, Edit → Style
 * transfer…; the pair is aligned (it was not yet) and the stylised preview appears at the photo's size.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow") // one real alignment of the full-size sample pair with the default aligner: 61-77 s at load 20 here
class StyleMenuTest {

    private final FxTaskRunner tasks = new FxTaskRunner();
    private final StudioAlignerCatalog catalog = StudioAlignerCatalog.forApp();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/stylemenu"));
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
    void styleTransferOpensOnTheMainWindowsPairAndShowsAPreview(FxRobot robot) throws Exception {
        MainViewModel main = window.mainViewModel();
        SamplePair personScream = main.samplePairs().stream().filter(p -> p.name().equals("person-scream")).findFirst()
                .orElseThrow(() -> new AssertionError("the person-scream sample pair is not installed"));
        robot.interact(() -> main.openSample(personScream));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> main.sourcePixelsProperty().get() != null && main.targetPixelsProperty().get() != null);
        robot.clickOn("Edit");
        robot.clickOn("Style transfer…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Stage s && "Style transfer".equals(s.getTitle())));
        Label status = robot.lookup("#styleStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> status.getText().contains("strength 1.00"));
        ImageView result = robot.lookup("#styleResultImage").queryAs(ImageView.class);
        assertEquals(main.sourcePixelsProperty().get().width(), (int) result.getImage().getWidth(), "the photo is the input");
        assertTrue(status.getText().contains("Default aligner"), status.getText());
    }
}
