package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Edit → Colorize… in the real main window on the pair it opens with (the motorcycle stereo pair): the pair
 * is aligned (it was not yet) and the result appears at the source's size; both views are in colour, so the
 * status says the input is recoloured.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("slow") // one real alignment of the motorcycle sample with the default aligner: 30 s at load 17 here
class ColorizeMenuTest {

    private final FxTaskRunner tasks = new FxTaskRunner();
    private final StudioAlignerCatalog catalog = StudioAlignerCatalog.forApp();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/colorizemenu"));
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
    void colorizeOpensOnTheMainWindowsPairAlignsItAndShowsTheResult(FxRobot robot) throws Exception {
        MainViewModel main = window.mainViewModel();
        ImageView source = robot.lookup("#sourceView").queryAs(ImageView.class);
        ImageView target = robot.lookup("#targetView").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> loaded(source.getImage()) && loaded(target.getImage()));
        robot.clickOn("Edit");
        robot.clickOn("Colorize…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> colorizeWindow() != null);
        Window colorize = colorizeWindow();
        Label status = (Label) colorize.getScene().lookup("#colorizeStatus");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> status.getText().contains("strength 1.00"));
        ImageView result = (ImageView) colorize.getScene().lookup("#colorizeResultImage");
        assertEquals(main.sourcePixelsProperty().get().width(), (int) result.getImage().getWidth(), "the source is the input");
        assertTrue(status.getText().contains("Default aligner"), status.getText());
        assertTrue(status.getText().contains("recolouring"), status.getText());
        robot.interact(() -> ((Stage) colorize).close());
    }

    private static Window colorizeWindow() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Colorize".equals(s.getTitle()))
                .findFirst().orElse(null);
    }

    private static boolean loaded(Image image) {
        return image != null && image.getProgress() >= 1.0 && !image.isError();
    }
}
