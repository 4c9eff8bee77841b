package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
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

/** View → Morph between the images… (Ctrl+M) after Run opens the morph window on the pair, with the app's default aligner. */
@ExtendWith(ApplicationExtension.class)
class MorphMenuTest {

    private final FxTaskRunner tasks = new FxTaskRunner();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/morph"));
        preferences.clear();
        window = new MainWindow(SamplePairs.installed(), StudioAlignerCatalog.forApp(), tasks, preferences,
                fx -> dialogs);
        window.show(stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void beforeRunItSaysSoAfterRunItOpensTheMorphOfThePair(FxRobot robot) throws Exception {
        ImageView source = robot.lookup("#sourceView").queryAs(ImageView.class);
        ImageView target = robot.lookup("#targetView").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> loaded(source.getImage()) && loaded(target.getImage()));
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Nothing to morph yet", dialogs.last().title());

        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.mainViewModel().alignmentProperty().get() != null);
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> morphWindow().size() == 1);
        Window morph = morphWindow().get(0);
        assertTrue(((Stage) morph).getTitle().startsWith("Morph — "), ((Stage) morph).getTitle());
        ImageView halfway = (ImageView) morph.getScene().lookup("#morphHalfwayImage");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> halfway.getImage() != null);
        ImageView live = (ImageView) morph.getScene().lookup("#morphImage");
        assertTrue(live.getImage() != null, "the live morph shows");
        // its notifications are drawn as cards (the app's stylesheet), not bare text over the thumbnails
        javafx.scene.layout.Region[] card = new javafx.scene.layout.Region[1];
        robot.interact(() -> {
            org.learningsa.studio.ui.dialog.NotificationArea area = (org.learningsa.studio.ui.dialog.NotificationArea)
                    morph.getScene().lookup("#notificationArea");
            area.show(org.learningsa.studio.ui.dialog.Notification.info("Export cancelled", "Nothing was written."));
            card[0] = (javafx.scene.layout.Region) area.getChildren().get(0);
            card[0].applyCss();
        });
        assertTrue(card[0].getBackground() != null && !card[0].getBackground().getFills().isEmpty(),
                "the notice has its background");
        robot.interact(() -> ((Stage) morph).close());
    }

    private static List<Window> morphWindow() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().lookup("#morphView") != null)
                .toList();
    }

    private static boolean loaded(Image image) {
        return image != null && image.getProgress() >= 1.0 && !image.isError();
    }
}
